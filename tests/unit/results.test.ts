// Results over hand-made responses, where every figure can be worked out on paper.
import { describe, expect, it } from 'vitest';
import { bundled } from './support/questionnaires';
import { datasetOf, times, type HandMade } from './support/dataset';
import { questionTable } from '../../src/lib/analytics/frequencies';
import { columnPercent, crossTab, rowPercent } from '../../src/lib/analytics/crosstab';
import { NO_FILTERS, filtersToParams, parseFilters, select } from '../../src/lib/analytics/selection';
import { meanBy } from '../../src/lib/analytics/means';
import { rake } from '../../src/lib/analytics/raking';
import { NO_ANSWER, INVALID } from '../../src/lib/analytics/frequencies';
import type { CodeVariable, NumberVariable } from '../../src/lib/analytics/dataset';

const doc = bundled();
/** A daily internet user of some age group (F1 code) in a district (F3 code). */
const user = (age: number, district = 17, extra: HandMade['answers'] = {}): HandMade => ({ answers: { F1: age, F3: district, F4: 3, D2: 1, ...extra } });
const nonUser = (age: number, district = 17): HandMade => ({ answers: { F1: age, F3: district, F4: 1, D2: 5 } });

describe('tabulation', () => {
	it('counts each answer over those the question was shown to, with 不明 and 無回答 apart', () => {
		const data = datasetOf(doc, [
			...times(3, user(2, 17, { T2: 1 })),
			...times(2, user(9, 20, { T2: 3 })),
			user(9, 20),
			{ ...user(9, 20), unreadable: ['T2'] },
			...times(4, nonUser(10, 20))
		]);
		const t = questionTable(data, data.byKey.get('T2')!, select(data, NO_FILTERS));
		expect(t.base).toBe(11);
		expect(Object.fromEntries(t.categories.map((c) => [c.label, c.n]))).toMatchObject({ 提供してよい: 3, 提供したくない: 2, [INVALID]: 1, [NO_ANSWER]: 5 });
		// D3 is asked only of those who rarely or never use the internet.
		expect(questionTable(data, data.byKey.get('D3')!, select(data, NO_FILTERS)).base).toBe(4);
	});

	it('filters by age group, district, channel and date, and writes them into the URL', () => {
		const data = datasetOf(doc, [
			...times(2, { ...user(9, 20), day: '2022-10-03', channel: 'paper' }),
			{ ...user(9, 20), day: '2022-10-20' },
			{ ...user(8, 21), day: '2022-10-03' },
			{ ...user(2, 20), day: '2022-10-03' }
		]);
		const params = new URLSearchParams('q.F1=8,9,10&q.F3=20&from=2022-10-01&to=2022-10-10&channel=paper&q.bad%20key=1');
		const filters = parseFilters(params);
		expect(filters.where).toEqual([{ key: 'F1', codes: [8, 9, 10] }, { key: 'F3', codes: [20] }]);
		expect(select(data, filters).length).toBe(2);
		expect(select(data, { ...filters, channels: [] }).length).toBe(2);
		expect(select(data, { ...filters, channels: [], to: undefined }).length).toBe(3);
		expect(select(data, { ...filters, where: [{ key: 'F1', codes: [8, 9, 10] }], channels: [], from: undefined, to: undefined }).length).toBe(4);
		expect(parseFilters(filtersToParams(filters))).toEqual(filters);
		// A filter on a question the survey lacks matches nobody rather than everybody.
		expect(select(data, { where: [{ key: 'ZZ', codes: [1] }], channels: [] }).length).toBe(0);
	});
});

describe('cross-tabulation', () => {
	// Age (F1) 2 vs 9 by internet use D2: [[10, 20], [30, 40]] as in the chi-square test.
	const rows = [
		...times(10, user(2)),
		...times(20, { answers: { F1: 2, F3: 17, F4: 3, D2: 2 } }),
		...times(30, user(9)),
		...times(40, { answers: { F1: 9, F3: 17, F4: 3, D2: 2 } })
	];
	const data = datasetOf(doc, rows);
	const t = crossTab(data, data.byKey.get('D2')!, data.byKey.get('F1')!, select(data, NO_FILTERS), 5);

	it('gives counts, row % and column %', () => {
		const r20 = t.rows.findIndex((r) => r.code === 2);
		const r75 = t.rows.findIndex((r) => r.code === 9);
		expect(t.rows[r20].counts.slice(0, 2)).toEqual([10, 20]);
		expect(t.rows[r75].base).toBe(70);
		expect(rowPercent(t, r20, 0)).toBeCloseTo(33.333, 3);
		expect(columnPercent(t, r20, 0)).toBeCloseTo(25, 6);
		expect(columnPercent(t, r75, 1)).toBeCloseTo(66.667, 3);
		expect(t.total).toBe(100);
	});

	it('tests independence with chi-square and marks small bases 参考値', () => {
		expect(t.test!.statistic).toBeCloseTo(0.79365, 4);
		expect(t.test!.p).toBeCloseTo(0.373, 3);
		expect(t.rows.find((r) => r.code === 2)!.reference).toBe(false);
		expect(t.rows.find((r) => r.code === 1)!.reference).toBe(true);
	});

	it('hides cells under k, and others, so that no hidden count can be worked out to within fewer than k', () => {
		const small = datasetOf(doc, [...times(3, user(2)), ...times(12, { answers: { F1: 2, F3: 17, F4: 3, D2: 2 } }), ...times(20, user(9)), ...times(25, { answers: { F1: 9, F3: 17, F4: 3, D2: 2 } })]);
		const s = crossTab(small, small.byKey.get('D2')!, small.byKey.get('F1')!, select(small, NO_FILTERS), 10, 'answered');
		const young = s.rows.find((r) => r.code === 2)!;
		const old = s.rows.find((r) => r.code === 9)!;
		// 3 is under 10; with 12 beside it in a row of 15, and the columns' totals, the four cells
		// of the two rows and two columns are hidden together; nothing else is.
		expect(young.counts.slice(0, 2)).toEqual([null, null]);
		expect(old.counts.slice(0, 2)).toEqual([null, null]);
		expect(young.counts.slice(2)).toEqual([0, 0, 0]);
		expect([young.base, old.base, s.columns[0].total, s.columns[1].total]).toEqual([15, 45, 23, 37]);
	});

	it('counts a multiple choice once per option chosen, without a chi-square', () => {
		const m = datasetOf(doc, [...times(5, user(2, 17, { A2: [1, 2] })), ...times(5, user(9, 17, { A2: [2] }))]);
		const c = crossTab(m, m.byKey.get('A2')!, m.byKey.get('F1')!, select(m, NO_FILTERS), 1);
		const young = c.rows.findIndex((r) => r.code === 2);
		expect(c.multiple).toBe(true);
		expect(c.test).toBeUndefined();
		expect(c.rows[young].counts.slice(0, 2)).toEqual([5, 5]);
		expect(c.rows[young].base).toBe(5);
		expect(rowPercent(c, young, 1)).toBe(100);
		expect(columnPercent(c, young, 1)).toBe(50);
	});

	it('splits by a multiple choice, counting a respondent in the row of each option chosen', () => {
		const m = datasetOf(doc, [...times(3, user(4, 17, { F5: [1, 2] })), ...times(2, user(4, 17, { F5: [2] })), ...times(4, { answers: { F1: 4, F3: 17, F4: 3, D2: 2, F5: [5] } })]);
		const c = crossTab(m, m.byKey.get('D2')!, m.byKey.get('F5')!, select(m, NO_FILTERS), 1);
		expect(c.rows.map((r) => [r.code, r.base, r.counts[0], r.counts[1]])).toEqual([
			[1, 3, 3, 0],
			[2, 5, 5, 0],
			[3, 0, 0, 0],
			[4, 0, 0, 0],
			[5, 4, 0, 4]
		]);
		expect(c.total).toBe(9);
		expect(c.multiple).toBe(true);
		expect(c.test).toBeUndefined();
	});
});

describe('the digital-maturity index and personas', () => {
	const all = { A1: [1, 2], A2: [1, 2], A3: [1, 2, 3], A4: [1, 2, 3], A5: [1, 2, 3] };
	const basic = { A1: [1], A2: [1], A3: [1], A4: [1], A5: [1, 2] };
	const data = datasetOf(doc, [
		user(2, 17, all),
		user(3, 17, basic),
		user(4, 17, { ...basic, A3: [5] }),
		user(5, 17, { A1: [5], A2: [6], A3: [5], A4: [6], A5: [7] }),
		nonUser(10),
		{ answers: { F1: 8, F3: 17, F4: 1 } }
	]);
	const level = data.byKey.get('DSI') as CodeVariable;
	const score = data.byKey.get('DSI_SCORE') as NumberVariable;

	it('gives each response its level, with non-users "not assessed" and never zero', () => {
		const levels = [...level.codes];
		// 1 above basic, 2 basic, 3 low (four areas basic), 6 none, 7 not assessed (D2 never); D2 unanswered is 判定不能, not a non-user.
		expect(levels.slice(0, 5)).toEqual([1, 2, 3, 6, 7]);
		expect([...level.state]).toEqual([1, 1, 1, 1, 1, 2]);
		expect([...score.values.slice(0, 4)]).toEqual([100, 50, 40, 0]);
		expect([...score.state]).toEqual([1, 1, 1, 1, 0, 0]);
		const t = questionTable(data, score, select(data, NO_FILTERS));
		expect(t.summary).toMatchObject({ n: 4 });
		expect(t.summary!.mean).toBeCloseTo(47.5, 6);
	});

	// Issue 14, problem 6: 813 of 1,939 left an A question blank and were scored as no activity (mean 74.6 → 67.4).
	it('leaves a respondent with a blank area question out of the levels and the mean, counted as 判定不能', () => {
		const d = datasetOf(doc, [user(2, 17, all), user(3, 17, all), user(4, 17, { A1: all.A1, A2: all.A2, A3: all.A3, A5: all.A5 }), { answers: { F1: 5, F3: 17, F4: 3, ...all }, unreadable: ['D2'] }]);
		const lv = questionTable(d, d.byKey.get('DSI')!, select(d, NO_FILTERS));
		expect(Object.fromEntries(lv.categories.map((c) => [c.label, c.n]))).toMatchObject({ 基本を上回る: 2, '判定不能（未回答あり）': 2, '評価対象外（インターネット非利用）': 0 });
		// The one whose D2 was unreadable: A answers kept, but not assessed, and not a non-user either.
		expect((d.byKey.get('DSI') as CodeVariable).state[3]).toBe(2);
		const sc = questionTable(d, d.byKey.get('DSI_SCORE')!, select(d, NO_FILTERS));
		expect(sc.summary).toMatchObject({ n: 2, mean: 100 });
		// The areas it could judge are counted; the blank one is 無回答 in its area.
		const safety = questionTable(d, d.byKey.get('DSI.safety')!, select(d, NO_FILTERS));
		expect(Object.fromEntries(safety.categories.map((c) => [c.label, c.n]))).toMatchObject({ 基本以上: 3, 無回答: 1 });
	});

	it('averages the score by group over those assessed only', () => {
		const groups = meanBy(data, score, data.byKey.get('F4')!, select(data, NO_FILTERS), 1);
		expect(groups.find((g) => g.code === 3)).toMatchObject({ n: 4, mean: 47.5 });
		expect(groups.find((g) => g.code === 1)).toMatchObject({ n: 0, mean: undefined });
		expect(meanBy(data, score, data.byKey.get('F4')!, select(data, NO_FILTERS), 5).find((g) => g.code === 3)).toMatchObject({ hidden: true, mean: undefined });
	});

	it('derives the vision personas from age, household, children and occupation', () => {
		const p = datasetOf(doc, [
			{ answers: { F1: 8, F3: 1, F4: 1 } },
			{ answers: { F1: 9, F3: 1, F4: 2 } },
			{ answers: { F1: 4, F3: 1, F4: 3, F5: [2] } },
			{ answers: { F1: 1, F3: 1, F4: 3, F6: 4 } },
			{ answers: { F1: 5, F3: 1, F4: 3, F5: [5] } },
			{ answers: { F1: 2, F3: 1, F4: 3, F6: 1 } },
			{ answers: { F3: 1 } }
		]);
		const persona = p.byKey.get('PERSONA') as CodeVariable;
		expect([...persona.codes.slice(0, 6)]).toEqual([1, 2, 3, 4, 5, 6]);
		expect(persona.state[6]).toBe(0);
	});
});

describe('weighting', () => {
	it('rakes a small sample to the population margins (checked against iterative fitting done by hand)', () => {
		// Sex (1 M, 2 F) × age (1 young, 2 old): 30, 20, 10, 40 respondents; population M 48 F 52, young 50 old 50.
		const sex = new Int32Array([...Array(30).fill(1), ...Array(20).fill(1), ...Array(10).fill(2), ...Array(40).fill(2)]);
		const age = new Int32Array([...Array(30).fill(1), ...Array(20).fill(2), ...Array(10).fill(1), ...Array(40).fill(2)]);
		const r = rake(100, [
			{ categories: sex, population: new Map([[1, 48], [2, 52]]) },
			{ categories: age, population: new Map([[1, 50], [2, 50]]) }
		]);
		expect(r.converged).toBe(true);
		expect(r.weights[0]).toBeCloseTo(1.1494899551912494, 9);
		expect(r.weights[30]).toBeCloseTo(0.6757650672131262, 9);
		expect(r.weights[50]).toBeCloseTo(1.5515301344262524, 9);
		expect(r.weights[60]).toBeCloseTo(0.9121174663934367, 9);
		const sum = (pick: (i: number) => boolean) => r.weights.reduce((s, w, i) => s + (pick(i) ? w : 0), 0);
		expect(sum((i) => sex[i] === 1)).toBeCloseTo(48, 6);
		expect(sum((i) => age[i] === 2)).toBeCloseTo(50, 6);
	});

	it('keeps respondents with an unknown category as their own cell, at their sample share', () => {
		const sex = new Int32Array([1, 1, 2, -1]);
		const r = rake(4, [{ categories: sex, population: new Map([[1, 50], [2, 50]]) }]);
		// The unknown keeps its quarter; two men and one woman share the rest half and half: men 0.75 each, the woman 1.5.
		expect([...r.weights].map((w) => Math.round(w * 1000) / 1000)).toEqual([0.75, 0.75, 1.5, 1]);
	});
});
