// The weights page's arithmetic for one margin: each category's share in the population, among
// the respondents and with weights. Shares of the known categories are over the respondents
// whose category is known, weighted counts over the weighted total of those same respondents,
// so both columns sum to 100. The unknown cell (no answer, 回答しない, a code the table lacks)
// is reported apart, as a share of all respondents.

export interface ShareRow {
	population: number;
	populationShare: number;
	n: number;
	sampleShare: number;
	weighted: number;
	weightedShare: number;
}

export interface MarginShares {
	rows: ShareRow[];
	unknown: { n: number; sampleShare: number; weighted: number; weightedShare: number };
}

const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

/** Shares for a margin: `categories[i]` is respondent i's index into `population`, or -1 when unknown. */
export function marginTable(categories: Int32Array, population: number[], weights?: Float64Array): MarginShares {
	const n = new Float64Array(population.length);
	const w = new Float64Array(population.length);
	let unknownN = 0;
	let unknownW = 0;
	let allW = 0;
	for (let i = 0; i < categories.length; i++) {
		const k = categories[i];
		const wi = weights ? weights[i] : 1;
		allW += wi;
		if (k >= 0 && k < population.length) {
			n[k]++;
			w[k] += wi;
		} else {
			unknownN++;
			unknownW += wi;
		}
	}
	const knownN = categories.length - unknownN;
	const knownW = w.reduce((a, b) => a + b, 0);
	const populationTotal = population.reduce((a, b) => a + b, 0);
	return {
		rows: population.map((p, k) => ({
			population: p,
			populationShare: pct(p, populationTotal),
			n: n[k],
			sampleShare: pct(n[k], knownN),
			weighted: w[k],
			weightedShare: pct(w[k], knownW)
		})),
		unknown: { n: unknownN, sampleShare: pct(unknownN, categories.length), weighted: unknownW, weightedShare: pct(unknownW, allW) }
	};
}
