// Raking and trimming (src/lib/analytics/raking.ts) against R's survey::rake and
// survey::trimWeights on the same 400 respondents (tests/reference/raking.R wrote the weights
// to raking.json); unknown categories kept as their own cell; joint margins; the weights page's
// shares; and the margins and trimming bounds stored on a real temporary SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundled } from './support/questionnaires';
import { datasetOf, type HandMade } from './support/dataset';
import { tempDatabasePath } from './support/temp-db';
import { databaseBefore } from './support/old-database';
import { referenceText } from './support/reference';
import { rake, trimWeights, weigh, type MarginColumn } from '../../src/lib/analytics/raking';
import { readMargins } from '../../src/lib/analytics/margins';
import { marginTable } from '../../src/lib/analytics/weight-shares';
import { datasetMargins, margins, saveMargins, saveTrimming, source, weightsFor, clearMargins } from '../../src/lib/server/analytics/weighting';
import { migrate, openDatabase, type DB } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import template from '../../src/lib/survey/templates/digital-level-2022.json';

interface Reference {
	n: number;
	population: Record<string, { codes: string[]; population: number[] }>;
	cases: Record<string, { margins: string[]; weights: number[]; upper?: number; lower?: number; trimmed?: number }>;
}
const reference = JSON.parse(referenceText('raking.json')) as Reference;

// The reference respondents as answers to the bundled questionnaire: age group F1, sex F2 (3, その他, is not in the population table), district F3.
const rows = referenceText('raking-data.csv')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(',').map((c) => (c === '' ? undefined : Number(c))));
const respondents: HandMade[] = rows.map(([, age, sex, district]) => ({
	answers: Object.fromEntries(Object.entries({ F1: age, F2: sex, F3: district }).filter(([, v]) => v !== undefined)) as HandMade['answers']
}));
const doc = bundled();
const data = datasetOf(doc, respondents);
const QUESTION: Record<string, string> = { age: 'F1', sex: 'F2', district: 'F3', agesex: 'F1:F2' };

/** The reference population as the CSV staff would upload. */
function csvOf(names: string[]): string {
	const lines = ['question_key,code,label,population'];
	for (const name of names) {
		const p = reference.population[name];
		p.codes.forEach((code, k) => lines.push(`${QUESTION[name]},${code},,${p.population[k]}`));
	}
	return lines.join('\n');
}

/** The reference margins, read and laid on the dataset, in the order given. */
function columnsOf(names: string[]): MarginColumn[] {
	const read = readMargins(doc, csvOf(names));
	if (!read.ok) throw new Error(JSON.stringify(read.problems));
	const laid = datasetMargins(read.margins, data);
	return names.map((name) => laid.find((m) => m.questionKey === QUESTION[name])!.column);
}

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);
const sumWhere = (w: Float64Array, pick: (i: number) => boolean) => w.reduce((s, x, i) => s + (pick(i) ? x : 0), 0);

describe('raking as survey::rake', () => {
	it('gives R’s weights for age, sex and district with unknowns kept, to 1e-6, and says it converged', () => {
		const r = rake(data.size, columnsOf(reference.cases.separate.margins));
		expect(r.weights.length).toBe(400);
		expect(maxDifference(r.weights, reference.cases.separate.weights)).toBeLessThan(1e-6);
		expect(r.converged).toBe(true);
		expect(r.iterations).toBeGreaterThan(1);
		expect(r.iterations).toBeLessThan(200);
		expect(r.maxError).toBeLessThan(1e-8);
		expect(sumWhere(r.weights, () => true)).toBeCloseTo(400, 9);
	});

	it('does not depend on the order of the margins', () => {
		const names = reference.cases.separate.margins;
		const forward = rake(data.size, columnsOf(names)).weights;
		for (const order of [[2, 1, 0], [1, 0, 2], [0, 2, 1]]) expect(maxDifference(rake(data.size, columnsOf(order.map((k) => names[k]))).weights, forward)).toBeLessThan(1e-7);
	});

	it('keeps respondents of an unknown category as their own cell at their sample share', () => {
		const [age, sex] = columnsOf(['age', 'sex']);
		const w = rake(data.size, columnsOf(['age', 'sex', 'district'])).weights;
		const unknownSex = sumWhere(w, (i) => sex.categories[i] < 0);
		// 11 without an answer and 11 with code 3 (その他), which the table lacks.
		expect(sumWhere(new Float64Array(400).fill(1), (i) => sex.categories[i] < 0)).toBe(22);
		expect(unknownSex).toBeCloseTo(22, 6);
		expect(sumWhere(w, (i) => age.categories[i] < 0)).toBeCloseTo(20, 6);
		// The known categories share the rest in the population's proportions: men 73000 of 152500.
		expect(sumWhere(w, (i) => sex.categories[i] === 0) / (400 - 22)).toBeCloseTo(73000 / 152500, 9);
		// One margin: two men, one woman, one unknown → the unknown keeps weight 1.
		const one = rake(4, [{ categories: new Int32Array([1, 1, 2, -1]), population: new Map([[1, 50], [2, 50]]) }]);
		expect([...one.weights].map((x) => Math.round(x * 1000) / 1000)).toEqual([0.75, 0.75, 1.5, 1]);
	});

	it('reads a joint age × sex margin and matches it, as R does', () => {
		const columns = columnsOf(reference.cases.joint.margins);
		const r = rake(data.size, columns);
		expect(maxDifference(r.weights, reference.cases.joint.weights)).toBeLessThan(1e-6);
		expect(r.converged).toBe(true);
		const [agesex] = columns;
		const p = reference.population.agesex;
		const total = p.population.reduce((a, b) => a + b, 0);
		const known = sumWhere(r.weights, (i) => agesex.categories[i] >= 0);
		p.codes.forEach((code, k) => expect(sumWhere(r.weights, (i) => agesex.categories[i] === k) / known).toBeCloseTo(p.population[k] / total, 9));
		// Either part unknown (no age, no sex, or sex 3) puts a respondent in the unknown cell.
		const unknown = rows.filter(([, age, sex]) => age === undefined || sex === undefined || sex === 3).length;
		expect(sumWhere(new Float64Array(400).fill(1), (i) => agesex.categories[i] < 0)).toBe(unknown);
		expect(sumWhere(r.weights, (i) => agesex.categories[i] < 0)).toBeCloseTo(unknown, 6);
	});

	it('says when it did not converge: inconsistent margins on the same question', () => {
		const categories = new Int32Array([1, 1, 2, 2]);
		const r = rake(4, [
			{ categories, population: new Map([[1, 30], [2, 70]]) },
			{ categories, population: new Map([[1, 70], [2, 30]]) }
		]);
		expect(r.converged).toBe(false);
		expect(r.iterations).toBe(200);
		expect(r.maxError).toBeCloseTo(40, 6);
	});
});

describe('trimming as survey::trimWeights(strict = FALSE)', () => {
	it('gives R’s trimmed weights to 1e-6 and reports how many were trimmed and the margin error left', () => {
		const c = reference.cases.trimmed;
		const columns = columnsOf(c.margins);
		const r = weigh(data.size, columns, { upper: c.upper!, lower: c.lower! });
		expect(maxDifference(r.weights, c.weights)).toBeLessThan(1e-6);
		expect(r.trimming?.trimmed).toBe(c.trimmed);
		expect(r.trimming!.maxError).toBeGreaterThan(0.01);
		expect(r.maxError).toBeLessThan(1e-8);
		expect(sumWhere(r.weights, () => true)).toBeCloseTo(400, 9);
	});

	it('trims to multiples of the mean and shares what was cut among the weights inside', () => {
		const t = trimWeights(new Float64Array([2, 2, 2, 2, 12]), { upper: 2, lower: null });
		// Mean 4, upper 8: 4 cut from the last weight, 1 added to each of the other four.
		expect([...t.weights]).toEqual([3, 3, 3, 3, 8]);
		expect(t.trimmed).toBe(1);
		expect(trimWeights(new Float64Array([1, 1]), { upper: null, lower: null }).trimmed).toBe(0);
	});
});

describe('the weights page’s shares', () => {
	it('divides weighted counts by the weighted total of the same respondents, so they sum to 100', () => {
		const sex = columnsOf(['sex'])[0];
		const w = rake(data.size, columnsOf(['age', 'sex', 'district'])).weights;
		const t = marginTable(sex.categories, reference.population.sex.population, w);
		const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
		expect(sum(t.rows.map((r) => r.weightedShare))).toBeCloseTo(100, 9);
		expect(sum(t.rows.map((r) => r.sampleShare))).toBeCloseTo(100, 9);
		const known = sum(t.rows.map((r) => r.weighted));
		for (const r of t.rows) expect(r.weightedShare).toBeCloseTo((r.weighted / known) * 100, 9);
		// After raking the weighted shares are the population's.
		t.rows.forEach((r) => expect(r.weightedShare).toBeCloseTo(r.populationShare, 6));
		expect(t.unknown).toMatchObject({ n: 22, sampleShare: 5.5 });
		expect(t.unknown.weightedShare).toBeCloseTo(5.5, 6);
	});

	it('shares of an unweighted sample are its counts', () => {
		const t = marginTable(new Int32Array([0, 0, 1, -1]), [30, 70]);
		expect(t.rows.map((r) => [r.n, r.sampleShare, r.weightedShare, r.populationShare])).toEqual([
			[2, (2 / 3) * 100, (2 / 3) * 100, 30],
			[1, (1 / 3) * 100, (1 / 3) * 100, 70]
		]);
		expect(t.unknown).toEqual({ n: 1, sampleShare: 25, weighted: 1, weightedShare: 25 });
	});
});

describe('stored margins and trimming', () => {
	let temp: ReturnType<typeof tempDatabasePath>;
	let db: DB;
	let surveyId: number;
	beforeEach(() => {
		temp = tempDatabasePath();
		db = openDatabase(temp.file);
		surveys.installBundled(db);
		surveyId = surveys.findPublished(db, 'digital-2022')!.survey.id;
	});
	afterEach(() => {
		db.close();
		temp.remove();
	});

	it('keeps joint margins and trimming bounds, and weightsFor gives R’s trimmed weights', () => {
		const read = readMargins(doc, csvOf(['agesex', 'district']));
		if (!read.ok) throw new Error('unreadable');
		saveMargins(db, surveyId, read.margins, '住民基本台帳');
		expect(margins(db, surveyId)).toEqual(read.margins.slice().sort((a, b) => a.questionKey.localeCompare(b.questionKey) || a.code - b.code || (a.code2 ?? 0) - (b.code2 ?? 0)));
		expect(margins(db, surveyId).find((m) => m.questionKey === 'F1:F2' && m.code === 3 && m.code2 === 1)?.population).toBe(12000);
		const joint = weightsFor(db, surveyId, data)!;
		expect(maxDifference(joint.weights, reference.cases.joint.weights)).toBeLessThan(1e-6);
		expect(joint.trimming).toBeUndefined();

		const separate = readMargins(doc, csvOf(['age', 'sex', 'district']));
		if (!separate.ok) throw new Error('unreadable');
		saveMargins(db, surveyId, separate.margins, '住民基本台帳');
		const before = source(db, surveyId)!.importedAt;
		expect(saveTrimming(db, surveyId, { upper: 2.5, lower: 0.5 })).toBe(true);
		// The change moves the stamp the dataset cache watches.
		expect(source(db, surveyId)).toMatchObject({ upper: 2.5, lower: 0.5 });
		expect(source(db, surveyId)!.importedAt >= before).toBe(true);
		const trimmed = weightsFor(db, surveyId, data)!;
		expect(maxDifference(trimmed.weights, reference.cases.trimmed.weights)).toBeLessThan(1e-6);
		expect(trimmed.trimming).toMatchObject({ upper: 2.5, lower: 0.5, trimmed: reference.cases.trimmed.trimmed });
		// Reading the margins again keeps the bounds; clearing removes both.
		saveMargins(db, surveyId, separate.margins, '住民基本台帳');
		expect(source(db, surveyId)).toMatchObject({ upper: 2.5, lower: 0.5 });
		clearMargins(db, surveyId);
		expect(saveTrimming(db, surveyId, { upper: 5, lower: null })).toBe(false);
		expect(weightsFor(db, surveyId, data)).toBeUndefined();
		expect(() => db.prepare('INSERT INTO weight_source (survey_id, trim_upper) VALUES (?, 0.5)').run(surveyId)).toThrow(/CHECK/);
	});

	it('reads margins saved before migration 011 as they were', () => {
		const { db: old, remove } = databaseBefore('011');
		const made = surveys.create(old, { slug: 'digital-2022', fiscalYear: 2022, document: template });
		const add = old.prepare('INSERT INTO weight_margin (survey_id, question_key, code, population) VALUES (?, ?, ?, ?)');
		add.run(made.surveyId, 'F2', 2, 96000);
		add.run(made.surveyId, 'F2', 1, 88000);
		old.prepare("INSERT INTO weight_source (survey_id, note) VALUES (?, '住民基本台帳')").run(made.surveyId);
		expect(migrate(old)).toContain('011_joint_margins_and_trimming.sql');
		expect(margins(old, made.surveyId)).toEqual([
			{ questionKey: 'F2', code: 1, population: 88000 },
			{ questionKey: 'F2', code: 2, population: 96000 }
		]);
		expect(source(old, made.surveyId)).toMatchObject({ note: '住民基本台帳', upper: null, lower: null });
		old.close();
		remove();
	});
});
