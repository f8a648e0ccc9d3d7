// P-values for a cross-tabulation that do not lean on the chi-square approximation, for tables
// with small expected counts: Fisher's exact test for a 2×2 table, and the Monte Carlo p-value of
// Pearson's chi-square over random tables with the same margins, as R's fisher.test and
// chisq.test(simulate.p.value = TRUE) compute them. The random tables come from a seeded
// generator, so the same table always gets the same p.
import { expectedCounts, occupiedPart } from './statistics';
import { seededRandom } from '$lib/seeded-random';

/** Fisher's exact test, two-sided, for a table that is 2×2 once empty rows and columns are left out (NaN when smaller). */
export function fisherExact2x2(table: number[][]): number {
	const part = occupiedPart(table);
	if (part.length < 2 || part[0].length < 2) return NaN;
	if (part.length > 2 || part[0].length > 2) throw new RangeError('fisherExact2x2 needs a 2×2 table');
	const [[x, b], [c, d]] = part;
	// As fisher.test: x, the top-left cell, is hypergeometric given the margins m, n and k.
	const m = x + c;
	const n = b + d;
	const k = x + b;
	const lo = Math.max(0, k - n);
	const hi = Math.min(k, m);
	// log P(X = i) up to a constant, by the ratio of neighbouring probabilities.
	const logD = new Float64Array(hi - lo + 1);
	for (let i = lo; i < hi; i++) logD[i - lo + 1] = logD[i - lo] + Math.log(((m - i) * (k - i)) / ((i + 1) * (n - k + i + 1)));
	const top = logD.reduce((a, b) => Math.max(a, b), -Infinity);
	const dens = Array.from(logD, (l) => Math.exp(l - top));
	const total = dens.reduce((s, v) => s + v, 0);
	// R's two-sided p: the tables no more likely than the one observed, with a relative error of 1e-7 for ties.
	const limit = dens[x - lo] * (1 + 1e-7);
	return dens.reduce((s, v) => (v <= limit ? s + v : s), 0) / total;
}

/** A 32-bit seed from a table's cells (FNV-1a), so a table gets the same simulated p on every page load. */
export function tableSeed(table: number[][]): number {
	let h = 0x811c9dc5;
	const mix = (v: number) => {
		for (let s = 0; s < 32; s += 8) h = Math.imul(h ^ ((v >>> s) & 0xff), 0x01000193);
	};
	mix(table.length);
	for (const row of table) {
		mix(row.length);
		for (const v of row) mix(v);
	}
	return h >>> 0;
}

function logFactorials(n: number): Float64Array {
	const lf = new Float64Array(n + 1);
	for (let i = 2; i <= n; i++) lf[i] = lf[i - 1] + Math.log(i);
	return lf;
}

// One hypergeometric draw: how many of `draws` items taken from `population` are among its
// `successes`, by inversion searching outwards from the mode, always to the likelier side.
function hypergeometric(draws: number, successes: number, population: number, lf: Float64Array, random: () => number): number {
	if (draws === 0 || successes === 0) return 0;
	if (successes === population) return draws;
	if (draws === population) return successes;
	const failures = population - successes;
	const lo = Math.max(0, draws - failures);
	const hi = Math.min(draws, successes);
	const mode = Math.min(hi, Math.max(lo, Math.floor(((draws + 1) * (successes + 1)) / (population + 2))));
	const pMode = Math.exp(
		lf[successes] - lf[mode] - lf[successes - mode] + lf[failures] - lf[draws - mode] - lf[failures - draws + mode] - lf[population] + lf[draws] + lf[population - draws]
	);
	let scale = 1;
	for (;;) {
		let u = random() * scale - pMode;
		if (u < 0) return mode;
		let up = mode;
		let pUp = pMode;
		let down = mode;
		let pDown = pMode;
		// The next probability on each side, 0 past the end of the support.
		const nextUp = () => (up < hi ? (pUp * (successes - up) * (draws - up)) / ((up + 1) * (failures - draws + up + 1)) : 0);
		const nextDown = () => (down > lo ? (pDown * down * (failures - draws + down)) / ((successes - down + 1) * (draws - down + 1)) : 0);
		let qUp = nextUp();
		let qDown = nextDown();
		let sum = pMode;
		while (qUp > 0 || qDown > 0) {
			if (qUp >= qDown) {
				up++;
				pUp = qUp;
				u -= pUp;
				sum += pUp;
				if (u < 0) return up;
				qUp = nextUp();
			} else {
				down--;
				pDown = qDown;
				u -= pDown;
				sum += pDown;
				if (u < 0) return down;
				qDown = nextDown();
			}
		}
		// Rounding left the probabilities summing to just under 1: draw again within their sum.
		scale = sum;
	}
}

// Fills `out` (row by row) with a random table with the given margins, uniform over the ways of
// dealing the respondents out, as R's r2dtable: each row in turn is a multivariate hypergeometric
// sample of what the columns have left, drawn one cell at a time.
function fillRandomTable(rowTotals: number[], colTotals: number[], lf: Float64Array, random: () => number, left: Int32Array, out: Int32Array) {
	const nr = rowTotals.length;
	const nc = colTotals.length;
	let pool = 0;
	for (let j = 0; j < nc; j++) pool += left[j] = colTotals[j];
	for (let i = 0; i < nr - 1; i++) {
		let toDeal = rowTotals[i];
		let rest = pool;
		for (let j = 0; j < nc - 1; j++) {
			const x = hypergeometric(toDeal, left[j], rest, lf, random);
			out[i * nc + j] = x;
			rest -= left[j];
			left[j] -= x;
			toDeal -= x;
		}
		out[i * nc + nc - 1] = toDeal;
		left[nc - 1] -= toDeal;
		pool -= rowTotals[i];
	}
	for (let j = 0; j < nc; j++) out[(nr - 1) * nc + j] = left[j];
}

/** A random table with these margins (whole numbers, equal sums), as R's r2dtable. */
export function randomTable(rowTotals: number[], colTotals: number[], random: () => number): number[][] {
	const n = rowTotals.reduce((a, b) => a + b, 0);
	const out = new Int32Array(rowTotals.length * colTotals.length);
	fillRandomTable(rowTotals, colTotals, logFactorials(n), random, new Int32Array(colTotals.length), out);
	return rowTotals.map((_, i) => Array.from(out.subarray(i * colTotals.length, (i + 1) * colTotals.length)));
}

/**
 * Pearson's chi-square p-value by simulation, as R's chisq.test(simulate.p.value = TRUE, B):
 * (1 + the number of B random tables with the same margins whose X² reaches the observed) / (B + 1).
 * Over the rows and columns with respondents; counts must be whole numbers; NaN when fewer than 2 × 2.
 */
export function simulatedP(table: number[][], B = 2000, seed?: number): number {
	const part = occupiedPart(table);
	if (part.length < 2 || part[0].length < 2) return NaN;
	if (!part.every((r) => r.every((v) => Number.isInteger(v)))) throw new RangeError('simulatedP needs whole-number counts');
	const nr = part.length;
	const nc = part[0].length;
	const rowTotals = part.map((r) => r.reduce((a, b) => a + b, 0));
	const colTotals = part[0].map((_, j) => part.reduce((s, r) => s + r[j], 0));
	const expected = expectedCounts(part).flat();
	// R sums the observed terms largest first and counts a simulated X² that is within
	// 64 machine epsilons below it as reaching it (almost.1).
	const observed = part
		.flat()
		.map((o, k) => (o - expected[k]) ** 2 / expected[k])
		.sort((a, b) => b - a)
		.reduce((a, b) => a + b, 0);
	const threshold = (1 - 64 * Number.EPSILON) * observed;
	const random = seededRandom(seed ?? tableSeed(part));
	const lf = logFactorials(rowTotals.reduce((a, b) => a + b, 0));
	const left = new Int32Array(nc);
	const cells = new Int32Array(nr * nc);
	let reached = 0;
	for (let b = 0; b < B; b++) {
		fillRandomTable(rowTotals, colTotals, lf, random, left, cells);
		let x2 = 0;
		for (let k = 0; k < cells.length; k++) x2 += (cells[k] - expected[k]) ** 2 / expected[k];
		if (x2 >= threshold) reached++;
	}
	return (1 + reached) / (B + 1);
}
