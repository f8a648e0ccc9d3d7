// A survey's population margins (saved from a checked CSV in one transaction) and the raking
// weights computed from them for a dataset.
import type { DB } from '../db';
import type { Dataset } from '$lib/analytics/dataset';
import { VALID } from '$lib/analytics/dataset';
import type { Margin } from '$lib/analytics/margins';
import { rake, type MarginColumn, type RakingResult } from '$lib/analytics/raking';

export function margins(db: DB, surveyId: number): Margin[] {
	return db
		.prepare('SELECT question_key AS questionKey, code, population FROM weight_margin WHERE survey_id = ? ORDER BY question_key, code')
		.all(surveyId) as Margin[];
}

export function source(db: DB, surveyId: number): { note: string; importedAt: string } | undefined {
	return db.prepare('SELECT note, imported_at AS importedAt FROM weight_source WHERE survey_id = ?').get(surveyId) as
		| { note: string; importedAt: string }
		| undefined;
}

/** Replaces a survey's margins, all or nothing. */
export function saveMargins(db: DB, surveyId: number, list: Margin[], note: string): void {
	db.transaction(() => {
		db.prepare('DELETE FROM weight_margin WHERE survey_id = ?').run(surveyId);
		const insert = db.prepare('INSERT INTO weight_margin (survey_id, question_key, code, population) VALUES (?, ?, ?, ?)');
		for (const m of list) insert.run(surveyId, m.questionKey, m.code, m.population);
		db.prepare(
			`INSERT INTO weight_source (survey_id, note, imported_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
			 ON CONFLICT (survey_id) DO UPDATE SET note = excluded.note, imported_at = excluded.imported_at`
		).run(surveyId, note);
	})();
}

export function clearMargins(db: DB, surveyId: number): void {
	db.transaction(() => {
		db.prepare('DELETE FROM weight_margin WHERE survey_id = ?').run(surveyId);
		db.prepare('DELETE FROM weight_source WHERE survey_id = ?').run(surveyId);
	})();
}

/** Raking weights for a dataset from the survey's margins, or undefined when it has none. */
export function weightsFor(db: DB, surveyId: number, data: Dataset): RakingResult | undefined {
	const list = margins(db, surveyId);
	if (!list.length) return undefined;
	const columns: MarginColumn[] = [];
	for (const key of new Set(list.map((m) => m.questionKey))) {
		const v = data.byKey.get(key);
		if (!v || v.kind !== 'code') continue;
		const categories = new Int32Array(data.size).fill(-1);
		for (let i = 0; i < data.size; i++) if (v.state[i] === VALID) categories[i] = v.codes[i];
		columns.push({ categories, population: new Map(list.filter((m) => m.questionKey === key).map((m) => [m.code, m.population])) });
	}
	return columns.length ? rake(data.size, columns) : undefined;
}
