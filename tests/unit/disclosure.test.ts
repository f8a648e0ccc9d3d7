// The disclosure control on tables worked out by hand (issue 14, problems 1, 2, 3, 5 and 9): one
// hidden mark whatever the reason, no hidden count recoverable from what is shown with it (the
// base, the other counts, the mean), the fewest respondents hidden, and a 合計 that counts people.
import { describe, expect, it } from 'vitest';
import { bundled } from './support/questionnaires';
import { datasetOf, times, type HandMade } from './support/dataset';
import { maximise } from '../../src/lib/analytics/linear-program';
import { auditRanges, HIDDEN_MARK, isProtected, protect, questionModel } from '../../src/lib/analytics/disclosure';
import { crossTab, crossTabModel, rowPercent, totalPercent } from '../../src/lib/analytics/crosstab';
import { questionTable } from '../../src/lib/analytics/frequencies';
import { publishTable } from '../../src/lib/analytics/published-tables';
import { NO_FILTERS, select } from '../../src/lib/analytics/selection';
import { crossTabRows } from '../../src/lib/server/analytics/crosstab-view';
import { stackedConfig } from '../../src/lib/components/results/charts';
import { pointChange } from '../../src/lib/components/results/format';

const doc = bundled();
const everyone = (data: ReturnType<typeof datasetOf>) => select(data, NO_FILTERS);
const user = (age: number, extra: HandMade['answers'] = {}): HandMade => ({ answers: { F1: age, F3: 17, F4: 3, D2: 1, ...extra } });
const widths = (ranges: ({ min: number; max: number } | undefined)[]) => ranges.filter((r) => r).map((r) => r!.max - r!.min);

describe('the linear program behind the audit', () => {
	it('finds the least and greatest value of a variable under sums and bounds', () => {
		const sum = { coef: new Map([[0, 1], [1, 1]]), op: '=' as const, rhs: 5 };
		expect(maximise(2, new Map([[0, 1]]), [sum])).toBeCloseTo(5, 9);
		expect(maximise(2, new Map([[0, -1]]), [sum, { coef: new Map([[1, 1]]), op: '<=', rhs: 3 }])).toBeCloseTo(-2, 9);
		expect(maximise(2, new Map([[0, 1]]), [{ coef: new Map([[0, 1], [1, -1]]), op: '=', rhs: 0 }])).toBe(Infinity);
		expect(maximise(1, new Map([[0, 1]]), [{ coef: new Map([[0, 1]]), op: '>=', rhs: 3 }, { coef: new Map([[0, 1]]), op: '<=', rhs: 2 }])).toBeUndefined();
	});
});

describe('a question table', () => {
	// Problem 2: W1's two hidden cells (each 1) were recovered from the base and the mean's n, since zeros are shown.
	it('hides no count that the base, the other counts and "hidden means at least 1" would give away', () => {
		const data = datasetOf(doc, [...times(1, user(3, { W1: 0 })), ...times(1, user(3, { W1: 1 })), ...times(30, user(3, { W1: 5 })), ...times(40, user(3, { W1: 8 }))]);
		const t = questionTable(data, data.byKey.get('W1')!, everyone(data));
		const p = publishTable(t, 10, data.size);
		const n = p.categories.map((c) => c.n);
		// The two 1s, and the 30 with them (the smallest count that makes the range wide enough), hidden; zeros shown.
		expect(n.slice(0, 9)).toEqual([null, null, 0, 0, 0, null, 0, 0, 40]);
		const model = questionModel(t.categories.slice(0, -2).map((c) => c.n), 0, 0, t.base, data.size, false);
		const hidden = [...n.slice(0, -2).map((x) => x === null), false, false, false, false, false];
		expect(Math.min(...widths(auditRanges(model, hidden)))).toBeGreaterThanOrEqual(10);
		// Only the two 1s hidden (the old rule) leaves each known exactly.
		const old = model.values.map((v, i) => i < 2);
		expect(widths(auditRanges(model, old))).toEqual([0, 0]);
		// The mean would pin them again (Σ code × count = mean × n), so it is not shown.
		expect(p.mean).toEqual({ n: 72, value: null });
	});

	// Found by a review: a "none of these" option is chosen alone, and G3 allows at most three; a reader knows both.
	it('knows a multiple choice\'s rules as a reader does: an exclusive option, and how many may be chosen', () => {
		const d1 = datasetOf(doc, [...times(29, user(3, { D1: [1] })), user(3, { D1: [6] })]);
		const exclusive = publishTable(questionTable(d1, d1.byKey.get('D1')!, everyone(d1)), 10, d1.size);
		// Option 6 (どれも使っていない) is 1: with 29 beside it in a base of 30 it is hidden, and so is option 1.
		expect(exclusive.categories.slice(0, 6).map((c) => c.n)).toEqual([null, 0, 0, 0, 0, null]);
		const g3 = datasetOf(doc, [...times(28, user(3, { G3: [1, 2, 3] })), ...times(2, user(3, { G3: [1, 2, 4] }))]);
		const atMost = publishTable(questionTable(g3, g3.byKey.get('G3')!, everyone(g3)), 10, g3.size);
		// Options 1–3 add up to 88 of at most 3 × 30: option 4's 2 would be known to be 1 or 2, so 3 goes too.
		expect(atMost.categories.slice(0, 4).map((c) => c.n)).toEqual([30, 30, null, null]);
	});

	it('shows the mean where it reveals nothing', () => {
		const data = datasetOf(doc, [...times(20, user(3, { W1: 4 })), ...times(25, user(3, { W1: 6 }))]);
		const p = publishTable(questionTable(data, data.byKey.get('W1')!, everyone(data)), 10, data.size);
		expect(p.mean).toMatchObject({ n: 45, value: 5.11 });
		// With its t interval, which the hidden mean above does not have.
		expect(p.mean!.interval!.lower).toBeLessThan(5.11);
		expect(p.mean!.interval!.upper).toBeGreaterThan(5.11);
	});

	// Problem 9: the per-question page showed 4 people, 100 %, and offered a PNG of it.
	it('publishes nothing but "under k" for a question shown to fewer than k', () => {
		const data = datasetOf(doc, [...times(4, user(3, { T2: 1 }))]);
		const p = publishTable(questionTable(data, data.byKey.get('T2')!, everyone(data)), 10, 50);
		expect(p.withheld).toBe(true);
		expect(p.base).toBeNull();
		expect(p.categories[0]).toMatchObject({ n: null, percent: null });
		expect(JSON.stringify(p)).not.toContain('"n":4');
	});

	it('gives shares of those who answered validly when that base is chosen, and says so', () => {
		const data = datasetOf(doc, [...times(30, user(3, { T2: 1 })), ...times(10, user(3, { T2: 3 })), ...times(20, user(3))]);
		const t = questionTable(data, data.byKey.get('T2')!, everyone(data));
		const shown = publishTable(t, 10, data.size, 'shown');
		const answered = publishTable(t, 10, data.size, 'answered');
		expect(shown.categories[0].percent).toBeCloseTo(50, 9);
		expect(answered.categories[0].percent).toBeCloseTo(75, 9);
		expect(answered.categories.at(-1)).toMatchObject({ label: '無回答', n: 20, percent: null, missing: true });
		expect([shown.denominator, answered.denominator, answered.answered]).toEqual(['shown', 'answered', 40]);
	});
});

describe('a cross-tab', () => {
	// Problem 1: complements were printed 「<10」 though they held up to 301; the stacked bar left them out.
	it('prints every hidden cell with the one mark, and draws a bar whole with the hidden part grey', () => {
		const data = datasetOf(doc, [...times(3, user(2)), ...times(187, user(2, { D2: 2 })), ...times(200, user(9)), ...times(150, user(9, { D2: 2 }))]);
		const t = crossTab(data, data.byKey.get('D2')!, data.byKey.get('F1')!, everyone(data), 10, 'answered');
		const young = t.rows.findIndex((r) => r.code === 2);
		expect(t.rows[young].counts.slice(0, 2)).toEqual([null, null]);
		const csv = crossTabRows(t, '');
		const cells = csv.flat().map(String);
		expect(cells).not.toContain('<10');
		expect(cells.filter((c) => c === HIDDEN_MARK).length).toBeGreaterThan(0);
		expect(csv.flat().join(' ')).toContain(`「${HIDDEN_MARK}」は、人数が 10 人未満の区分と、ほかの数字から計算できないように伏せた区分です。`);
		// The 187 hidden beside the 3 is not "<10": it is the same mark, and never a number in the output.
		expect(JSON.stringify(t)).not.toMatch(/\b187\b/);
	});

	it('gives no test statistic, and no 参考値 mark, that would tell about a hidden count', () => {
		// Review: all four cells hidden, margins 50/50 and 83/17, χ² = 3.4727 left only {38, 45} for one cell.
		const data = datasetOf(doc, [...times(45, user(3, { F2: 1, C0: 1 })), ...times(5, user(3, { F2: 1, C0: 2 })), ...times(38, user(3, { F2: 2, C0: 1 })), ...times(12, user(3, { F2: 2, C0: 2 }))]);
		const t = crossTab(data, data.byKey.get('C0')!, data.byKey.get('F2')!, everyone(data), 10, 'answered');
		expect(t.hiding).toBe(true);
		expect(t.test).toBeUndefined();
		const hiddenRows = t.rows.filter((r) => r.base === null);
		expect(hiddenRows.every((r) => !r.reference)).toBe(true);
	});

	it('hides as few respondents as it can: the smallest counts that protect, not whole rows', () => {
		// Ages (rows) × internet use (columns): one cell of 9 among hundreds.
		const cells = [
			[9, 40, 30],
			[100, 150, 120],
			[80, 11, 60]
		];
		const bases = cells.map((r) => r.reduce((a, b) => a + b, 0));
		const totals = cells[0].map((_, c) => cells.reduce((s, r) => s + r[c], 0));
		const model = crossTabModel(cells, bases, totals, 600, { byMultiple: false, ofMultiple: false, missingColumn: false });
		const hidden = protect(model, 10);
		expect(isProtected(model, hidden, 10)).toBe(true);
		const hiddenRespondents = cells.flat().reduce((s, v, i) => s + (hidden[i] ? v : 0), 0);
		// 9 and 11 are under k; 40 and 80 complete the cheapest rectangle of four cells: 140 hidden, no total.
		// (One cell at a time, smallest first, hid both rows: 230.)
		expect(hiddenRespondents).toBe(140);
		expect(hidden.slice(9).some(Boolean)).toBe(false);
	});

	// Problem 3: D2 × D1 showed 2,058 for ほぼ毎日 where 1,177 respondents existed.
	it('counts each respondent once in 合計 when the row variable is a multiple choice', () => {
		const data = datasetOf(doc, [...times(3, user(4, { F5: [1, 2] })), ...times(2, user(4, { F5: [2] })), ...times(4, user(4, { F5: [5], D2: 2 }))]);
		const t = crossTab(data, data.byKey.get('D2')!, data.byKey.get('F5')!, everyone(data), 1, 'answered');
		expect(t.columns.slice(0, 2).map((c) => c.total)).toEqual([5, 4]);
		expect(t.total).toBe(9);
		expect(totalPercent(t, 0)! + totalPercent(t, 1)!).toBeCloseTo(100, 9);
		expect(rowPercent(t, t.rows.findIndex((r) => r.code === 2), 0)).toBe(100);
	});

	it('keeps those who did not answer the column question as 無回答 when the base is 対象者', () => {
		const data = datasetOf(doc, [...times(20, user(3, { T2: 1 })), ...times(15, user(3))]);
		const t = crossTab(data, data.byKey.get('T2')!, data.byKey.get('F1')!, everyone(data), 10, 'shown');
		const row = t.rows.find((r) => r.code === 3)!;
		expect(t.columns.at(-1)!.label).toBe('無回答・不明');
		expect([row.base, row.counts[0], row.counts.at(-1)]).toEqual([35, 20, 15]);
	});
});

describe('a number question', () => {
	it('is binned over the question\'s own range, so the first and last bins do not give away the smallest and largest answer', () => {
		const numberDoc = {
			title: { ja: 'N' },
			languages: ['ja'],
			sections: [{ key: 'S', title: { ja: 'S' }, questions: [{ key: 'N', type: 'number', label: { ja: '年数' }, min: 0, max: 100, integer: true }] }]
		} as unknown as typeof doc;
		const data = datasetOf(numberDoc, [{ answers: { N: 23 } }, { answers: { N: 37 } }, { answers: { N: 61 } }]);
		const t = questionTable(data, data.byKey.get('N')!, everyone(data));
		expect(t.histogram![0].from).toBe(0);
		expect(t.histogram!.at(-1)!.to).toBeGreaterThanOrEqual(100);
		expect(t.histogram!.length).toBe(10);
	});
});

describe('charts and changes', () => {
	it('draws a matrix row whole: the hidden counts together as one grey segment', () => {
		const data = datasetOf(doc, [...times(3, user(3, { T1: { T1_1: 1 } })), ...times(12, user(3, { T1: { T1_1: 2 } })), ...times(40, user(3, { T1: { T1_1: 3 } }))]);
		const p = publishTable(questionTable(data, data.byKey.get('T1.T1_1')!, everyone(data)), 10, data.size);
		const config = stackedConfig([p], () => 'T1_1');
		const bars = config.data.datasets.map((d) => (d.data as (number | null)[])[0] ?? 0);
		expect(bars.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
		expect(config.data.datasets.at(-1)!.label).toContain(HIDDEN_MARK);
	});

	// Problem 5: 差 differed by 0.1 from the shown values in 41 of 184 rows, and 「+0.0」「-0.0」 were printed.
	it('gives a change that adds up with the shares as printed, and no signed zero', () => {
		expect(pointChange(42.84, 45.26)).toBe('+2.5'); // 45.3 − 42.8, though 45.26 − 42.84 = 2.42
		expect(pointChange(10.04, 9.96)).toBe('0.0'); // both print 10.0
		expect(pointChange(30.0, 29.94)).toBe('−0.1');
		expect(pointChange(undefined, 3)).toBe('—');
	});
});
