// Raking (iterative proportional fitting): weights that make the respondents' distribution on
// each margin (age group, sex, district) match the population's, adjusting one margin at a
// time until all agree. Respondents with no known category on a margin (no answer, 回答しない,
// a code the population table lacks) are left out of that margin's adjustment. Weights are
// scaled to average 1, so weighted counts read on the same scale as the sample.

export interface MarginColumn {
	/** Each respondent's category on this margin, or -1 when unknown. */
	categories: Int32Array;
	/** Population per category. */
	population: Map<number, number>;
}

export interface RakingResult {
	weights: Float64Array;
	iterations: number;
	converged: boolean;
	/** The largest relative gap between a weighted share and its target at the end. */
	gap: number;
}

export function rake(size: number, margins: MarginColumn[], tolerance = 1e-9, maxIterations = 100): RakingResult {
	const weights = new Float64Array(size).fill(1);
	if (!size || !margins.length) return { weights, iterations: 0, converged: true, gap: 0 };
	let gap = Infinity;
	let iterations = 0;
	while (iterations < maxIterations && gap > tolerance) {
		iterations++;
		gap = 0;
		for (const m of margins) {
			const total = [...m.population.values()].reduce((a, b) => a + b, 0);
			const sums = new Map<number, number>();
			let known = 0;
			for (let i = 0; i < size; i++) {
				const c = m.categories[i];
				if (!m.population.has(c)) continue;
				sums.set(c, (sums.get(c) ?? 0) + weights[i]);
				known += weights[i];
			}
			// A category with population but no respondents cannot be matched; the others share its part.
			const reachable = [...m.population].filter(([c]) => (sums.get(c) ?? 0) > 0);
			const reachableTotal = reachable.reduce((a, [, p]) => a + p, 0) || total;
			const factor = new Map<number, number>();
			for (const [c, p] of reachable) {
				const target = (p / reachableTotal) * known;
				const f = target / sums.get(c)!;
				factor.set(c, f);
				gap = Math.max(gap, Math.abs(f - 1));
			}
			for (let i = 0; i < size; i++) {
				const f = factor.get(m.categories[i]);
				if (f !== undefined) weights[i] *= f;
			}
		}
	}
	let sum = 0;
	for (let i = 0; i < size; i++) sum += weights[i];
	for (let i = 0; i < size; i++) weights[i] *= size / sum;
	return { weights, iterations, converged: gap <= tolerance, gap };
}
