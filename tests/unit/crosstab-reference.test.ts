// The app's cross-tab, end to end on a dataset, against R (tests/reference/crosstab-stats.R): the
// same 300 weighted respondents give the same weighted row and column percentages as
// survey::svyby / svymean, and the same Rao–Scott test as survey::svychisq (statistic = "F"),
// to 1e-6; without weights, the same Pearson chi-square as chisq.test.
import { referenceText as reference } from './support/reference';
import { describe, expect, it } from 'vitest';
import { datasetOf } from './support/dataset';
import { referenceDoc } from './support/questionnaires';
import { crossTab, totalPercent, weightedRowPercent } from '../../src/lib/analytics/crosstab';
import { NO_FILTERS, select } from '../../src/lib/analytics/selection';
import { chiSquare } from '../../src/lib/analytics/statistics';

const R = JSON.parse(reference('crosstab-stats.json')) as {
	weighted: { name: string; statistic: number; ndf: number; ddf: number; p: number; rowPercent: number[][]; columnPercent: number[] }[];
};
const data = reference('crosstab-data.csv')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(',').map(Number))
	.map(([a, b, w]) => ({ a, b, w }));

const doc = referenceDoc({ A: 4, B: 3 });

function tabulate(rows: typeof data) {
	const d = datasetOf(doc, rows.map((r) => ({ answers: { A: r.a, B: r.b } })));
	d.weights = Float64Array.from(rows.map((r) => r.w));
	return crossTab(d, d.byKey.get('B')!, d.byKey.get('A')!, select(d, NO_FILTERS), 1, 'answered');
}

describe('the cross-tab against R', () => {
	for (const [n, rows] of [
		[0, data],
		[1, data.filter((r) => !(r.a === 1 && r.b === 3))]
	] as const)
		it(`agrees with survey::svyby, svymean and svychisq: ${R.weighted[n].name}`, () => {
			const expected = R.weighted[n];
			const t = tabulate(rows);
			expected.rowPercent.forEach((row, i) => row.forEach((pct, j) => expect(Math.abs(weightedRowPercent(t, i, j)! - pct)).toBeLessThan(1e-6)));
			// Weighted column shares of everyone: the weighted 合計 row.
			const wTotal = t.rows.reduce((s, r) => s + r.weighted!.base!, 0);
			expected.columnPercent.forEach((pct, j) => {
				const w = t.rows.reduce((s, r) => s + r.weighted!.counts[j]!, 0);
				expect(Math.abs((w / wTotal) * 100 - pct)).toBeLessThan(1e-6);
			});
			const rs = t.test!.raoScott!;
			expect(Math.abs(rs.statistic - expected.statistic) / expected.statistic).toBeLessThan(1e-6);
			expect(Math.abs(rs.ndf - expected.ndf) / expected.ndf).toBeLessThan(1e-6);
			expect(Math.abs(rs.ddf - expected.ddf) / expected.ddf).toBeLessThan(1e-6);
			expect(Math.abs(rs.p - expected.p)).toBeLessThan(1e-6);
			// Unweighted, the counts and Pearson's test are R's table() and chisq.test().
			const counts = [1, 2, 3, 4].map((a) => [1, 2, 3].map((b) => rows.filter((r) => r.a === a && r.b === b).length));
			expect(t.rows.map((r) => r.counts)).toEqual(counts);
			expect(t.test!.statistic).toBeCloseTo(chiSquare(counts)!.statistic, 9);
			expect(totalPercent(t, 0)).toBeCloseTo((counts.reduce((s, r) => s + r[0], 0) / rows.length) * 100, 9);
		});
});
