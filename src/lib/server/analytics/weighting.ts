// A survey's population margins (saved from a checked CSV in one transaction), its trimming
// bounds, and the raking weights computed from them for a dataset.
//
// weight_source.imported_at is when the weighting last changed (margins read or trimming set):
// the dataset cache (dataset-cache.ts) recomputes the weights when it moves.
import type { DB } from '../db';
import type { CodeVariable, Dataset } from '$lib/analytics/dataset';
import { VALID } from '$lib/analytics/dataset';
import { marginCode, marginKeys, type Margin } from '$lib/analytics/margins';
import { weigh, type MarginColumn, type TrimBounds, type WeightingResult } from '$lib/analytics/raking';

const byCode = (a: Margin, b: Margin) => a.questionKey.localeCompare(b.questionKey) || a.code - b.code || (a.code2 ?? 0) - (b.code2 ?? 0);

/** The survey's margins, single and joint, by question key and code. */
export function margins(db: DB, surveyId: number): Margin[] {
	const rows = db.prepare('SELECT question_key AS questionKey, code, population FROM weight_margin WHERE survey_id = ?').all(surveyId) as {
		questionKey: string;
		code: string | number;
		population: number;
	}[];
	return rows
		.map((r) => {
			const [code, code2] = String(r.code).split(':').map(Number);
			const m: Margin = { questionKey: r.questionKey, code, population: r.population };
			if (code2 !== undefined) m.code2 = code2;
			return m;
		})
		.sort(byCode);
}

export interface WeightSource extends TrimBounds {
	note: string;
	importedAt: string;
}

export function source(db: DB, surveyId: number): WeightSource | undefined {
	return db
		.prepare('SELECT note, imported_at AS importedAt, trim_upper AS upper, trim_lower AS lower FROM weight_source WHERE survey_id = ?')
		.get(surveyId) as WeightSource | undefined;
}

const STAMP = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/** Replaces a survey's margins, all or nothing; the trimming bounds stay. */
export function saveMargins(db: DB, surveyId: number, list: Margin[], note: string): void {
	db.transaction(() => {
		db.prepare('DELETE FROM weight_margin WHERE survey_id = ?').run(surveyId);
		const insert = db.prepare('INSERT INTO weight_margin (survey_id, question_key, code, population) VALUES (?, ?, ?, ?)');
		for (const m of list) insert.run(surveyId, m.questionKey, marginCode(m), m.population);
		db.prepare(
			`INSERT INTO weight_source (survey_id, note, imported_at) VALUES (?, ?, ${STAMP})
			 ON CONFLICT (survey_id) DO UPDATE SET note = excluded.note, imported_at = excluded.imported_at`
		).run(surveyId, note);
	})();
}

/** Sets the trimming bounds of a survey that has margins; false when it has none. */
export function saveTrimming(db: DB, surveyId: number, bounds: TrimBounds): boolean {
	return db.transaction(
		() => db.prepare(`UPDATE weight_source SET trim_upper = ?, trim_lower = ?, imported_at = ${STAMP} WHERE survey_id = ?`).run(bounds.upper, bounds.lower, surveyId).changes > 0
	)();
}

export function clearMargins(db: DB, surveyId: number): void {
	db.transaction(() => {
		db.prepare('DELETE FROM weight_margin WHERE survey_id = ?').run(surveyId);
		db.prepare('DELETE FROM weight_source WHERE survey_id = ?').run(surveyId);
	})();
}

/** One margin laid out on a dataset: its rows and each respondent's row index (-1 when unknown). */
export interface DatasetMargin {
	questionKey: string;
	variables: CodeVariable[];
	rows: Margin[];
	column: MarginColumn;
}

/** The margins that a dataset can be raked on: those whose questions are all single-choice variables in it. */
export function datasetMargins(list: Margin[], data: Dataset): DatasetMargin[] {
	const out: DatasetMargin[] = [];
	for (const key of new Set(list.map((m) => m.questionKey))) {
		const variables = marginKeys(key).map((k) => data.byKey.get(k));
		if (!variables.every((v) => v?.kind === 'code')) continue;
		const vs = variables as CodeVariable[];
		const rows = list.filter((m) => m.questionKey === key);
		const index = new Map(rows.map((m, k) => [marginCode(m), k]));
		const categories = new Int32Array(data.size).fill(-1);
		for (let i = 0; i < data.size; i++) {
			// Unknown when any part is unanswered, unreadable or a code the table lacks.
			if (!vs.every((v) => v.state[i] === VALID)) continue;
			const code = vs.length === 1 ? String(vs[0].codes[i]) : `${vs[0].codes[i]}:${vs[1].codes[i]}`;
			categories[i] = index.get(code) ?? -1;
		}
		out.push({ questionKey: key, variables: vs, rows, column: { categories, population: new Map(rows.map((m, k) => [k, m.population])) } });
	}
	return out;
}

/** Raking weights (trimmed when bounds are set) for a dataset from the survey's margins, or undefined when it has none. */
export function weightsFor(db: DB, surveyId: number, data: Dataset): WeightingResult | undefined {
	const columns = datasetMargins(margins(db, surveyId), data).map((m) => m.column);
	if (!columns.length) return undefined;
	const s = source(db, surveyId);
	return weigh(data.size, columns, s ? { upper: s.upper, lower: s.lower } : undefined);
}
