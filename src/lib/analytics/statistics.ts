// The chi-square test of independence for a cross-tabulation, with its p-value from the
// regularised upper incomplete gamma function (series and continued fraction, as in
// Numerical Recipes' gammq), so no statistics library is needed for one function.

function logGamma(x: number): number {
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

/** Pearson's chi-square over the rows and columns that have any respondents. */
export function chiSquare(table: number[][]): ChiSquare | undefined {
	const rows = table.filter((r) => r.some((n) => n > 0));
	const cols = rows[0]?.map((_, j) => j).filter((j) => rows.some((r) => r[j] > 0)) ?? [];
	if (rows.length < 2 || cols.length < 2) return undefined;
	const rowTotals = rows.map((r) => cols.reduce((s, j) => s + r[j], 0));
	const colTotals = cols.map((j) => rows.reduce((s, r) => s + r[j], 0));
	const total = rowTotals.reduce((a, b) => a + b, 0);
	let statistic = 0;
	rows.forEach((r, i) =>
		cols.forEach((j, k) => {
			const expected = (rowTotals[i] * colTotals[k]) / total;
			statistic += (r[j] - expected) ** 2 / expected;
		})
	);
	const df = (rows.length - 1) * (cols.length - 1);
	return { statistic, df, p: upperGammaQ(df / 2, statistic / 2) };
}
