// A priority project's indicator over one edition's dataset: the share of those counted (the
// base: everyone the question was shown to who answered it, narrowed by the indicator's own
// condition such as 65+) whose answer is one of the codes that count. A multiple choice counts
// a respondent who chose any of them. For the index, codes are level numbers. A value shown has
// its 95 % interval (Wilson; linearised with weights); one hidden has none.
import type { Condition } from '$lib/survey/schema';
import { VALID, conditionMask, type Dataset, shownTo } from './dataset';
import { isReferenceOnly, protect, sumFact } from './disclosure';
import { percentInterval, weightedPercentInterval, type DesignInterval, type Interval } from './uncertainty';

export interface IndicatorDefinition {
	questionKey: string;
	rowKey: string;
	codes: number[];
	base: Condition | null;
}

export interface IndicatorValue {
	base: number;
	n: number;
	/** Percent; undefined when the base is under k (too few to publish) or the count is hidden. */
	value?: number;
	/** The count (or the rest of the base) is under k: the share is hidden as any small count is. */
	hidden?: boolean;
	/** Fewer than k counted: the base itself is not given (base is 0). */
	tooFew?: boolean;
	weightedValue?: number;
	/** Wilson's 95 % interval of the value, and the weighted value's linearised one, in percent. */
	interval?: Interval;
	weightedInterval?: DesignInterval;
	reference: boolean;
	/** The edition lacks the question. */
	missing?: boolean;
	/** The indicator's base cannot be read, so nothing is counted. */
	uncountable?: boolean;
}

export function indicatorValue(data: Dataset, def: IndicatorDefinition, k: number): IndicatorValue {
	const v = data.byKey.get(def.rowKey ? `${def.questionKey}.${def.rowKey}` : def.questionKey);
	if (!v || (v.kind !== 'code' && v.kind !== 'multi')) return { base: 0, n: 0, reference: true, missing: true };
	const inBase = conditionMask(data, def.base ?? undefined);
	const shown = shownTo(data, v);
	const counts = new Set(def.codes);
	const chosen = v.kind === 'multi' ? def.codes.map((c) => v.chosen.get(c)).filter((a): a is Uint8Array => !!a) : [];
	const w = data.weights;
	let base = 0;
	let n = 0;
	let wBase = 0;
	let wN = 0;
	let w2Base = 0;
	let w2N = 0;
	for (let i = 0; i < data.size; i++) {
		if (!inBase[i] || !shown[i] || v.state[i] !== VALID) continue;
		base++;
		if (w) (wBase += w[i]), (w2Base += w[i] * w[i]);
		const hit = v.kind === 'code' ? counts.has(v.codes[i]) : chosen.some((a) => a[i] === 1);
		if (hit) {
			n++;
			if (w) (wN += w[i]), (w2N += w[i] * w[i]);
		}
	}
	// Those counted and the rest of the base are a table of two counts adding up to the base.
	const hidden = base >= k && protect({ values: [n, base - n, base], fixed: [false, false, true], facts: [sumFact([0, 1], 2)] }, k)[0];
	const publishable = base >= k && !hidden;
	const interval = publishable ? percentInterval(n, base) : undefined;
	const weightedInterval = publishable && w ? weightedPercentInterval({ w: wN, w2: w2N }, { n: base, w: wBase, w2: w2Base }, data.size) : undefined;
	return {
		base: base >= k ? base : 0,
		...(base > 0 && base < k ? { tooFew: true } : {}),
		n: publishable ? n : 0,
		...(hidden ? { hidden } : {}),
		value: publishable && base ? (n / base) * 100 : undefined,
		weightedValue: publishable && w && wBase ? (wN / wBase) * 100 : undefined,
		...(interval ? { interval } : {}),
		...(weightedInterval ? { weightedInterval } : {}),
		reference: base >= k && isReferenceOnly(base)
	};
}
