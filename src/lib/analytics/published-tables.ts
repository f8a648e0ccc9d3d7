// A question's table as anyone may see it (the results pages, their charts, the public page, the
// aggregate CSV): counts and shares with the disclosure control applied, so a hidden count never
// leaves the server. The share's base is a choice shown with every table: those the question was
// shown to (対象者), or those who gave a valid answer (有効回答). Each share and mean shown has
// its 95 % interval (Wilson or t; linearised with weights); one hidden or not computed has none.
import type { QuestionTable } from './frequencies';
import { INVALID, NO_ANSWER } from './frequencies';
import { isReferenceOnly, protect, questionModel, shareOf, shown } from './disclosure';
import { designInterval, meanInterval, percentInterval, weightedPercentInterval, type DesignInterval, type Interval, type ShareFigures } from './uncertainty';

export type Denominator = 'shown' | 'answered';
export const DENOMINATOR_NAMES: Record<Denominator, string> = {
	shown: '対象者（この設問が表示された人）',
	answered: '有効回答（無回答・不明を除く）'
};

export interface PublishedCategory {
	code: number | string;
	label: string;
	n: number | null;
	percent: number | null;
	weightedPercent?: number | null;
	/** Wilson's 95 % interval of the share, in percent, where the share is shown. */
	interval?: Interval;
	/** The weighted share's linearised 95 % interval (svyciprop), with its SE and design effect, where it is shown. */
	weightedInterval?: DesignInterval;
	/** 不明 or 無回答: outside the base when the base is 有効回答. */
	missing?: boolean;
}

export interface PublishedTable {
	key: string;
	question: { key: string; label: string; type: string };
	row?: { key: string; label: string };
	/** Respondents the question was shown to; null when hidden. */
	base: number | null;
	/** Of them, those with a valid answer; null when it would reveal a hidden count. */
	answered: number | null;
	denominator: Denominator;
	multiple: boolean;
	reference: boolean;
	/** Fewer than k were shown the question: nothing but that is published. */
	withheld: boolean;
	/** Some count is hidden (print the legend). */
	hiding: boolean;
	/** Answer categories (bins for a number question), then 不明 and 無回答. */
	categories: PublishedCategory[];
	/** Weighted, when the survey is weighted: Kish's effective n. */
	effectiveN?: number;
	/** For numbers and scales: the mean to two places, null when any count of the table is hidden or fewer than k gave one. */
	mean?: {
		n: number | null;
		value: number | null;
		weighted?: number | null;
		/** The t interval of the mean (unrounded), where the mean is shown. */
		interval?: Interval;
		/** The weighted mean's linearised interval (svymean), where it is shown. */
		weightedInterval?: DesignInterval;
	};
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A mean as published: to two places where it is safe to show, null where not. */
const meanOf = (s: NonNullable<QuestionTable['summary']>, safe: boolean, n: number | null): NonNullable<PublishedTable['mean']> => {
	const interval = safe ? meanInterval(s) : undefined;
	const weightedInterval = safe ? designInterval(s.design) : undefined;
	return {
		n,
		value: safe ? round2(s.mean) : null,
		...(s.weightedMean !== undefined ? { weighted: safe ? round2(s.weightedMean) : null } : {}),
		...(interval ? { interval } : {}),
		...(weightedInterval ? { weightedInterval } : {})
	};
};

/** The counts published of one question's table, with shares over the chosen base. */
export function publishTable(t: QuestionTable, k: number, total: number, denominator: Denominator = 'shown'): PublishedTable {
	const tail = t.categories.slice(-2);
	const bins = t.histogram;
	const valid = bins ? bins.map((b) => ({ code: `${b.from}`, label: `${b.from}〜${b.to}未満`, n: b.n, w: undefined as number | undefined, w2: undefined as number | undefined })) : t.categories.slice(0, -2);
	const [unreadable, none] = tail;
	const q = t.question;
	const rules = q.type === 'multiple' ? { exclusive: q.options.map((o) => !!o.exclusive), minSelect: q.minSelect, maxSelect: q.maxSelect } : {};
	const model = questionModel(valid.map((c) => c.n), unreadable.n, none.n, t.base, total, !!t.multiple, rules);
	const hidden = protect(model, k);
	const at = { unreadable: valid.length, none: valid.length + 1, base: valid.length + 2 };
	const base = shown(t.base, hidden[at.base]);
	const answeredKnown = !hidden[at.base] && !hidden[at.unreadable] && !hidden[at.none];
	const answered = answeredKnown ? t.base - unreadable.n - none.n : null;
	const denom = denominator === 'shown' ? base : answered;
	const w = t.weighted;
	const wAnswered = w ? w.base - (unreadable.w ?? 0) - (none.w ?? 0) : 0;
	const wDenom = denominator === 'shown' ? w?.base : wAnswered;
	// The weighted base's sums for the interval: its respondents, Σw and Σw².
	const wSums = w && {
		n: denominator === 'shown' ? t.base : t.base - unreadable.n - none.n,
		w: wDenom ?? 0,
		w2: denominator === 'shown' ? w.base2 : w.base2 - (unreadable.w2 ?? 0) - (none.w2 ?? 0)
	};
	const cell = (c: { code: number | string; label: string; n: number; w?: number; w2?: number }, i: number, missing = false): PublishedCategory => {
		const n = shown(c.n, hidden[i]);
		const outside = missing && denominator === 'answered';
		const percent = outside ? null : shareOf(n, denom);
		const interval = percent === null ? undefined : percentInterval(n, denom);
		const weightedPercent = w ? (outside || n === null || denom === null || !wDenom ? null : ((c.w ?? 0) / wDenom) * 100) : undefined;
		// Bins of a number question carry no weighted count, so no weighted interval either.
		const weightedInterval = wSums && weightedPercent != null && c.w !== undefined ? weightedPercentInterval({ w: c.w, w2: c.w2 ?? 0 }, wSums, w.designSize) : undefined;
		return {
			code: c.code,
			label: c.label,
			n,
			percent,
			...(w ? { weightedPercent } : {}),
			...(interval ? { interval } : {}),
			...(weightedInterval ? { weightedInterval } : {}),
			...(missing ? { missing } : {})
		};
	};
	const published: PublishedTable = {
		key: t.key ?? t.question.key,
		question: { key: t.question.key, label: t.question.label.ja, type: t.question.type },
		row: t.row,
		base,
		answered,
		denominator,
		multiple: !!t.multiple,
		// Said only of a base that is shown: on a hidden one it would tell it is under 30.
		reference: !hidden[at.base] && isReferenceOnly(t.base),
		withheld: base === null,
		hiding: hidden.some(Boolean),
		categories: [...valid.map((c, i) => cell(c, i)), cell(unreadable, at.unreadable, true), cell(none, at.none, true)],
		...(w ? { effectiveN: w.effectiveN } : {})
	};
	const s = t.summary;
	if (s) {
		// A mean ties the counts together (Σ value × count = mean × n), and with whole counts it can pin
		// hidden ones that the linear audit would let pass: so it is shown only where nothing is hidden.
		published.mean = meanOf(s, s.n >= k && !hidden.some(Boolean), answered);
	}
	return published;
}

/**
 * A score published as its mean alone (the index's 0–100 score): without its distribution
 * beside it, a mean gives away only the sum of the values, so it is shown whenever k or more
 * have one.
 */
export function publishMean(t: QuestionTable, k: number): PublishedTable {
	const p = publishTable(t, k, t.base);
	const s = t.summary;
	const safe = !!s && s.n >= k;
	return {
		...p,
		categories: [],
		hiding: false,
		mean: s ? meanOf(s, safe, safe ? s.n : null) : undefined
	};
}

/** Every question but free text, published. */
export function publishTables(tables: QuestionTable[], k: number, total: number, denominator: Denominator = 'shown'): PublishedTable[] {
	return tables.filter((t) => t.question.type !== 'text' && t.question.type !== 'longtext').map((t) => publishTable(t, k, total, denominator));
}


/** The share a reader goes by, in percent: weighted where the table is, with its interval; null where hidden. */
export function headlineShare(t: PublishedTable, c: PublishedCategory): { percent: number | null; interval?: Interval } {
	const weighted = t.effectiveN !== undefined;
	const percent = weighted ? (c.weightedPercent ?? null) : c.percent;
	const interval = weighted ? c.weightedInterval : c.interval;
	return { percent, ...(percent !== null && interval ? { interval } : {}) };
}

/** What a test of change needs of a shown share (x of n; with weights its estimate and SE); undefined where it is hidden. */
export function shareFigures(t: PublishedTable, c: PublishedCategory): ShareFigures | undefined {
	const base = t.denominator === 'shown' ? t.base : t.answered;
	if (c.n === null || c.percent === null || base === null) return undefined;
	if (t.effectiveN === undefined) return { n: c.n, base };
	if (c.weightedPercent == null || !c.weightedInterval) return undefined;
	return { n: c.n, base, weighted: { percent: c.weightedPercent, se: c.weightedInterval.se } };
}
