// How results show numbers: counts with thousands separators, shares with one decimal, a 95 %
// interval as 41.1〜49.3, and a count or share the disclosure control hid as the one hidden mark
// (its interval too: what is hidden has none).
import { HIDDEN_MARK } from '$lib/analytics/disclosure';
import type { Change, Interval } from '$lib/analytics/uncertainty';
import { pText } from '$lib/analytics/test-summary';

export const count = (n: number) => n.toLocaleString('ja-JP');
export const percent = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '—');
export const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
export const fixed = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
/** A published count: the hidden mark where it is hidden. */
export const shownCount = (n: number | null) => (n === null ? HIDDEN_MARK : count(n));
/** A published share: hidden with its count (or its base); — where it is not computed (outside the base, or nothing to divide by). */
export const percentCell = (c: { n: number | null; percent: number | null }, outside = false) =>
	c.n === null ? HIDDEN_MARK : outside || (c.percent === null && c.n === 0) ? '—' : c.percent === null ? HIDDEN_MARK : `${c.percent.toFixed(1)}%`;
/** A change from unrounded figures, shown so it adds up with the figures as printed (`digits` places): no signed zero. */
export function pointChange(before: number | null | undefined, after: number | null | undefined, digits = 1): string {
	if (before === null || before === undefined || after === null || after === undefined) return '—';
	// In units of the last place printed (toFixed, as the table prints them), so the figures add up.
	const scale = 10 ** digits;
	const units = Math.round(Number(after.toFixed(digits)) * scale) - Math.round(Number(before.toFixed(digits)) * scale);
	return units === 0 ? (0).toFixed(digits) : `${units > 0 ? '+' : '−'}${(Math.abs(units) / scale).toFixed(digits)}`;
}
/**
 * A 95 % interval: 41.1〜49.3. A share's linearised interval (weighted) can pass 0 or 100 where a
 * share cannot, so `bounded` clips what is printed to that range; and where its standard error
 * is 0 (a weighted share of none or of all) it says nothing, so it is printed as —.
 */
export function intervalText(ci: (Interval & { se?: number }) | undefined | null, digits = 1, bounded = false): string {
	if (!ci || ci.se === 0) return '—';
	const clip = (x: number) => (bounded ? Math.min(100, Math.max(0, x)) : x);
	return `${clip(ci.lower).toFixed(digits)}〜${clip(ci.upper).toFixed(digits)}`;
}
/** A share's interval in its table cell: the hidden mark with a hidden count, — where there is no share. */
export const shareIntervalCell = (n: number | null, ci: Interval | undefined | null, outside = false) =>
	n === null ? HIDDEN_MARK : outside || !ci ? '—' : intervalText(ci, 1, true);
/** A design effect to two places. */
export const deffText = (d: number | undefined) => fixed(d, 2);
/** The range of a question's design effects: 0.95〜1.31, or one figure when they agree to two places. */
export function deffRangeText(r: { min: number; max: number }): string {
	const [a, b] = [r.min.toFixed(2), r.max.toFixed(2)];
	return a === b ? a : `${a}〜${b}`;
}
/** A change's interval, signed: −1.0〜+7.4. */
export const changeInterval = (c: Change | undefined, digits = 1) => (c ? `${pointChange(0, c.lower, digits)}〜${pointChange(0, c.upper, digits)}` : '—');
/** A change's p-value: p = 0.032, p < 0.001. */
export const changeP = (c: Change | undefined) => (c?.p === undefined ? '—' : pText(c.p));
