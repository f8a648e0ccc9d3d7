// How results show numbers: counts with thousands separators, shares with one decimal, and a
// count or share the disclosure control hid as the one hidden mark.
import { HIDDEN_MARK } from '$lib/analytics/disclosure';

export const count = (n: number) => n.toLocaleString('ja-JP');
export const percent = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '—');
export const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
export const fixed = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
/** A published count: the hidden mark where it is hidden. */
export const shownCount = (n: number | null) => (n === null ? HIDDEN_MARK : count(n));
/** A published share: hidden with its count (or its base); — where it is not computed (outside the base, or nothing to divide by). */
export const percentCell = (c: { n: number | null; percent: number | null }, outside = false) =>
	c.n === null ? HIDDEN_MARK : outside || (c.percent === null && c.n === 0) ? '—' : c.percent === null ? HIDDEN_MARK : `${c.percent.toFixed(1)}%`;
/** A change in points from unrounded shares, shown so it adds up with the shares as printed (one decimal): no signed zero. */
export function pointChange(before: number | null | undefined, after: number | null | undefined): string {
	if (before === null || before === undefined || after === null || after === undefined) return '—';
	// In tenths of the shares as printed (toFixed, as the table prints them), so the figures add up.
	const tenths = Math.round(Number(after.toFixed(1)) * 10) - Math.round(Number(before.toFixed(1)) * 10);
	return tenths === 0 ? '0.0' : `${tenths > 0 ? '+' : '−'}${(Math.abs(tenths) / 10).toFixed(1)}`;
}
