// One table per variable: how many of those the question was shown to chose each option, how
// many marks could not be read (不明, paper) and how many gave no answer (無回答). Respondents
// the conditions skipped are outside the base (非該当). With weights, each count has its
// weighted twin and the sum of squared weights that its interval needs. Computed over a
// dataset's columns (src/lib/analytics/dataset.ts).
import type { Question } from '$lib/survey/schema';
import { UNREADABLE, VALID, type Dataset, type Variable, shownTo } from './dataset';
import { meanAndSd, weightedMean, type DesignEstimate } from './intervals';

export const NO_ANSWER = '無回答';
export const INVALID = '不明';

export interface Category {
	code: number | string;
	label: string;
	n: number;
	/** Weighted count, when the survey is weighted. */
	w?: number;
	/** Σw² of those counted, when weighted: the linearised interval needs it. */
	w2?: number;
}

export interface QuestionTable {
	question: Question;
	/** The variable: 'F1', 'T1.T1_2', 'PERSONA'. */
	key?: string;
	/** The matrix row, for a matrix question (one table per row). */
	row?: { key: string; label: string };
	/** Respondents the question was shown to. */
	base: number;
	/**
	 * When weighted: the weighted base, Kish's effective sample size, Σw² of the base, and the
	 * number of respondents of the whole design (the survey's responses) that the base is a part of.
	 */
	weighted?: { base: number; effectiveN: number; base2: number; designSize: number };
	/** Several answers per respondent: percentages may add up to more than 100. */
	multiple?: boolean;
	categories: Category[];
	/** For numbers and scales: the values given. */
	summary?: {
		n: number;
		mean: number;
		/** Sample standard deviation (NaN under two values). */
		sd: number;
		min: number;
		max: number;
		weightedMean?: number;
		/** The weighted mean with its linearised SE, interval and design effect (svymean). */
		design?: DesignEstimate;
	};
	/** For numbers: counts in equal-width bins. */
	histogram?: { from: number; to: number; n: number }[];
}

/** Kish's effective sample size of some weights: (Σw)² / Σw². */
export function effectiveN(weights: Float64Array, rows: Iterable<number>): number {
	let s = 0;
	let s2 = 0;
	for (const i of rows) {
		s += weights[i];
		s2 += weights[i] * weights[i];
	}
	return s2 ? (s * s) / s2 : 0;
}

/** The responses of a selection the variable was shown to. */
export function shownIn(data: Dataset, v: Variable, selection: Int32Array): Int32Array {
	const shown = shownTo(data, v);
	let n = 0;
	for (const i of selection) n += shown[i];
	const out = new Int32Array(n);
	let j = 0;
	for (const i of selection) if (shown[i]) out[j++] = i;
	return out;
}

/**
 * Equal-width bins over the values, on whole numbers when the values are whole. They span the
 * question's own range where it has one, so the first and last bins do not tell anyone's value.
 */
function bins(values: number[], range: { min?: number; max?: number }, count = 10): { from: number; to: number }[] {
	if (!values.length) return [];
	let min = Infinity;
	let max = -Infinity;
	for (const x of values) (min = Math.min(min, x)), (max = Math.max(max, x));
	if (range.min !== undefined && range.min <= min) min = range.min;
	if (range.max !== undefined && range.max >= max) max = range.max;
	const whole = values.every(Number.isInteger);
	let width = (max - min) / count || 1;
	if (whole) width = Math.max(1, Math.ceil(width));
	const out: { from: number; to: number }[] = [];
	for (let from = min; out.length < count && (out.length === 0 || from <= max); from += width) out.push({ from, to: from + width });
	return out;
}

/** The categories counted for a variable, in order: options, scale points, or "answered" for text and numbers. */
function categoryList(v: Variable): { code: number | string; label: string }[] {
	const q = v.question;
	if (v.kind === 'code' || v.kind === 'multi') return v.options.map((o) => ({ code: o.code, label: o.label.ja }));
	if (q.type === 'scale') return Array.from({ length: q.max - q.min + 1 }, (_, k) => ({ code: q.min + k, label: String(q.min + k) }));
	return [{ code: '回答あり', label: '回答あり' }];
}

// Counting runs over typed arrays with each code's slot looked up in an array, not a Map: this
// is the inner loop of every results page (45 variables × 100,000 responses).
export function questionTable(data: Dataset, v: Variable, selection: Int32Array): QuestionTable {
	const rows = shownIn(data, v, selection);
	const w = data.weights;
	const list = categoryList(v);
	const counts = new Float64Array(list.length);
	const wcounts = new Float64Array(list.length);
	const wcounts2 = new Float64Array(list.length);
	const codes = list.map((c) => (typeof c.code === 'number' ? c.code : -1));
	const slot = new Int32Array(Math.max(0, ...codes) + 1).fill(-1);
	codes.forEach((c, k) => c >= 0 && (slot[c] = k));
	let answered = 0;
	let unreadable = 0;
	let wAnswered = 0;
	let wUnreadable = 0;
	let wBase = 0;
	let w2Answered = 0;
	let w2Unreadable = 0;
	let w2Base = 0;
	const state = v.state;
	for (const i of rows) {
		if (state[i] === UNREADABLE) unreadable++;
		else if (state[i] === VALID) answered++;
	}
	if (w)
		for (const i of rows) {
			const weight = w[i];
			const weight2 = weight * weight;
			wBase += weight;
			w2Base += weight2;
			if (state[i] === UNREADABLE) (wUnreadable += weight), (w2Unreadable += weight2);
			else if (state[i] === VALID) (wAnswered += weight), (w2Answered += weight2);
		}
	const numbers: number[] = [];
	const numberWeights: number[] = [];
	let sum = 0;
	let wSum = 0;
	let wNumbers = 0;
	if (v.kind === 'code') {
		const c = v.codes;
		for (const i of rows) {
			if (state[i] !== VALID) continue;
			const k = c[i] < slot.length ? slot[c[i]] : -1;
			if (k < 0) continue;
			counts[k]++;
			if (w) (wcounts[k] += w[i]), (wcounts2[k] += w[i] * w[i]);
		}
	} else if (v.kind === 'multi') {
		v.options.forEach((o, k) => {
			const a = v.chosen.get(o.code)!;
			for (const i of rows) {
				if (a[i] !== 1 || state[i] !== VALID) continue;
				counts[k]++;
				if (w) (wcounts[k] += w[i]), (wcounts2[k] += w[i] * w[i]);
			}
		});
	} else if (v.kind === 'number') {
		const scale = v.question.type === 'scale';
		const x = v.values;
		for (const i of rows) {
			if (state[i] !== VALID) continue;
			numbers.push(x[i]);
			sum += x[i];
			if (w) (wSum += x[i] * w[i]), (wNumbers += w[i]), numberWeights.push(w[i]);
			const k = scale && Number.isInteger(x[i]) && x[i] >= 0 && x[i] < slot.length ? slot[x[i]] : -1;
			if (k >= 0) (counts[k]++, w && ((wcounts[k] += w[i]), (wcounts2[k] += w[i] * w[i])));
		}
	}
	if (v.kind === 'text' || (v.kind === 'number' && v.question.type !== 'scale')) (counts[0] = answered), (wcounts[0] = wAnswered), (wcounts2[0] = w2Answered);
	const q = v.question;
	const weighed = (wSum: number, w2Sum: number) => (w ? { w: wSum, w2: w2Sum } : {});
	const categories: Category[] = list.map((c, k) => ({ ...c, n: counts[k], ...weighed(wcounts[k], wcounts2[k]) }));
	categories.push(
		{ code: INVALID, label: v.unreadableLabel ?? INVALID, n: unreadable, ...weighed(wUnreadable, w2Unreadable) },
		{ code: NO_ANSWER, label: NO_ANSWER, n: rows.length - answered - unreadable, ...weighed(wBase - wAnswered - wUnreadable, w2Base - w2Answered - w2Unreadable) }
	);
	const table: QuestionTable = { question: q, key: v.key, row: v.row, base: rows.length, categories, multiple: v.kind === 'multi' };
	if (w) table.weighted = { base: wBase, effectiveN: effectiveN(w, rows), base2: w2Base, designSize: data.size };
	if (v.kind === 'number' && numbers.length) {
		let min = Infinity;
		let max = -Infinity;
		for (const x of numbers) (min = Math.min(min, x)), (max = Math.max(max, x));
		const design = w ? weightedMean(numbers, numberWeights, data.size) : undefined;
		table.summary = {
			n: numbers.length,
			mean: sum / numbers.length,
			sd: meanAndSd(numbers).sd,
			min,
			max,
			...(w && wNumbers ? { weightedMean: wSum / wNumbers } : {}),
			...(design ? { design } : {})
		};
		if (q.type === 'number') {
			const edges = bins(numbers, q);
			const last = edges.length - 1;
			const hist = edges.map((b) => ({ ...b, n: 0 }));
			const width = edges[0].to - edges[0].from;
			for (const x of numbers) hist[Math.min(last, Math.floor((x - edges[0].from) / width))].n++;
			table.histogram = hist;
		}
	}
	return table;
}

/** Tables for every asked question (and matrix row); a text question counts those who wrote something. */
export function questionTables(data: Dataset, selection: Int32Array): QuestionTable[] {
	return data.variables.filter((v) => !v.derived).map((v) => questionTable(data, v, selection));
}
