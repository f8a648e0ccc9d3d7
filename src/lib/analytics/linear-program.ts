// A small linear-program solver (two-phase simplex on a dense tableau, Bland's rule), enough
// for the disclosure audit: the least and greatest value a hidden cell can take given what a
// table shows. Problems are a few dozen variables and constraints; no library is needed.

export type Relation = '=' | '<=' | '>=';

export interface Constraint {
	/** Coefficient per variable (missing: 0). */
	coef: Map<number, number>;
	op: Relation;
	rhs: number;
}

const EPS = 1e-9;

/**
 * The optimum of `objective · x` (maximised) over x ≥ 0 subject to the constraints:
 * a number, Infinity when unbounded, or undefined when no x satisfies them.
 */
export function maximise(size: number, objective: Map<number, number>, constraints: Constraint[]): number | undefined {
	// Rows with a non-negative right-hand side; slack (+1 for <=) or surplus (−1 for >=) columns, then artificials.
	const rows = constraints.map((c) => (c.rhs < 0 ? { coef: new Map([...c.coef].map(([j, a]) => [j, -a])), op: flip(c.op), rhs: -c.rhs } : c));
	const slackCount = rows.filter((r) => r.op !== '=').length;
	const artificialCount = rows.filter((r) => r.op !== '<=').length;
	const width = size + slackCount + artificialCount + 1;
	const m = rows.length;
	const t: Float64Array[] = [];
	const basis = new Int32Array(m);
	let slack = size;
	let artificial = size + slackCount;
	rows.forEach((r, i) => {
		const row = new Float64Array(width);
		for (const [j, a] of r.coef) row[j] = a;
		row[width - 1] = r.rhs;
		if (r.op === '<=') (row[slack] = 1), (basis[i] = slack++);
		else {
			if (r.op === '>=') row[slack++] = -1;
			row[artificial] = 1;
			basis[i] = artificial++;
		}
		t.push(row);
	});
	const firstArtificial = size + slackCount;
	// Phase 1: minimise the artificials (maximise their negative sum).
	if (artificialCount) {
		const phase1 = new Float64Array(width);
		for (let j = firstArtificial; j < width - 1; j++) phase1[j] = -1;
		const z = reducedCosts(t, basis, phase1, width);
		if (pivotUntilOptimal(t, basis, z, width - 1) === 'unbounded') return undefined;
		if (z[width - 1] < -1e-7 * Math.max(1, ...rows.map((r) => r.rhs))) return undefined;
		// Drive artificials out of the basis where a real column can replace them.
		for (let i = 0; i < m; i++) {
			if (basis[i] < firstArtificial) continue;
			const j = t[i].findIndex((a, col) => col < firstArtificial && Math.abs(a) > EPS);
			if (j >= 0) pivot(t, basis, z, i, j);
		}
	}
	const costs = new Float64Array(width);
	for (const [j, a] of objective) costs[j] = a;
	const z = reducedCosts(t, basis, costs, width);
	// Artificial columns may not re-enter.
	const result = pivotUntilOptimal(t, basis, z, firstArtificial);
	return result === 'unbounded' ? Infinity : z[width - 1];
}

const flip = (op: Relation): Relation => (op === '<=' ? '>=' : op === '>=' ? '<=' : '=');

/** The objective row for the current basis: z_j = Σ c_B a_ij − c_j, and the objective's value last. */
function reducedCosts(t: Float64Array[], basis: Int32Array, c: Float64Array, width: number): Float64Array {
	const z = new Float64Array(width);
	for (let j = 0; j < width - 1; j++) z[j] = -c[j];
	t.forEach((row, i) => {
		const cb = c[basis[i]];
		if (cb) for (let j = 0; j < width; j++) z[j] += cb * row[j];
	});
	return z;
}

function pivot(t: Float64Array[], basis: Int32Array, z: Float64Array, r: number, col: number): void {
	const row = t[r];
	const p = row[col];
	for (let j = 0; j < row.length; j++) row[j] /= p;
	const eliminate = (other: Float64Array) => {
		const f = other[col];
		if (f) for (let j = 0; j < other.length; j++) other[j] -= f * row[j];
	};
	t.forEach((other, i) => i !== r && eliminate(other));
	eliminate(z);
	basis[r] = col;
}

/** Pivots (Bland's rule: lowest entering index, lowest leaving basis index on ties) over columns below `limit`. */
function pivotUntilOptimal(t: Float64Array[], basis: Int32Array, z: Float64Array, limit: number): 'optimal' | 'unbounded' {
	const last = z.length - 1;
	for (let guard = 0; guard < 5000; guard++) {
		let col = -1;
		for (let j = 0; j < limit; j++)
			if (z[j] < -EPS) {
				col = j;
				break;
			}
		if (col < 0) return 'optimal';
		let r = -1;
		let best = Infinity;
		t.forEach((row, i) => {
			if (row[col] <= EPS) return;
			const ratio = row[last] / row[col];
			if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i] < basis[r])) (best = ratio), (r = i);
		});
		if (r < 0) return 'unbounded';
		pivot(t, basis, z, r, col);
	}
	throw new Error('simplex did not finish');
}
