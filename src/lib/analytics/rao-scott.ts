// The Rao–Scott second-order corrected chi-square test of independence for weighted data, as
// R's survey::svychisq(~a + b, design, statistic = "F") computes it for a design with no
// clusters or strata (svydesign(ids = ~1, weights = ~w)): Pearson's X² of the weighted table
// scaled to n respondents, divided by the mean design effect tr(Δ), against an F distribution
// whose degrees of freedom are corrected by tr(Δ)² / tr(Δ²).
import { chiSquare, fUpper } from './statistics';

export interface RaoScott {
	/** F = X² / tr(Δ). */
	statistic: number;
	ndf: number;
	ddf: number;
	p: number;
	/** Pearson's X² of the weighted table scaled to sum to n. */
	pearson: number;
}

// Solves A X = B (A m×m, B m×k, both row by row) by Gaussian elimination with partial
// pivoting; undefined when A is singular.
function solve(a: Float64Array, b: Float64Array, m: number, k: number): Float64Array | undefined {
	const A = a.slice();
	const X = b.slice();
	let scale = 0;
	for (const v of A) scale = Math.max(scale, Math.abs(v));
	for (let col = 0; col < m; col++) {
		let pivot = col;
		for (let r = col + 1; r < m; r++) if (Math.abs(A[r * m + col]) > Math.abs(A[pivot * m + col])) pivot = r;
		if (!(Math.abs(A[pivot * m + col]) > scale * 1e-13)) return undefined;
		if (pivot !== col) {
			for (let c = 0; c < m; c++) [A[col * m + c], A[pivot * m + c]] = [A[pivot * m + c], A[col * m + c]];
			for (let c = 0; c < k; c++) [X[col * k + c], X[pivot * k + c]] = [X[pivot * k + c], X[col * k + c]];
		}
		for (let r = 0; r < m; r++) {
			if (r === col) continue;
			const f = A[r * m + col] / A[col * m + col];
			if (f === 0) continue;
			for (let c = col; c < m; c++) A[r * m + c] -= f * A[col * m + c];
			for (let c = 0; c < k; c++) X[r * k + c] -= f * X[col * k + c];
		}
	}
	for (let r = 0; r < m; r++) for (let c = 0; c < k; c++) X[r * k + c] /= A[r * m + r];
	return X;
}

// Indices 0.. for the categories (0 ≤ code < size) that have any weight, −1 for the others.
function presentCategories(codes: Int32Array, weights: Float64Array, size: number): { index: Int32Array; count: number } {
	const seen = new Uint8Array(size);
	codes.forEach((c, i) => {
		if (!(c >= 0 && c < size)) throw new RangeError(`category ${c} is outside 0–${size - 1}`);
		if (weights[i] > 0) seen[c] = 1;
	});
	const index = new Int32Array(size).fill(-1);
	let count = 0;
	seen.forEach((s, c) => s && (index[c] = count++));
	return { index, count };
}

/**
 * The Rao–Scott test of rows × columns for respondents i with categories rows[i] (0 … nr − 1),
 * cols[i] (0 … nc − 1) and weights[i] ≥ 0, as svychisq(statistic = "F") on
 * svydesign(ids = ~1, weights = ~w): categories with no weight are left out; undefined when
 * fewer than two rows or columns are left.
 */
export function raoScott(rows: Int32Array, cols: Int32Array, weights: Float64Array, nr: number, nc: number): RaoScott | undefined {
	const n = rows.length;
	if (cols.length !== n || weights.length !== n) throw new RangeError('rows, cols and weights differ in length');
	weights.forEach((w) => {
		if (!(w >= 0 && w < Infinity)) throw new RangeError(`weight ${w} is not a finite number ≥ 0`);
	});
	const r = presentCategories(rows, weights, nr);
	const c = presentCategories(cols, weights, nc);
	const R = r.count;
	const C = c.count;
	if (R < 2 || C < 2 || n < 2) return undefined;
	const K = R * C;
	// Per cell (row index fastest, as R's interaction()): the sums of w and of w².
	const s1 = new Float64Array(K);
	const s2 = new Float64Array(K);
	let total = 0;
	let total2 = 0;
	for (let i = 0; i < n; i++) {
		const w = weights[i];
		if (!(w > 0)) continue;
		const k = r.index[rows[i]] + R * c.index[cols[i]];
		s1[k] += w;
		s2[k] += w * w;
		total += w;
		total2 += w * w;
	}
	// svymean's cell proportions; its variance (with replacement, no strata) is n/(n − 1) × the
	// crossproduct of the influence values z_i = w_i (x_i − p) / W, which is
	// [diag(s2) − s2 p' − p s2' + Σw² p p'] / W².
	const p = Array.from(s1, (v) => v / total);
	const iD = p.map((v) => (v === 0 ? 0 : 1 / v));
	const vScale = n / (n - 1) / (total * total);
	// Cmat: the interaction columns less their projection on the main effects, which for one
	// cell per row and column is (δ(row, i) − 1/R)(δ(col, j) − 1/C) for i, j past the first level.
	const m = (R - 1) * (C - 1);
	const G = new Float64Array(K * m); // D⁻¹ Cmat
	const Cm = new Float64Array(K * m);
	for (let k = 0; k < K; k++) {
		const row = k % R;
		const col = Math.floor(k / R);
		for (let i = 1; i < R; i++)
			for (let j = 1; j < C; j++) {
				const q = (i - 1) * (C - 1) + (j - 1);
				Cm[k * m + q] = ((row === i ? 1 : 0) - 1 / R) * ((col === j ? 1 : 0) - 1 / C);
				G[k * m + q] = iD[k] * Cm[k * m + q];
			}
	}
	// denom = Cmat' D⁻¹ Cmat / n; numr = G' V G, using V's form above with a = G's2, b = G'p.
	const a = new Float64Array(m);
	const b = new Float64Array(m);
	for (let k = 0; k < K; k++)
		for (let q = 0; q < m; q++) {
			a[q] += G[k * m + q] * s2[k];
			b[q] += G[k * m + q] * p[k];
		}
	const denom = new Float64Array(m * m);
	const numr = new Float64Array(m * m);
	for (let q = 0; q < m; q++)
		for (let t = 0; t < m; t++) {
			let dn = 0;
			let nm = 0;
			for (let k = 0; k < K; k++) {
				dn += Cm[k * m + q] * iD[k] * Cm[k * m + t];
				nm += G[k * m + q] * s2[k] * G[k * m + t];
			}
			denom[q * m + t] = dn / n;
			numr[q * m + t] = vScale * (nm - a[q] * b[t] - b[q] * a[t] + total2 * b[q] * b[t]);
		}
	const delta = solve(denom, numr, m, m);
	if (!delta) return undefined;
	let trace = 0;
	let trace2 = 0;
	for (let q = 0; q < m; q++) {
		trace += delta[q * m + q];
		for (let t = 0; t < m; t++) trace2 += delta[q * m + t] * delta[t * m + q];
	}
	if (!(trace > 0 && trace2 > 0)) return undefined;
	const d0 = (trace * trace) / trace2;
	// svytable(Ntotal = n): the weighted table scaled to sum to n.
	const scaled = Array.from({ length: R }, (_, i) => Array.from({ length: C }, (_, j) => (s1[i + R * j] * n) / total));
	const pearson = chiSquare(scaled)?.statistic;
	if (pearson === undefined) return undefined;
	const statistic = pearson / trace;
	const ddf = d0 * (n - 1);
	return { statistic, ndf: d0, ddf, p: fUpper(statistic, d0, ddf), pearson };
}
