// The cross-tabulation tests checked against R (tests/reference/crosstab-stats.json, written by
// crosstab-stats.R from crosstab-data.csv), plus cases that can be worked out by hand.
import { referenceText as reference } from './support/reference';
import { describe, expect, it } from 'vitest';
import { chiSquare, expectedCounts, fUpper, incompleteBeta, occupiedPart, testCaution } from '../../src/lib/analytics/statistics';
import { fisherExact2x2, randomTable, simulatedP, tableSeed } from '../../src/lib/analytics/exact-tests';
import { seededRandom } from '../../src/lib/seeded-random';
import { raoScott } from '../../src/lib/analytics/rao-scott';
import { weightedRowPercent, type CrossTab } from '../../src/lib/analytics/crosstab';

interface RTable {
	name: string;
	table: number[][];
	statistic: number;
	df: number;
	p: number;
	minExpected: number;
	lowShare: number;
	fisher: number | null;
	simulated: { seed: number; B: number; p: number };
}
interface RWeighted {
	name: string;
	n: number;
	statistic: number;
	ndf: number;
	ddf: number;
	p: number;
	pearson: number;
	rowPercent: number[][];
	columnPercent: number[];
}
const R: { tables: RTable[]; weighted: RWeighted[]; fUpper: { x: number; d1: number; d2: number; p: number }[] } = JSON.parse(
	reference('crosstab-stats.json')
);
const respondents = reference('crosstab-data.csv')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(',').map(Number))
	.map(([a, b, w]) => ({ a, b, w }));
const rTable = (name: string) => R.tables.find((t) => t.name === name)!;

// Statistics to 1e-6 relative, p-values to 1e-6 absolute.
const closeRelative = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.abs(expected));
const closeAbsolute = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6);

// The respondents as the arrays raoScott takes, with category codes shifted by `shift`.
function columns(list: typeof respondents, shift = -1) {
	return {
		rows: Int32Array.from(list, (r) => r.a + shift),
		cols: Int32Array.from(list, (r) => r.b + shift),
		weights: Float64Array.from(list, (r) => r.w)
	};
}

// The exact probability, given the margins, that a 2×2 table's X² reaches the observed one: what
// simulatedP estimates.
function exactChiP2x2(t: number[][]): number {
	const [[x, b], [c, d]] = t;
	const [m, n, k] = [x + c, b + d, x + b];
	const x2 = (a: number) => chiSquare([[a, k - a], [m - a, n - k + a]])!.statistic;
	const observed = x2(x) * (1 - 64 * Number.EPSILON);
	const logChoose = (nn: number, kk: number) => {
		let s = 0;
		for (let i = 1; i <= kk; i++) s += Math.log((nn - kk + i) / i);
		return s;
	};
	let p = 0;
	for (let a = Math.max(0, k - n); a <= Math.min(k, m); a++)
		if (x2(a) >= observed) p += Math.exp(logChoose(m, a) + logChoose(n, k - a) - logChoose(m + n, k));
	return p;
}

describe('Pearson chi-square and expected counts, against R', () => {
	it('has the csv counts R tabulated', () => {
		const counts = [0, 1, 2, 3].map(() => [0, 0, 0]);
		for (const r of respondents) counts[r.a - 1][r.b - 1]++;
		expect(respondents).toHaveLength(300);
		expect(counts).toEqual(rTable('csv counts a x b').table);
	});

	it.each(R.tables.map((t) => [t.name, t] as const))('%s: X², df, p, smallest expected count, share under 5', (_, t) => {
		const chi = chiSquare(t.table)!;
		closeRelative(chi.statistic, t.statistic);
		expect(chi.df).toBe(t.df);
		closeAbsolute(chi.p, t.p);
		const caution = testCaution(t.table);
		closeRelative(caution.minExpected, t.minExpected);
		expect(Math.abs(caution.lowShare - t.lowShare)).toBeLessThan(1e-12);
		expect(caution.warned).toBe(t.minExpected < 1 || t.lowShare > 0.2);
	});

	it('expects row total × column total / total, 0 in an empty row or column', () => {
		expect(expectedCounts([[3, 1], [1, 3]])).toEqual([[2, 2], [2, 2]]);
		expect(expectedCounts([[6, 0, 2], [0, 0, 0], [2, 0, 6]])).toEqual([[4, 0, 4], [0, 0, 0], [4, 0, 4]]);
		expect(occupiedPart([[6, 0, 2], [0, 0, 0], [2, 0, 6]])).toEqual([[6, 2], [2, 6]]);
	});
});

describe('caution on the chi-square approximation', () => {
	it('warns when one expected count is under 1 though no other is under 5', () => {
		// Rows 20 and 1980, columns 31, 985 and 984 of 2000: 20 × 31 / 2000 = 0.31; the rest ≥ 9.84.
		const c = testCaution([[1, 10, 9], [30, 975, 975]]);
		expect(c.minExpected).toBeCloseTo(0.31, 12);
		expect(c.lowShare).toBeCloseTo(1 / 6, 12);
		expect(c.warned).toBe(true);
	});

	it('does not warn with one in ten under 5 and none under 1', () => {
		// Rows 40 and 1960, columns 100 and 4 × 475: the expected counts in the first row are 2 and 9.5.
		const c = testCaution([[2, 10, 9, 10, 9], [98, 465, 466, 465, 466]]);
		expect(c.minExpected).toBeCloseTo(2, 12);
		expect(c.lowShare).toBeCloseTo(0.1, 12);
		expect(c.warned).toBe(false);
	});

	it('warns at more than 20 % under 5, not at exactly 20 %', () => {
		// [[2, 18], [98, 882]]: one in four expected counts is 2.
		expect(testCaution([[2, 18], [98, 882]])).toEqual({ minExpected: 2, lowShare: 0.25, warned: true });
		// Rows 40 and 1960, columns 100, 100, 600, 600, 600: two in ten are 2.
		const c = testCaution([[2, 2, 12, 12, 12], [98, 98, 588, 588, 588]]);
		expect(c.lowShare).toBeCloseTo(0.2, 12);
		expect(c.warned).toBe(false);
	});

	it('looks only at the rows and columns with respondents', () => {
		expect(testCaution([[50, 0, 50], [0, 0, 0], [50, 0, 50]])).toEqual({ minExpected: 50, lowShare: 0, warned: false });
	});
});

describe("Fisher's exact test", () => {
	it('gives 17/35 for [[3, 1], [1, 3]], as fisher.test (0.4857)', () => {
		expect(fisherExact2x2([[3, 1], [1, 3]])).toBeCloseTo(0.4857142857, 10);
		expect(fisherExact2x2([[10, 10], [10, 10]])).toBeCloseTo(1, 12);
	});

	it.each(R.tables.filter((t) => t.fisher !== null).map((t) => [t.name, t] as const))('%s: as fisher.test', (_, t) => {
		closeAbsolute(fisherExact2x2(t.table), t.fisher!);
	});

	it('needs a 2×2 table', () => {
		expect(() => fisherExact2x2(rTable('3x3 sparse').table)).toThrow(RangeError);
		expect(fisherExact2x2([[4, 5], [0, 0]])).toBeNaN();
	});
});

describe('simulated p-value', () => {
	const B = 2000;
	// Two independent estimates from B tables each: 3 standard errors of their difference, with
	// the proportion kept off 0 and 1 so that a p of 1/(B + 1) still has room.
	const tolerance = (p: number, draws: number, estimates: number) => {
		const q = Math.min(Math.max(p, 5 / draws), 1 - 5 / draws);
		return 3 * Math.sqrt((estimates * q * (1 - q)) / draws) + 1 / (draws + 1);
	};

	it.each(R.tables.map((t) => [t.name, t] as const))("%s: within Monte Carlo error of R's", (_, t) => {
		const p = simulatedP(t.table, B);
		expect(Math.abs(p - t.simulated.p)).toBeLessThanOrEqual(tolerance(t.simulated.p, B, 2));
	});

	it('estimates the exact p of 2×2 tables', () => {
		for (const name of ['2x2 small', '2x2 unequal margins', '2x2 equal row totals', '2x2 after an empty row and column']) {
			const t = occupiedPart(rTable(name).table);
			const exact = exactChiP2x2(t);
			expect(Math.abs(simulatedP(t, 20_000, 7) - exact)).toBeLessThanOrEqual(tolerance(exact, 20_000, 1));
		}
		// With equal row totals the hypergeometric is symmetric, so the X² ordering is Fisher's.
		expect(exactChiP2x2([[3, 1], [1, 3]])).toBeCloseTo(rTable('2x2 small').fisher!, 12);
		expect(exactChiP2x2([[12, 5], [6, 11]])).toBeCloseTo(rTable('2x2 equal row totals').fisher!, 12);
	});

	it('is the same for the same seed and moves with the seed', () => {
		const t = rTable('5x4 moderate').table;
		expect(simulatedP(t, B, 42)).toBe(simulatedP(t, B, 42));
		expect(simulatedP(t)).toBe(simulatedP(t, B, tableSeed(t)));
		expect(new Set([1, 2, 3, 4, 5].map((seed) => simulatedP(t, B, seed))).size).toBeGreaterThan(1);
		expect(tableSeed([[1, 2], [3, 4]])).not.toBe(tableSeed([[1, 2], [4, 3]]));
	});

	it('counts a simulated X² equal to the observed as reaching it', () => {
		// With margins 2, 2 and 2, 2 the tables are [[2, 0], [0, 2]] and [[0, 2], [2, 0]] (X² = 4,
		// probability 1/6 each) and [[1, 1], [1, 1]] (X² = 0, 4/6): p is about 1/3, not 1/(B + 1).
		const p = simulatedP([[2, 0], [0, 2]], 3000, 3);
		expect(Math.abs(p - 1 / 3)).toBeLessThanOrEqual(tolerance(1 / 3, 3000, 1));
		expect(simulatedP([[1, 1], [1, 1]], 500, 3)).toBe(1);
	});

	it('draws random tables with the margins and the hypergeometric mean and variance in every cell', () => {
		const rowTotals = [12, 30, 7];
		const colTotals = [5, 20, 24];
		const n = 49;
		const random = seededRandom(11);
		const draws = 20_000;
		const sum = rowTotals.map(() => colTotals.map(() => 0));
		const sum2 = rowTotals.map(() => colTotals.map(() => 0));
		for (let d = 0; d < draws; d++) {
			const t = randomTable(rowTotals, colTotals, random);
			expect(t.map((r) => r.reduce((a, b) => a + b, 0))).toEqual(rowTotals);
			expect(colTotals.map((_, j) => t.reduce((s, r) => s + r[j], 0))).toEqual(colTotals);
			t.forEach((r, i) => r.forEach((v, j) => ((sum[i][j] += v), (sum2[i][j] += v * v))));
		}
		rowTotals.forEach((r, i) =>
			colTotals.forEach((c, j) => {
				const mean = (r * c) / n;
				const variance = (r * c * (n - r) * (n - c)) / (n * n * (n - 1));
				const m = sum[i][j] / draws;
				expect(Math.abs(m - mean)).toBeLessThan(4 * Math.sqrt(variance / draws));
				expect(Math.abs(sum2[i][j] / draws - m * m - variance)).toBeLessThan(0.05 * variance);
			})
		);
	});

	it('gives a p-value within its bounds for a 10 × 6 table of 100,000 with B = 2000 (its time: tests/bench/exact-tests.bench.ts)', () => {
		const rowShare = [0.05, 0.08, 0.1, 0.12, 0.15, 0.1, 0.09, 0.11, 0.1, 0.1];
		const colShare = [0.3, 0.2, 0.15, 0.15, 0.1, 0.1];
		const table = rowShare.map((r, i) => colShare.map((c, j) => Math.round(100_000 * r * c * (1 + 0.02 * Math.sin(i + 2 * j)))));
		const p = simulatedP(table);
		expect(p).toBeGreaterThanOrEqual(1 / 2001);
		expect(p).toBeLessThanOrEqual(1);
	});
});

describe('F distribution', () => {
	it.each(R.fUpper.map((f) => [f.x, f.d1, f.d2, f] as const))('P(F(%s; %s, %s) > x) as pf', (_x, _d1, _d2, f) => {
		closeAbsolute(fUpper(f.x, f.d1, f.d2), f.p);
		expect(Math.abs(fUpper(f.x, f.d1, f.d2) - f.p)).toBeLessThanOrEqual(1e-9 * Math.max(f.p, 1e-3));
	});

	it('has the closed forms of F(2, d2) and of the incomplete beta', () => {
		// P(F(2, d2) > x) = (1 + 2x/d2)^(−d2/2); I_x(1, b) = 1 − (1 − x)^b.
		expect(fUpper(3, 2, 10)).toBeCloseTo(Math.pow(1 + 0.6, -5), 14);
		expect(incompleteBeta(0.3, 1, 2.5)).toBeCloseTo(1 - Math.pow(0.7, 2.5), 14);
		expect(fUpper(0, 3, 4)).toBe(1);
		expect(fUpper(1, 0, 4)).toBeNaN();
	});
});

describe('Rao–Scott test, against survey::svychisq', () => {
	const withoutCell = respondents.filter((r) => !(r.a === 1 && r.b === 3));
	const cases = [
		[R.weighted[0], respondents],
		[R.weighted[1], withoutCell]
	] as const;

	it.each(cases.map(([w, list]) => [w.name, w, list] as const))('%s: F, ndf, ddf, p, X²', (_, w, list) => {
		expect(list).toHaveLength(w.n);
		const { rows, cols, weights } = columns(list);
		const r = raoScott(rows, cols, weights, 4, 3)!;
		closeRelative(r.statistic, w.statistic);
		closeRelative(r.ndf, w.ndf);
		closeRelative(r.ddf, w.ddf);
		closeAbsolute(r.p, w.p);
		closeRelative(r.pearson, w.pearson);
	});

	it('leaves out categories with no respondents and does not depend on the weights’ scale', () => {
		const { rows, cols, weights } = columns(respondents, 0); // codes 1…, so category 0 is empty
		const r = raoScott(rows, cols, weights, 6, 4)!;
		closeRelative(r.statistic, R.weighted[0].statistic);
		closeRelative(r.ndf, R.weighted[0].ndf);
		const scaled = raoScott(rows, cols, weights.map((w) => w * 7), 6, 4)!;
		closeRelative(scaled.statistic, R.weighted[0].statistic);
		closeAbsolute(scaled.p, R.weighted[0].p);
	});

	it('is Pearson’s test with Δ = n/(n − 1) I when every weight is 1', () => {
		// Then V = (D − pp')/(n − 1), so tr Δ = m n/(n − 1), d0 = m = 6, F = X² (n − 1)/(n m).
		const { rows, cols } = columns(respondents);
		const counts = rTable('csv counts a x b');
		const r = raoScott(rows, cols, new Float64Array(300).fill(1), 4, 3)!;
		closeRelative(r.pearson, counts.statistic);
		closeRelative(r.ndf, 6);
		closeRelative(r.ddf, 6 * 299);
		closeRelative(r.statistic, (counts.statistic * 299) / (300 * 6));
		closeAbsolute(r.p, fUpper((counts.statistic * 299) / 1800, 6, 1794));
	});

	it('has no test with one row', () => {
		const { cols, weights } = columns(respondents);
		expect(raoScott(new Int32Array(300), cols, weights, 4, 3)).toBeUndefined();
		expect(() => raoScott(new Int32Array(300).fill(4), cols, weights, 4, 3)).toThrow(RangeError);
	});
});

describe('weighted percentages, against svyby and svymean', () => {
	it.each(R.weighted.map((w) => [w.name, w] as const))('%s: row and overall column percentages', (name, w) => {
		const list = name === R.weighted[0].name ? respondents : respondents.filter((r) => !(r.a === 1 && r.b === 3));
		const rows = [0, 1, 2, 3, 4].map(() => ({ weighted: { base: 0, counts: [0, 0, 0] } }));
		for (const r of list) {
			// Rows 0–3 are a = 1…4; row 4 is everyone, for the overall column percentages.
			for (const row of [rows[r.a - 1], rows[4]]) {
				row.weighted.base += r.w;
				row.weighted.counts[r.b - 1] += r.w;
			}
		}
		const table = { rows } as unknown as CrossTab;
		w.rowPercent.forEach((row, i) => row.forEach((pct, j) => expect(Math.abs(weightedRowPercent(table, i, j)! - pct)).toBeLessThan(1e-9)));
		w.columnPercent.forEach((pct, j) => expect(Math.abs(weightedRowPercent(table, 4, j)! - pct)).toBeLessThan(1e-9));
	});
});
