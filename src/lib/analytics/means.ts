// The mean of a number (e.g. the index's 0–100 score) by the categories of a single-choice
// variable (age group, sex, district, persona). A mean of fewer than k values could reveal
// them, so such groups show their count only; groups under 30 are marked 参考値.
import { VALID, type Dataset, type NumberVariable, type Variable, shownTo } from './dataset';
import { shownIn } from './frequencies';
import { isReferenceOnly } from './suppression';

export interface GroupMean {
	code: number;
	label: string;
	n: number;
	mean?: number;
	weightedMean?: number;
	hidden: boolean;
	reference: boolean;
}

export function meanBy(data: Dataset, of: NumberVariable, by: Variable, selection: Int32Array, k: number): GroupMean[] {
	if (by.kind !== 'code') return [];
	const w = data.weights;
	const index = new Map(by.options.map((o, n) => [o.code, n]));
	const sums = by.options.map(() => ({ n: 0, sum: 0, w: 0, wsum: 0 }));
	const shownBy = shownTo(data, by);
	for (const i of shownIn(data, of, selection)) {
		if (of.state[i] !== VALID || !shownBy[i] || by.state[i] !== VALID) continue;
		const g = index.get(by.codes[i]);
		if (g === undefined) continue;
		const s = sums[g];
		s.n++;
		s.sum += of.values[i];
		if (w) (s.w += w[i]), (s.wsum += w[i] * of.values[i]);
	}
	return by.options.map((o, n) => {
		const s = sums[n];
		const hidden = s.n > 0 && s.n < k;
		return {
			code: o.code,
			label: o.label.ja,
			n: s.n,
			mean: s.n && !hidden ? s.sum / s.n : undefined,
			weightedMean: w && s.w && !hidden ? s.wsum / s.w : undefined,
			hidden,
			reference: isReferenceOnly(s.n)
		};
	});
}
