// The 95 % intervals and tests of change as the results pages show them: shares in percent
// (changes in points), means in their own units, each from the R-checked functions of
// intervals.ts. What is hidden or not computed has no interval: every function here returns
// undefined when a count it needs is null (hidden) or its base is empty.
import {
	independentChange,
	tInterval,
	twoProportionTest,
	weightedShare,
	welchTest,
	wilson,
	type Change,
	type DesignEstimate,
	type Interval,
	type WeightSums
} from './intervals';

export type { Change, Interval } from './intervals';

/** What every interval assumes, and why the real error may be larger: said on each page and file that shows them. */
export const INTERVAL_ASSUMPTION = '区間（95% 信頼区間）は、回答者が無作為に選ばれた標本だと仮定した目安です。';
export const INTERVAL_CAVEAT = '自ら応じた回答や郵送調査の回答は無作為標本ではなく、答えなかった人と考えが違うこともあるため、実際の誤差はこれより大きいことがあります。';

/** A weighted figure's interval with its linearised standard error (in the same units) and design effect. */
export interface DesignInterval extends Interval {
	se: number;
	/** svymean(deff = "replace"); undefined where it is 0 / 0. */
	deff?: number;
}

/** A mean's figures as a test of change needs them (QuestionTable's summary has them). */
export interface MeanFigures {
	n: number;
	mean: number;
	sd: number;
	design?: DesignEstimate;
}

const scaled = (e: { lower: number; upper: number }, by: number): Interval => ({ lower: e.lower * by, upper: e.upper * by });

/** Wilson's 95 % interval in percent for n of base; undefined when either is hidden (null) or the base is 0. */
export function percentInterval(n: number | null | undefined, base: number | null | undefined): Interval | undefined {
	if (n === null || n === undefined || base === null || base === undefined) return undefined;
	const ci = wilson(n, base);
	return ci && scaled(ci, 100);
}

/** A weighted estimate's interval as pages show it: in percent for a share (by = 100), as it is for a mean. */
export function designInterval(e: DesignEstimate | undefined, by = 1): DesignInterval | undefined {
	if (!e) return undefined;
	return { ...scaled(e, by), se: e.se * by, ...(e.deff !== undefined ? { deff: e.deff } : {}) };
}

/** The linearised interval in percent of a weighted share (svyciprop(method = "mean")). */
export const weightedPercentInterval = (part: { w: number; w2: number }, base: WeightSums, designSize: number) => designInterval(weightedShare(part, base, designSize), 100);

/** The t interval of a mean of n values (as t.test). */
export const meanInterval = (m: MeanFigures) => tInterval(m.mean, m.sd, m.n);

/** One edition's share as a change test needs it: x of n, and with weights its estimate and SE in percent. */
export interface ShareFigures {
	n: number;
	base: number;
	weighted?: { percent: number; se: number };
}

const inPoints = (c: Change): Change => ({ ...c, difference: c.difference * 100, lower: c.lower * 100, upper: c.upper * 100 });

/**
 * The change of a share between two editions, newer minus older, in points: prop.test without
 * continuity correction when neither is weighted; otherwise the z test of two independent
 * estimates, an unweighted edition entering with its binomial SE √(p (1 − p) / n).
 */
export function shareChange(newer: ShareFigures, older: ShareFigures): Change | undefined {
	if (!(newer.base > 0 && older.base > 0)) return undefined;
	if (!newer.weighted && !older.weighted) {
		const t = twoProportionTest(newer.n, newer.base, older.n, older.base);
		return t && inPoints(t);
	}
	const figures = (f: ShareFigures) => {
		if (f.weighted) return { estimate: f.weighted.percent, se: f.weighted.se };
		const p = f.n / f.base;
		return { estimate: p * 100, se: 100 * Math.sqrt((p * (1 - p)) / f.base) };
	};
	return independentChange(figures(newer), figures(older));
}

/**
 * The change of a mean between two editions, newer minus older: Welch's t test when neither is
 * weighted, otherwise the z test of the two estimates (an unweighted one with its SE sd / √n).
 */
export function meanChange(newer: MeanFigures, older: MeanFigures): Change | undefined {
	if (!newer.design && !older.design) {
		const t = welchTest(newer, older);
		return t && { difference: t.difference, lower: t.lower, upper: t.upper, ...(t.p !== undefined ? { p: t.p } : {}) };
	}
	if (!(newer.n >= 2 && older.n >= 2)) return undefined;
	const figures = (m: MeanFigures) => m.design ?? { estimate: m.mean, se: m.sd / Math.sqrt(m.n) };
	return independentChange(figures(newer), figures(older));
}

/** The least and greatest of some design effects (those defined), or undefined when there are none. */
export function deffRange(list: (number | undefined)[]): { min: number; max: number } | undefined {
	const known = list.filter((d): d is number => d !== undefined && Number.isFinite(d));
	return known.length ? { min: Math.min(...known), max: Math.max(...known) } : undefined;
}
