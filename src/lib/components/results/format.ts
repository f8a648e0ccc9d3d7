// How results show numbers: counts with thousands separators, shares with one decimal.
export const count = (n: number) => n.toLocaleString('ja-JP');
export const percent = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '—');
export const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
export const fixed = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));
