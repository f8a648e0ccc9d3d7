// The intervals, design effects and tests of change as the results pages get them, from the
// app's own tables over a dataset of R's reference respondents (tests/reference/intervals-data.csv,
// with R's weights), against R's figures in intervals.json to 1e-6: a question's table, a
// cross-tab, means by group, an indicator, the change between editions, the sampling-error
// table. And what is hidden has no interval, on the page's data and in the cross-tab's CSV.
import { describe, expect, it } from 'vitest';
import { R, close, respondents, type Respondent } from './support/intervals-reference';
import { datasetOf } from './support/dataset';
import { referenceDoc } from './support/questionnaires';
import type { Dataset } from '../../src/lib/analytics/dataset';
import { questionTable } from '../../src/lib/analytics/frequencies';
import { publishTable, shareFigures, type Denominator } from '../../src/lib/analytics/published-tables';
import { crossTab, rowInterval, weightedRowInterval } from '../../src/lib/analytics/crosstab';
import { meanBy } from '../../src/lib/analytics/means';
import { indicatorValue } from '../../src/lib/analytics/indicators';
import { NO_FILTERS, select } from '../../src/lib/analytics/selection';
import { meanChange, percentInterval, shareChange } from '../../src/lib/analytics/uncertainty';
import { samplingErrorRows } from '../../src/lib/analytics/sampling-error';
import { wilson } from '../../src/lib/analytics/intervals';
import { crossTabRows } from '../../src/lib/server/analytics/crosstab-view';
import { HIDDEN_MARK } from '../../src/lib/analytics/disclosure';
import type { NumberVariable } from '../../src/lib/analytics/dataset';

const doc = referenceDoc({ g: 3, q1: 4, q2: 2 }, [{ key: 'x', type: 'scale', label: { ja: 'x' }, min: 1, max: 5 }]);

/** One edition as the loader would hold it, with R's weights or none. */
function editionData(e: number, weighted = true): Dataset {
	const rows = respondents.filter((r) => r.edition === e);
	const answers = (r: Respondent) => ({ g: r.g, ...(r.q1 ? { q1: r.q1 } : {}), ...(r.q2 ? { q2: r.q2 } : {}), ...(r.x ? { x: r.x } : {}) });
	const d = datasetOf(doc, rows.map((r) => ({ answers: answers(r) })));
	if (weighted) d.weights = Float64Array.from(rows.map((r) => r.w));
	return d;
}
const table = (d: Dataset, key: string, base: Denominator = 'answered', k = 1) => {
	const all = select(d, NO_FILTERS);
	return publishTable(questionTable(d, d.byKey.get(key)!, all), k, all.length, base);
};
/** An interval in percent against R's in proportions. */
const closePercent = (ci: { lower: number; upper: number } | undefined, r: { lower: number; upper: number }, what: string) => {
	close(ci && ci.lower / 100, r.lower, `${what} lower`);
	close(ci && ci.upper / 100, r.upper, `${what} upper`);
};

describe("a question's table", () => {
	for (const p of R.proportions.filter((p) => p.group === null))
		it(`gives each weighted share R's svyciprop interval and design effect: ${p.name}`, () => {
			const t = table(editionData(p.edition), p.variable, p.base);
			const c = t.categories.find((c) => c.code === p.code)!;
			close(c.weightedPercent! / 100, p.estimate, 'estimate');
			closePercent(c.weightedInterval, p, p.name);
			close(c.weightedInterval!.se / 100, p.se, 'SE');
			close(c.weightedInterval!.deff, p.deff, 'deff');
		});
	it("gives each share without weights Wilson's interval of its count and base", () => {
		const t = table(editionData(1, false), 'q1', 'shown');
		for (const c of t.categories) {
			const w = wilson(c.n!, t.base!)!;
			close(c.interval!.lower, w.lower * 100, `${c.code} lower`);
			close(c.interval!.upper, w.upper * 100, `${c.code} upper`);
		}
		expect(t.categories[0].weightedInterval).toBeUndefined();
		// With the base 有効回答, 不明 and 無回答 are outside it: no share, no interval.
		expect(table(editionData(1, false), 'q1').categories.filter((c) => c.missing).map((c) => c.interval)).toEqual([undefined, undefined]);
	});
	it("gives the mean t.test's interval, and with weights svymean's", () => {
		const [all] = R.means.filter((m) => m.edition === 1 && m.group === null);
		const weighted = table(editionData(1), 'x').mean!;
		close(weighted.weightedInterval!.lower, all.lower, 'lower');
		close(weighted.weightedInterval!.upper, all.upper, 'upper');
		close(weighted.weightedInterval!.deff, all.deff, 'deff');
		const plain = table(editionData(1, false), 'x').mean!;
		const r = R.tInterval.find((t) => t.name === 'edition 1')!;
		close(plain.interval!.lower, r.lower, 'lower');
		close(plain.interval!.upper, r.upper, 'upper');
	});
});

describe('a cross-tab by group', () => {
	it("gives each weighted row % R's svyciprop on the group, and Wilson's without weights", () => {
		const d = editionData(1);
		const t = crossTab(d, d.byKey.get('q1')!, d.byKey.get('g')!, select(d, NO_FILTERS), 1, 'answered');
		for (const p of R.proportions.filter((p) => p.edition === 1 && p.group !== null)) {
			const r = t.rows.findIndex((row) => row.code === p.group);
			const c = t.columns.findIndex((col) => col.code === p.code);
			closePercent(weightedRowInterval(t, r, c), p, p.name);
			close(weightedRowInterval(t, r, c)!.deff, p.deff, `${p.name} deff`);
			const w = wilson(t.rows[r].counts[c]!, t.rows[r].base!)!;
			close(rowInterval(t, r, c)!.lower, w.lower * 100, `${p.name} Wilson`);
		}
	});
	it('gives a hidden cell no interval, on the page and in the CSV', () => {
		const d = editionData(1);
		// Group 3 has 6 answering q1 = 1: under k = 10, hidden.
		const t = crossTab(d, d.byKey.get('q1')!, d.byKey.get('g')!, select(d, NO_FILTERS), 10, 'answered');
		const g3 = t.rows.findIndex((r) => r.code === 3);
		expect(t.rows[g3].counts[0]).toBeNull();
		expect(rowInterval(t, g3, 0)).toBeUndefined();
		expect(t.rows[g3].weighted!.intervals[0]).toBeNull();
		// Every hidden count's cell has no interval; every shown share has one.
		t.rows.forEach((row, r) =>
			row.counts.forEach((n, c) => {
				expect(rowInterval(t, r, c) === undefined, `${r}, ${c}`).toBe(n === null);
				expect(row.weighted!.intervals[c] === null, `${r}, ${c} weighted`).toBe(n === null);
			})
		);
		const csv = crossTabRows(t, '');
		const headers = csv.filter((line) => line.includes('区分1（95%信頼区間の下限）'));
		expect(headers).toHaveLength(3);
		// The row %, column % and weighted row % blocks: group 3's share and both bounds hidden alike.
		const lines = csv.filter((line) => line[0] === '区分3');
		expect(lines).toHaveLength(4);
		for (const line of lines.slice(1)) expect(line.slice(1, 4)).toEqual([HIDDEN_MARK, HIDDEN_MARK, HIDDEN_MARK]);
		// A shown one has its bounds around it: group 1's row % of answer 1.
		const [share, lower, upper] = csv.filter((line) => line[0] === '区分1')[1].slice(1, 4).map(Number);
		expect(share).toBeGreaterThan(0);
		expect([lower < share, upper > share]).toEqual([true, true]);
	});
});

describe('means by group', () => {
	it("give each group t.test's interval, and svymean's on the group with weights", () => {
		const d = editionData(1);
		const groups = meanBy(d, d.byKey.get('x') as NumberVariable, d.byKey.get('g')!, select(d, NO_FILTERS), 1);
		for (const m of R.means.filter((m) => m.edition === 1 && m.group !== null)) {
			const g = groups.find((x) => x.code === m.group)!;
			close(g.weightedInterval!.lower, m.lower, `${m.name} lower`);
			close(g.weightedInterval!.upper, m.upper, `${m.name} upper`);
			close(g.weightedInterval!.deff, m.deff, `${m.name} deff`);
		}
		const r = R.tInterval.find((t) => t.name === 'edition 1, group 3')!;
		close(groups[2].interval!.lower, r.lower, 'lower');
		close(groups[2].interval!.upper, r.upper, 'upper');
		// A hidden group has no mean and no interval.
		const few = meanBy(d, d.byKey.get('x') as NumberVariable, d.byKey.get('g')!, select(d, NO_FILTERS), 100);
		const hidden = few.filter((x) => x.hidden);
		expect(hidden.length).toBeGreaterThan(0);
		for (const x of hidden) expect([x.interval, x.weightedInterval]).toEqual([undefined, undefined]);
	});
});

describe('an indicator', () => {
	it("gives its value Wilson's interval and its weighted value svyciprop's", () => {
		const p = R.proportions.find((p) => p.edition === 1 && p.variable === 'q2' && p.code === 1)!;
		const v = indicatorValue(editionData(1), { questionKey: 'q2', rowKey: '', codes: [1], base: null }, 10);
		closePercent(v.weightedInterval, p, p.name);
		expect(v.interval).toEqual(percentInterval(v.n, v.base));
		// Hidden when under k: no value, no interval.
		const few = indicatorValue(editionData(1), { questionKey: 'q1', rowKey: '', codes: [1], base: { all: [{ question: 'g', op: 'oneOf', values: [3] }] } }, 10);
		expect(few.hidden).toBe(true);
		expect([few.interval, few.weightedInterval]).toEqual([undefined, undefined]);
	});
});

describe('the change between editions', () => {
	const figures = (e: number, weighted: boolean, variable: string, code: number) => {
		const t = table(editionData(e, weighted), variable);
		return shareFigures(t, t.categories.find((c) => c.code === code)!)!;
	};
	const closeChange = (c: ReturnType<typeof shareChange>, r: { difference: number; lower: number; upper: number; p: number | null }, by = 100) => {
		close(c!.difference / by, r.difference, 'difference');
		close(c!.lower / by, r.lower, 'lower');
		close(c!.upper / by, r.upper, 'upper');
		close(c!.p, r.p!, 'p');
	};
	it('of a share without weights is prop.test of the two tables', () => {
		closeChange(shareChange(figures(2, false, 'q2', 1), figures(1, false, 'q2', 1)), R.propTest[0]);
	});
	it("of a share with weights is the z test of the two tables' svyciprop", () => {
		closeChange(shareChange(figures(2, true, 'q2', 1), figures(1, true, 'q2', 1)), R.zChange[0]);
		closeChange(shareChange(figures(2, true, 'q1', 4), figures(1, true, 'q1', 4)), R.zChange[1]);
	});
	it("of a mean is Welch's t test without weights and the z test of svymean with", () => {
		const summary = (e: number, weighted: boolean) => {
			const d = editionData(e, weighted);
			return questionTable(d, d.byKey.get('x')!, select(d, NO_FILTERS)).summary!;
		};
		closeChange(meanChange(summary(2, false), summary(1, false)), R.welch, 1);
		closeChange(meanChange(summary(2, true), summary(1, true)), R.zChange[2], 1);
	});
	it('is not tested where a share is hidden', () => {
		// With k = 100, answer 4 (68 of them) is hidden; answer 1 (120 of the 400 shown it) is not.
		const t = table(editionData(1, false), 'q1', 'shown', 100);
		expect(t.categories[3].n).toBeNull();
		expect(shareFigures(t, t.categories[3])).toBeUndefined();
		expect(shareFigures(t, t.categories[0])).toEqual({ n: 120, base: 400 });
	});
});

describe('the sampling-error table', () => {
	it("gives the survey's own n and its groups R's ±1.96 √(p (1 − p) / n)", () => {
		const rows = samplingErrorRows(editionData(1), 10, 'g');
		// The edition's 400, its three groups, then round sizes below 400 (R has 100 of them).
		expect(rows.map((r) => r.n)).toEqual([...R.samplingError.rows.slice(0, 4).map((r) => r.n), 300, 100, 50]);
		for (const row of rows) {
			const r = R.samplingError.rows.find((x) => x.n === row.n);
			if (r) row.margins.forEach((m, i) => close(m, r.margins[i], `n ${row.n}`));
		}
		// A group the disclosure control hides gives no row, nor does one under 30 (参考値).
		expect(samplingErrorRows(editionData(1), 70, 'g').map((r) => r.label)).not.toContain('区分3');
		// Only the first 20 answered the group question: each group has 1–19, none a row.
		const small = editionData(1);
		small.byKey.get('g')!.state.fill(0, 20);
		expect(samplingErrorRows(small, 1, 'g').map((r) => r.label)).toEqual(['回答者全体', '（目安）', '（目安）', '（目安）']);
	});
});
