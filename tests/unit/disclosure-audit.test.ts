// The disclosure audit over whole surveys (issue 14): every table the app publishes of the demo
// data and of generated samples of 50, 200 and 1,000 responses, checked from what it shows. For
// each table, the true counts come from the same computation with nothing hidden (k = 0), the
// hidden ones are read off the published table (its nulls), and each hidden count's feasible
// range given everything shown with it must be at least k wide. Every shown count must be true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundled } from './support/questionnaires';
import { datasetOf, type HandMade } from './support/dataset';
import { tempDatabasePath } from './support/temp-db';
import { openDatabase, type DB } from '../../src/lib/server/db';
import { fillDemo } from '../../src/lib/server/demo';
import { dataset } from '../../src/lib/server/analytics/dataset-cache';
import { syntheticAnswers } from '../../src/lib/survey/synthetic';
import { seededRandom } from '../../src/lib/seeded-random';
import type { Dataset, NumberVariable } from '../../src/lib/analytics/dataset';
import { questionTable } from '../../src/lib/analytics/frequencies';
import { publishTable, type Denominator } from '../../src/lib/analytics/published-tables';
import { auditRanges, groupsModel, questionModel, type TableModel } from '../../src/lib/analytics/disclosure';
import { canCross, crossTab, crossTabModel, type CrossTab } from '../../src/lib/analytics/crosstab';
import { meanBy } from '../../src/lib/analytics/means';
import { NO_FILTERS, select } from '../../src/lib/analytics/selection';

const K = 10;
const doc = bundled();

interface Finding {
	table: string;
	narrowest: number;
}

/** The narrowest hidden range of a model with the hidden counts given (Infinity when nothing is hidden). */
function audit(model: TableModel, hidden: boolean[]): number {
	// Withheld whole (every count hidden but the fixed total, zeros too): any count can be 0 or hold
	// everyone counted (put them all in it), so its range is the total; no program needed.
	const open = model.values.map((_, i) => i).filter((i) => !model.internal?.[i] && !model.fixed?.[i]);
	if (open.length > 30 && open.every((i) => hidden[i])) return model.values[model.fixed!.indexOf(true)];
	const widths = auditRanges(model, hidden)
		.filter((r) => r)
		.map((r) => r!.max - r!.min);
	return Math.min(Infinity, ...widths);
}

function auditQuestions(data: Dataset, findings: Finding[]): number {
	const selection = select(data, NO_FILTERS);
	let tables = 0;
	for (const v of data.variables) {
		if (v.kind === 'text') continue;
		const t = questionTable(data, v, selection);
		for (const base of ['shown', 'answered'] as Denominator[]) {
			const p = publishTable(t, K, selection.length, base);
			const truth = publishTable(t, 0, selection.length, base);
			const valid = truth.categories.filter((c) => !c.missing).map((c) => c.n!);
			const [unreadable, none] = truth.categories.slice(-2).map((c) => c.n!);
			const q = t.question;
			const rules = q.type === 'multiple' ? { exclusive: q.options.map((o) => !!o.exclusive), minSelect: q.minSelect, maxSelect: q.maxSelect } : {};
			const model = questionModel(valid, unreadable, none, t.base, selection.length, !!t.multiple, rules);
			const hidden = [...p.categories.map((c) => c.n === null), p.base === null, false, false];
			p.categories.forEach((c, i) => c.n !== null && expect(c.n).toBe(truth.categories[i].n));
			// A mean is shown only with nothing hidden (it could pin hidden counts that a linear audit lets pass).
			if (p.mean?.value != null) expect(hidden.some(Boolean)).toBe(false);
			tables++;
			findings.push({ table: `${v.key} (${base})`, narrowest: audit(model, hidden) });
		}
	}
	return tables;
}

function crossTabFinding(t: CrossTab, truth: CrossTab): number {
	const model = crossTabModel(
		truth.rows.map((r) => r.counts.map((n) => n!)),
		truth.rows.map((r) => r.base!),
		truth.columns.map((c) => c.total!),
		truth.total,
		{ byMultiple: isMulti(t.by.key), ofMultiple: t.ofMultiple, missingColumn: t.denominator === 'shown' }
	);
	const hidden = [...t.rows.flatMap((r) => r.counts.map((n) => n === null)), ...t.rows.map((r) => r.base === null), ...t.columns.map((c) => c.total === null), false];
	t.rows.forEach((r, i) => r.counts.forEach((n, c) => n !== null && expect(n).toBe(truth.rows[i].counts[c])));
	return audit(model, hidden);
}

let multiKeys = new Set<string>();
const isMulti = (key: string) => multiKeys.has(key);

function auditCrossTabs(data: Dataset, findings: Finding[]): number {
	const selection = select(data, NO_FILTERS);
	multiKeys = new Set(data.variables.filter((v) => v.kind === 'multi').map((v) => v.key));
	let tables = 0;
	for (const byKey of ['F1', 'F2', 'F3', 'F5', 'PERSONA', 'DSI']) {
		const by = data.byKey.get(byKey)!;
		for (const of of data.variables.filter(canCross)) {
			if (of === by) continue;
			for (const base of (byKey === 'F1' ? ['shown', 'answered'] : ['shown']) as Denominator[]) {
				const t = crossTab(data, of, by, selection, K, base);
				const truth = crossTab(data, of, by, selection, 0, base);
				tables++;
				findings.push({ table: `${of.key} × ${byKey} (${base})`, narrowest: crossTabFinding(t, truth) });
			}
		}
	}
	return tables;
}

function auditMeans(data: Dataset, findings: Finding[]): number {
	const selection = select(data, NO_FILTERS);
	const score = data.byKey.get('DSI_SCORE') as NumberVariable;
	let tables = 0;
	for (const key of ['F1', 'F2', 'F3', 'PERSONA']) {
		const groups = meanBy(data, score, data.byKey.get(key)!, selection, K);
		const truth = meanBy(data, score, data.byKey.get(key)!, selection, 0);
		let assessed = 0;
		for (const i of selection) assessed += score.state[i] === 1 ? 1 : 0;
		tables++;
		findings.push({ table: `mean score by ${key}`, narrowest: audit(groupsModel(truth.map((g) => g.n!), assessed), [...groups.map((g) => g.n === null), false]) });
	}
	return tables;
}

function auditAll(name: string, data: Dataset) {
	const findings: Finding[] = [];
	const counts = { questions: auditQuestions(data, findings), crossTabs: auditCrossTabs(data, findings), means: auditMeans(data, findings) };
	const failing = findings.filter((f) => f.narrowest < K - 1e-6);
	const hiding = findings.filter((f) => f.narrowest < Infinity);
	console.log(
		`${name}: ${counts.questions} question tables, ${counts.crossTabs} cross-tabs, ${counts.means} mean tables; ${hiding.length} hide something; narrowest hidden range ${Math.min(...hiding.map((f) => f.narrowest))} (k = ${K})`
	);
	expect(failing).toEqual([]);
	expect(hiding.length).toBeGreaterThan(0);
}

const generated = (n: number, seed: number): Dataset => {
	const random = seededRandom(seed);
	const rows: HandMade[] = Array.from({ length: n }, () => ({ answers: syntheticAnswers(doc, random) }));
	return datasetOf(doc, rows);
};

describe('the disclosure audit', () => {
	let temp: ReturnType<typeof tempDatabasePath>;
	let db: DB;
	beforeAll(() => {
		temp = tempDatabasePath();
		db = openDatabase(temp.file);
	});
	afterAll(() => {
		db.close();
		temp.remove();
	});

	it('finds no hidden count narrower than k in any table of the demo data', () => {
		const { edition2022 } = fillDemo(db, 3000);
		auditAll('demo data (3,000)', dataset(db, edition2022.surveyId));
	}, 120_000);

	for (const [n, seed] of [
		[50, 1],
		[200, 2],
		[1000, 3]
	])
		it(`finds none in any table of a generated sample of ${n}`, () => auditAll(`generated ${n}`, generated(n, seed)), 120_000);
});
