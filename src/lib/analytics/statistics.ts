// Tests of independence for a cross-tabulation: Pearson's chi-square with its p-value from the
// regularised upper incomplete gamma function (series and continued fraction, as in Numerical
// Recipes' gammq), the expected counts and Cochran's caution rule, and the F distribution's upper
// tail (regularised incomplete beta, as in Numerical Recipes' betai and betacf), so no statistics
// library is needed. Exact and simulated p-values are in exact-tests.ts, the Rao–Scott test for
// weighted data in rao-scott.ts.

/** log Γ(x) for x > 0. */
export function logGamma(x: number): number {
	// Lanczos approximation (g = 7, n = 9), accurate to about 15 digits.
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
		12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
	];
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	x -= 1;
	let a = c[0];
	const t = x + 7.5;
	for (let i = 1; i < 9; i++) a += c[i] / (x + i);
	return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Q(a, x) = Γ(a, x) / Γ(a): the probability a chi-square with 2a degrees of freedom exceeds 2x. */
export function upperGammaQ(a: number, x: number): number {
	if (x <= 0) return 1;
	const lead = a * Math.log(x) - x - logGamma(a);
	if (x < a + 1) {
		// Series for P(a, x), then Q = 1 − P.
		let sum = 1 / a;
		let term = sum;
		for (let n = 1; n < 500; n++) {
			term *= x / (a + n);
			sum += term;
			if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
		}
		return 1 - sum * Math.exp(lead);
	}
	// Continued fraction for Q(a, x) (modified Lentz).
	const tiny = 1e-300;
	let b = x + 1 - a;
	let c = 1 / tiny;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < 500; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < tiny) d = tiny;
		c = b + an / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < 1e-15) break;
	}
	return Math.exp(lead) * h;
}

export interface ChiSquare {
	statistic: number;
	df: number;
	p: number;
}

/** The rows and columns of a table that have any respondents (the part a test is done on). */
export function occupiedPart(table: number[][]): number[][] {
	const rows = table.filter((r) => r.some((n) => n > 0));
	const cols = rows[0]?.map((_, j) => j).filter((j) => rows.some((r) => r[j] > 0)) ?? [];
	return rows.map((r) => cols.map((j) => r[j]));
}

/** Pearson's chi-square over the rows and columns that have any respondents. */
export function chiSquare(table: number[][]): ChiSquare | undefined {
	const part = occupiedPart(table);
	if (part.length < 2 || part[0].length < 2) return undefined;
	const expected = expectedCounts(part);
	let statistic = 0;
	part.forEach((r, i) => r.forEach((n, j) => (statistic += (n - expected[i][j]) ** 2 / expected[i][j])));
	const df = (part.length - 1) * (part[0].length - 1);
	return { statistic, df, p: upperGammaQ(df / 2, statistic / 2) };
}

/** Counts expected under independence, row total × column total / total (0 in an empty row or column). */
export function expectedCounts(table: number[][]): number[][] {
	const rowTotals = table.map((r) => r.reduce((a, b) => a + b, 0));
	const colTotals = (table[0] ?? []).map((_, j) => table.reduce((s, r) => s + r[j], 0));
	const total = rowTotals.reduce((a, b) => a + b, 0);
	return table.map((_, i) => colTotals.map((c) => (total > 0 ? (rowTotals[i] * c) / total : 0)));
}

export interface TestCaution {
	/** The smallest expected count (NaN when no row and column both have respondents). */
	minExpected: number;
	/** The share (0–1) of expected counts under 5. */
	lowShare: number;
	/** Some expected count is under 1, or more than 20 % are under 5 (Cochran's rule). */
	warned: boolean;
}

/** Whether the chi-square approximation is doubtful, over the cells chiSquare tests. */
export function testCaution(table: number[][]): TestCaution {
	const cells = expectedCounts(occupiedPart(table)).flat();
	if (!cells.length) return { minExpected: NaN, lowShare: 0, warned: false };
	const minExpected = Math.min(...cells);
	const low = cells.filter((e) => e < 5).length;
	return { minExpected, lowShare: low / cells.length, warned: minExpected < 1 || low * 5 > cells.length };
}

/** The regularised incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. */
export function incompleteBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
	// The continued fraction converges quickly for x below the mean; otherwise use I_x(a, b) = 1 − I_(1−x)(b, a).
	if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
	return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
	// Numerical Recipes' betacf (modified Lentz); about √max(a, b) terms are needed.
	const tiny = 1e-300;
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	if (Math.abs(d) < tiny) d = tiny;
	d = 1 / d;
	let h = d;
	for (let m = 1; m < 100_000; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < 1e-15) break;
	}
	return h;
}

/** P(F > x) for the F distribution with d1 and d2 degrees of freedom (need not be whole numbers). */
export function fUpper(x: number, d1: number, d2: number): number {
	if (!(d1 > 0 && d2 > 0) || Number.isNaN(x)) return NaN;
	if (x <= 0) return 1;
	if (x === Infinity) return 0;
	return incompleteBeta(d2 / (d2 + d1 * x), d2 / 2, d1 / 2);
}
