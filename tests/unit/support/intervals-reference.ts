// R's reference figures for the intervals (tests/reference/intervals.json, written by
// intervals.R) and the made-up respondents they were computed from (intervals-data.csv),
// read by the tests that compare with them, and the comparison to 1e-6 they use.
import { expect } from 'vitest';
import { referenceText as reference } from './reference';

/** One weighted estimate as R printed it (svyciprop or svymean, with confint and deff). */
interface REstimate {
	name: string;
	edition: number;
	group: number | null;
	n: number;
	estimate: number;
	se: number;
	lower: number;
	upper: number;
	df: number;
	deff: number;
}
export interface RProportion extends REstimate {
	variable: 'q1' | 'q2';
	code: number;
	base: 'answered' | 'shown';
}
type RMean = REstimate;
interface Change {
	difference: number;
	lower: number;
	upper: number;
	p: number | null;
}
export const R: {
	wilson: { x: number; n: number; lower: number; upper: number }[];
	tQuantile: { df: number; q: number }[];
	tInterval: { name: string; values: number[]; mean: number; sd: number; n: number; lower: number; upper: number }[];
	proportions: RProportion[];
	means: RMean[];
	deff: { edition: number; variable: string; codes: number[] | null; deff: number[] }[];
	propTest: (Change & { name: string; x2: number; n2: number; x1: number; n1: number })[];
	zChange: (Change & { name: string; estimate2: number; se2: number; estimate1: number; se1: number; se: number })[];
	welch: Change & { mean2: number; sd2: number; n2: number; mean1: number; sd1: number; n1: number; df: number; statistic: number };
	samplingError: { p: number[]; rows: { n: number; margins: number[] }[] };
} = JSON.parse(reference('intervals.json'));

export interface Respondent {
	edition: number;
	g: number;
	q1?: number;
	q2?: number;
	x?: number;
	w: number;
}
export const respondents: Respondent[] = reference('intervals-data.csv')
	.trim()
	.split('\n')
	.slice(1)
	.map((line) => line.split(','))
	.map(([edition, g, q1, q2, x, w]) => ({
		edition: Number(edition),
		g: Number(g),
		...(q1 ? { q1: Number(q1) } : {}),
		...(q2 ? { q2: Number(q2) } : {}),
		...(x ? { x: Number(x) } : {}),
		w: Number(w)
	}));

export const close = (actual: number | undefined, expected: number, what = '') =>
	expect(Math.abs((actual ?? NaN) - expected), `${what}: ${actual} against R's ${expected}`).toBeLessThanOrEqual(1e-6);
