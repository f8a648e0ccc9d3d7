// 95 % intervals, design effects and tests of change, as R computes them (checked against
// tests/reference/intervals.R to 1e-6):
// - a share without weights: Wilson's score interval, prop.test(x, n, correct = FALSE)$conf.int;
// - a mean without weights: mean ± qt(0.975, n − 1) · sd / √n, as t.test;
// - with weights, for the design svydesign(ids = ~1, weights = ~w) over a whole edition with a
//   base (those who answered, a group) taken from it by subset(): the linearised standard error
//   SE² = N / (N − 1) · Σ zᵢ², zᵢ = wᵢ (yᵢ − ȳ) / Σw over the base, N the edition's respondents,
//   and ȳ ± qt(0.975, n − 1) · SE with n the base's respondents: svyciprop(method = "mean") for
//   a share, svymean with confint(df = degf(design)) for a mean;
// - the design effect: svymean(deff = "replace"), SE² against the variance of simple random
//   sampling with replacement of the same n (R's deff = TRUE compares with sampling without
//   replacement from a population of Σw, which for weights of mean 1 is 0 / 0);
// - the change between editions: prop.test(correct = FALSE) for two shares without weights
//   (p from the pooled X², interval from the unpooled SE), Welch's t.test for two means, and
//   with weights the difference of two independent estimates, SE √(SE₁² + SE₂²), a z test;
// - the sampling-error table of Japanese survey reports: ±1.96 √(p (1 − p) / n) in points.
// Pure: numbers in, numbers out.
import { incompleteBeta, upperGammaQ } from './statistics';

/** qnorm(0.975), as R prints it to 17 digits. */
export const Z95 = 1.9599639845400536;

export interface Interval {
	lower: number;
	upper: number;
}

/** Wilson's 95 % interval for x of n (proportions 0–1), as prop.test(x, n, correct = FALSE); undefined when n is 0. */
export function wilson(x: number, n: number): Interval | undefined {
	if (!(n > 0)) return undefined;
	const p = x / n;
	const z22n = (Z95 * Z95) / (2 * n);
	const spread = Z95 * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
	return {
		lower: p <= 0 ? 0 : (p + z22n - spread) / (1 + 2 * z22n),
		upper: p >= 1 ? 1 : (p + z22n + spread) / (1 + 2 * z22n)
	};
}

/** P(|T| > t) for Student's t with df degrees of freedom (df > 0, need not be whole). */
export function tTwoSided(t: number, df: number): number {
	if (!(df > 0) || Number.isNaN(t)) return NaN;
	return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

const quantiles = new Map<number, number>();

/** qt(0.975, df): the t value with 2.5 % above it. */
export function t95(df: number): number {
	if (!(df > 0)) return NaN;
	const known = quantiles.get(df);
	if (known !== undefined) return known;
	// P(|T| > t) falls as t grows: bisect between the normal quantile and a bound above it.
	let lo = Z95;
	let hi = 16;
	while (tTwoSided(hi, df) > 0.05) hi *= 2;
	for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
		const mid = (lo + hi) / 2;
		if (tTwoSided(mid, df) > 0.05) lo = mid;
		else hi = mid;
	}
	const q = (lo + hi) / 2;
	if (quantiles.size > 2000) quantiles.clear();
	quantiles.set(df, q);
	return q;
}

/** The 95 % t interval of a mean of n values with standard deviation sd; undefined under two values. */
export function tInterval(mean: number, sd: number, n: number): Interval | undefined {
	if (!(n >= 2)) return undefined;
	const half = (t95(n - 1) * sd) / Math.sqrt(n);
	return { lower: mean - half, upper: mean + half };
}

/** The mean and sample standard deviation of some values (two passes, so no precision is lost). */
export function meanAndSd(values: ArrayLike<number>): { n: number; mean: number; sd: number } {
	const n = values.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += values[i];
	const mean = n ? sum / n : NaN;
	let ss = 0;
	for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
	return { n, mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN };
}

/** A weighted estimate with its linearised standard error, 95 % interval and design effect. */
export interface DesignEstimate extends Interval {
	estimate: number;
	se: number;
	/** Degrees of freedom of the interval: the base's respondents − 1. */
	df: number;
	/** svymean(deff = "replace"); undefined where it is 0 / 0 (everyone alike). */
	deff?: number;
}

/** Sums over a base of respondents: how many, Σw and Σw². */
export interface WeightSums {
	n: number;
	w: number;
	w2: number;
}

function designEstimate(estimate: number, variance: number, srsVariance: number, n: number): DesignEstimate {
	const se = Math.sqrt(variance);
	const half = t95(n - 1) * se;
	const deff = variance / srsVariance;
	return { estimate, se, lower: estimate - half, upper: estimate + half, df: n - 1, ...(Number.isFinite(deff) ? { deff } : {}) };
}

/**
 * A weighted share (0–1) of a base, as svyciprop(method = "mean") on a subset of a design of
 * `designSize` respondents: `part` holds Σw and Σw² of those in the base who count. Undefined
 * when the base has fewer than two respondents or no weight.
 */
export function weightedShare(part: { w: number; w2: number }, base: WeightSums, designSize: number): DesignEstimate | undefined {
	if (!(base.n >= 2 && base.w > 0 && designSize >= 2)) return undefined;
	const p = part.w / base.w;
	// Σ wᵢ² (yᵢ − p)² over the base, with yᵢ 1 for the part and 0 for the rest.
	const squares = (1 - p) ** 2 * part.w2 + p * p * Math.max(0, base.w2 - part.w2);
	const variance = ((designSize / (designSize - 1)) * squares) / (base.w * base.w);
	return designEstimate(p, variance, (p * (1 - p)) / (base.n - 1), base.n);
}

/** A weighted mean of some values, as svymean with confint(df = degf(design)) on a subset of a design of `designSize` respondents. */
export function weightedMean(values: ArrayLike<number>, weights: ArrayLike<number>, designSize: number): DesignEstimate | undefined {
	const n = values.length;
	let w = 0;
	let wx = 0;
	for (let i = 0; i < n; i++) (w += weights[i]), (wx += weights[i] * values[i]);
	if (!(n >= 2 && w > 0 && designSize >= 2)) return undefined;
	const mean = wx / w;
	let squares = 0;
	let spread = 0;
	for (let i = 0; i < n; i++) {
		const d = values[i] - mean;
		squares += (weights[i] * d) ** 2;
		spread += weights[i] * d * d;
	}
	const variance = ((designSize / (designSize - 1)) * squares) / (w * w);
	// svyvar over the base is n / (n − 1) · Σw d² / Σw; simple random sampling of n divides it by n.
	return designEstimate(mean, variance, spread / w / (n - 1), n);
}

/** A change between two editions: newer minus older, its 95 % interval and two-sided p. */
export interface Change extends Interval {
	difference: number;
	/** Undefined when it cannot be computed (both shares 0, or both 1). */
	p?: number;
}

/** p = P(|Z| > |z|) for a standard normal Z. */
export const normalTwoSided = (z: number) => upperGammaQ(0.5, (z * z) / 2);

/**
 * Two shares from independent samples, x2 of n2 (newer) against x1 of n1, as
 * prop.test(c(x2, x1), c(n2, n1), correct = FALSE): p from the pooled X², the interval from the
 * unpooled SE, clipped to ±1. Undefined when either sample is empty.
 */
export function twoProportionTest(x2: number, n2: number, x1: number, n1: number): Change | undefined {
	if (!(n1 > 0 && n2 > 0)) return undefined;
	const p1 = x1 / n1;
	const p2 = x2 / n2;
	const difference = p2 - p1;
	const half = Z95 * Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
	const pooled = (x1 + x2) / (n1 + n2);
	const pooledVariance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
	return {
		difference,
		lower: Math.max(-1, difference - half),
		upper: Math.min(1, difference + half),
		...(pooledVariance > 0 ? { p: upperGammaQ(0.5, (difference * difference) / pooledVariance / 2) } : {})
	};
}

/** Two independent estimates with their standard errors (newer first): the difference, √(SE₁² + SE₂²), a z test. */
export function independentChange(newer: { estimate: number; se: number }, older: { estimate: number; se: number }): Change {
	const difference = newer.estimate - older.estimate;
	const se = Math.sqrt(newer.se ** 2 + older.se ** 2);
	const half = Z95 * se;
	return { difference, lower: difference - half, upper: difference + half, ...(se > 0 ? { p: normalTwoSided(difference / se) } : {}) };
}

/** Welch's two-sample t test of two means (newer first), as t.test(newer, older). Undefined under two values in either. */
export function welchTest(newer: { mean: number; sd: number; n: number }, older: { mean: number; sd: number; n: number }): (Change & { df: number; statistic: number }) | undefined {
	if (!(newer.n >= 2 && older.n >= 2)) return undefined;
	const v2 = newer.sd ** 2 / newer.n;
	const v1 = older.sd ** 2 / older.n;
	const se = Math.sqrt(v1 + v2);
	const difference = newer.mean - older.mean;
	if (!(se > 0)) return { difference, lower: difference, upper: difference, df: NaN, statistic: NaN };
	const df = (v1 + v2) ** 2 / (v2 ** 2 / (newer.n - 1) + v1 ** 2 / (older.n - 1));
	const statistic = difference / se;
	const half = t95(df) * se;
	return { difference, lower: difference - half, upper: difference + half, p: tTwoSided(statistic, df), df, statistic };
}

/** The shares (in %) of a sampling-error table's columns: 10 % (or 90 %) … 50 %. */
export const SAMPLING_ERROR_SHARES = [10, 20, 30, 40, 50] as const;

/** The sampling error at 95 % of a share p (0–1) of n, in points: 1.96 √(p (1 − p) / n) × 100. */
export const samplingError = (p: number, n: number) => 196 * Math.sqrt((p * (1 - p)) / n);

/** A sampling-error table: for each n, the error in points at each of SAMPLING_ERROR_SHARES. */
export function samplingErrorTable<T extends { n: number }>(rows: T[]): (T & { margins: number[] })[] {
	return rows.filter((r) => r.n > 0).map((r) => ({ ...r, margins: SAMPLING_ERROR_SHARES.map((p) => samplingError(p / 100, r.n)) }));
}
