// Raking (iterative proportional fitting) as R's survey::rake does it: weights that make the
// respondents' distribution on each margin (age group, sex, district, or a joint margin such
// as age × sex) match the population's, adjusting one margin at a time until all agree.
//
// Respondents with an unknown category on a margin (no answer, 回答しない, a code the
// population table lacks) are not dropped: they form that margin's own cell, whose target is
// their unweighted share of the sample, and the known categories share the rest in the
// population's proportions. Every margin then adjusts every respondent, so the result does not
// depend on the order of the margins. A category with population but no respondents cannot be
// matched; the other known categories share its part.
//
// Then, optionally, extreme weights are trimmed as R's survey::trimWeights(design, upper,
// lower, strict = FALSE) does: weights beyond a bound are set to it and the amount cut off is
// shared equally (added) among the weights inside the bounds, once. Bounds are multiples of
// the mean weight. Weights are scaled to average 1, so weighted counts read on the sample's scale.

export interface MarginColumn {
	/** Each respondent's category on this margin, or -1 when unknown. */
	categories: Int32Array;
	/** Population per category. */
	population: Map<number, number>;
}

export interface RakingResult {
	weights: Float64Array;
	/** Full passes over the margins. */
	iterations: number;
	converged: boolean;
	/** The largest |weighted share − target share| over every margin's cells, in percentage points, after the last pass. */
	maxError: number;
}

export interface TrimBounds {
	/** Upper bound as a multiple of the mean weight (e.g. 5), or null for none. */
	upper: number | null;
	/** Lower bound as a multiple of the mean weight (e.g. 0.2), or null for none. */
	lower: number | null;
}

export interface TrimResult extends TrimBounds {
	weights: Float64Array;
	/** How many weights were outside the bounds and set to them. */
	trimmed: number;
}

/** Raking and, when bounds were set, trimming: `weights` are the final ones. */
export interface WeightingResult extends RakingResult {
	trimming?: TrimBounds & {
		trimmed: number;
		/** The largest margin error after trimming, in percentage points. */
		maxError: number;
	};
}

/** A margin laid out for fitting: each respondent's cell (the unknown cell last) and each cell's target on the sample's scale. */
interface Cells {
	cell: Int32Array;
	target: Float64Array;
}

function cellsOf(size: number, m: MarginColumn): Cells {
	const codes = [...m.population.keys()];
	const index = new Map(codes.map((c, k) => [c, k]));
	const unknown = codes.length;
	const cell = new Int32Array(size);
	const counts = new Float64Array(codes.length + 1);
	for (let i = 0; i < size; i++) {
		const k = index.get(m.categories[i]) ?? unknown;
		cell[i] = k;
		counts[k]++;
	}
	// Known categories with respondents share what the unknown cell leaves, in the population's proportions.
	let reachable = 0;
	codes.forEach((c, k) => counts[k] > 0 && (reachable += m.population.get(c)!));
	const known = size - counts[unknown];
	const target = new Float64Array(codes.length + 1);
	codes.forEach((c, k) => (target[k] = counts[k] > 0 && reachable > 0 ? (known * m.population.get(c)!) / reachable : 0));
	target[unknown] = counts[unknown];
	return { cell, target };
}

function sums(w: Float64Array, c: Cells): Float64Array {
	const s = new Float64Array(c.target.length);
	for (let i = 0; i < w.length; i++) s[c.cell[i]] += w[i];
	return s;
}

/** The largest |share − target share| over the margins' cells, as a fraction (shares of each set's own total). */
function largestError(w: Float64Array, all: Cells[]): number {
	let total = 0;
	for (let i = 0; i < w.length; i++) total += w[i];
	let worst = 0;
	for (const c of all) {
		const s = sums(w, c);
		for (let k = 0; k < s.length; k++) worst = Math.max(worst, Math.abs(s[k] / total - c.target[k] / w.length));
	}
	return worst;
}

function scaleToMeanOne(w: Float64Array): void {
	let sum = 0;
	for (let i = 0; i < w.length; i++) sum += w[i];
	if (sum > 0) for (let i = 0; i < w.length; i++) w[i] *= w.length / sum;
}

/** Rakes `size` respondents to the margins until every cell is within `tolerance` of its target (as a share of the total). */
export function rake(size: number, margins: MarginColumn[], tolerance = 1e-10, maxIterations = 200): RakingResult {
	const weights = new Float64Array(size).fill(1);
	if (!size || !margins.length) return { weights, iterations: 0, converged: true, maxError: 0 };
	const all = margins.map((m) => cellsOf(size, m));
	let iterations = 0;
	let error = largestError(weights, all);
	while (error >= tolerance && iterations < maxIterations) {
		iterations++;
		for (const c of all) {
			const s = sums(weights, c);
			const factor = s.map((x, k) => (x > 0 ? c.target[k] / x : 1));
			for (let i = 0; i < size; i++) weights[i] *= factor[c.cell[i]];
		}
		error = largestError(weights, all);
	}
	scaleToMeanOne(weights);
	return { weights, iterations, converged: error < tolerance, maxError: error * 100 };
}

/** The largest margin error of some weights (e.g. after trimming), in percentage points. */
export function marginError(weights: Float64Array, margins: MarginColumn[]): number {
	if (!weights.length) return 0;
	return largestError(weights, margins.map((m) => cellsOf(weights.length, m))) * 100;
}

/** Trims weights to bounds given as multiples of their mean, as survey::trimWeights(strict = FALSE) does. */
export function trimWeights(weights: Float64Array, bounds: TrimBounds): TrimResult {
	const out = Float64Array.from(weights);
	let mean = 0;
	for (const w of weights) mean += w;
	mean /= weights.length || 1;
	const upper = bounds.upper === null ? Infinity : bounds.upper * mean;
	const lower = bounds.lower === null ? -Infinity : bounds.lower * mean;
	let cut = 0;
	let trimmed = 0;
	for (let i = 0; i < out.length; i++) {
		const w = Math.max(lower, Math.min(out[i], upper));
		if (w !== out[i]) {
			cut += out[i] - w;
			out[i] = w;
			trimmed++;
		}
	}
	const inside = out.length - trimmed;
	if (trimmed && inside)
		for (let i = 0; i < out.length; i++) if (weights[i] >= lower && weights[i] <= upper) out[i] += cut / inside;
	return { weights: out, trimmed, upper: bounds.upper, lower: bounds.lower };
}

/** Rakes, then trims when a bound is set, reporting the margin error that trimming leaves. */
export function weigh(size: number, margins: MarginColumn[], bounds?: TrimBounds): WeightingResult {
	const raked = rake(size, margins);
	if (!bounds || (bounds.upper === null && bounds.lower === null)) return raked;
	const t = trimWeights(raked.weights, bounds);
	scaleToMeanOne(t.weights);
	return {
		...raked,
		weights: t.weights,
		trimming: { upper: t.upper, lower: t.lower, trimmed: t.trimmed, maxError: marginError(t.weights, margins) }
	};
}
