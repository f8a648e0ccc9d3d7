// The mean of a number (e.g. the index's 0–100 score) by the categories of a single-choice
// variable (age group, sex, district, persona). The groups' counts are published as any table's
// are (disclosure control, within the number who gave the value): a hidden group shows neither
// its count nor its mean, nor an interval. Groups under 30 are marked 参考値.
import { VALID, type Dataset, type NumberVariable, type Variable, shownTo } from './dataset';
import { shownIn } from './frequencies';
import { groupsModel, isReferenceOnly, protect } from './disclosure';
import { meanAndSd, weightedMean } from './intervals';
import { designInterval, meanInterval, type DesignInterval, type Interval } from './uncertainty';

export interface GroupMean {
	code: number;
	label: string;
	/** null when hidden. */
	n: number | null;
	mean?: number;
	weightedMean?: number;
	/** The t interval of the mean, and with weights the linearised one (svymean on the group). */
	interval?: Interval;
	weightedInterval?: DesignInterval;
	hidden: boolean;
	reference: boolean;
}

export function meanBy(data: Dataset, of: NumberVariable, by: Variable, selection: Int32Array, k: number): GroupMean[] {
	if (by.kind !== 'code') return [];
	const w = data.weights;
	const index = new Map(by.options.map((o, n) => [o.code, n]));
	const sums = by.options.map(() => ({ n: 0, sum: 0, w: 0, wsum: 0, values: [] as number[], weights: [] as number[] }));
	const shownBy = shownTo(data, by);
	let total = 0;
	for (const i of shownIn(data, of, selection)) {
		if (of.state[i] !== VALID) continue;
		total++;
		if (!shownBy[i] || by.state[i] !== VALID) continue;
		const g = index.get(by.codes[i]);
		if (g === undefined) continue;
		const s = sums[g];
		s.n++;
		s.sum += of.values[i];
		s.values.push(of.values[i]);
		if (w) (s.w += w[i]), (s.wsum += w[i] * of.values[i]), s.weights.push(w[i]);
	}
	const hiddenAt = protect(groupsModel(sums.map((s) => s.n), total), k);
	return by.options.map((o, n) => {
		const s = sums[n];
		const hidden = hiddenAt[n];
		const interval = hidden ? undefined : meanInterval(meanAndSd(s.values));
		const weightedInterval = hidden || !w ? undefined : designInterval(weightedMean(s.values, s.weights, data.size));
		return {
			code: o.code,
			label: o.label.ja,
			n: hidden ? null : s.n,
			mean: s.n && !hidden ? s.sum / s.n : undefined,
			weightedMean: w && s.w && !hidden ? s.wsum / s.w : undefined,
			...(interval ? { interval } : {}),
			...(weightedInterval ? { weightedInterval } : {}),
			hidden,
			reference: !hidden && isReferenceOnly(s.n)
		};
	});
}
