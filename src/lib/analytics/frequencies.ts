// One table per variable: how many of those the question was shown to chose each option, how
// many marks could not be read (不明, paper) and how many gave no answer (無回答). Respondents
// the conditions skipped are outside the base (非該当). With weights, each count has its
// weighted twin. Computed over a dataset's columns (src/lib/analytics/dataset.ts).
import type { Question } from '$lib/survey/schema';
import { UNREADABLE, VALID, type Dataset, type Variable } from './dataset';

export const NO_ANSWER = '無回答';
export const INVALID = '不明';

export interface Category {
	code: number | string;
	label: string;
	n: number;
	/** Weighted count, when the survey is weighted. */
	w?: number;
}

export interface QuestionTable {
	question: Question;
	/** The variable: 'F1', 'T1.T1_2', 'PERSONA'. */
	key?: string;
	/** The matrix row, for a matrix question (one table per row). */
	row?: { key: string; label: string };
	/** Respondents the question was shown to. */
	base: number;
	/** Weighted base and effective sample size, when weighted. */
	weighted?: { base: number; effectiveN: number };
	/** Several answers per respondent: percentages may add up to more than 100. */
	multiple?: boolean;
	categories: Category[];
	/** For numbers and scales: the values given. */
	summary?: { n: number; mean: number; min: number; max: number; weightedMean?: number };
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
	const shown = data.shown.get(v.question.key) ?? data.shown.get(v.key)!;
	let n = 0;
	for (const i of selection) n += shown[i];
	const out = new Int32Array(n);
	let j = 0;
	for (const i of selection) if (shown[i]) out[j++] = i;
	return out;
}

/** Equal-width bins over the values, on whole numbers when the values are whole. */
function bins(values: number[], count = 10): { from: number; to: number }[] {
	if (!values.length) return [];
	let min = Infinity;
	let max = -Infinity;
	for (const x of values) (min = Math.min(min, x)), (max = Math.max(max, x));
	const whole = values.every(Number.isInteger);
	let width = (max - min) / count || 1;
	if (whole) width = Math.max(1, Math.ceil(width));
	const out: { from: number; to: number }[] = [];
	for (let from = min; out.length < count && (out.length === 0 || from <= max); from += width) out.push({ from, to: from + width });
	return out;
}

export function questionTable(data: Dataset, v: Variable, selection: Int32Array): QuestionTable {
	const rows = shownIn(data, v, selection);
	const w = data.weights;
	const counts = new Map<number, number>();
	const wcounts = new Map<number, number>();
	const add = (code: number, i: number) => {
		counts.set(code, (counts.get(code) ?? 0) + 1);
		if (w) wcounts.set(code, (wcounts.get(code) ?? 0) + w[i]);
	};
	let answered = 0;
	let unreadable = 0;
	let wAnswered = 0;
	let wUnreadable = 0;
	let wBase = 0;
	const numbers: number[] = [];
	let sum = 0;
	let wSum = 0;
	let wNumbers = 0;
	for (const i of rows) {
		if (w) wBase += w[i];
		const state = v.state[i];
		if (state === UNREADABLE) {
			unreadable++;
			if (w) wUnreadable += w[i];
			continue;
		}
		if (state !== VALID) continue;
		answered++;
		if (w) wAnswered += w[i];
		if (v.kind === 'code') add(v.codes[i], i);
		else if (v.kind === 'multi') {
			for (const [code, a] of v.chosen) if (a[i]) add(code, i);
		} else if (v.kind === 'number') {
			const x = v.values[i];
			numbers.push(x);
			sum += x;
			if (w) (wSum += x * w[i]), (wNumbers += w[i]);
			if (v.question.type === 'scale') add(x, i);
		}
	}
	const q = v.question;
	const category = (code: number, label: string): Category => ({ code, label, n: counts.get(code) ?? 0, ...(w ? { w: wcounts.get(code) ?? 0 } : {}) });
	let categories: Category[];
	if (v.kind === 'code' || v.kind === 'multi') categories = v.options.map((o) => category(o.code, o.label.ja));
	else if (q.type === 'scale') categories = Array.from({ length: q.max - q.min + 1 }, (_, k) => category(q.min + k, String(q.min + k)));
	else categories = [{ code: '回答あり', label: '回答あり', n: answered, ...(w ? { w: wAnswered } : {}) }];
	categories.push(
		{ code: INVALID, label: INVALID, n: unreadable, ...(w ? { w: wUnreadable } : {}) },
		{ code: NO_ANSWER, label: NO_ANSWER, n: rows.length - answered - unreadable, ...(w ? { w: wBase - wAnswered - wUnreadable } : {}) }
	);
	const table: QuestionTable = { question: q, key: v.key, row: v.row, base: rows.length, categories, multiple: v.kind === 'multi' };
	if (w) table.weighted = { base: wBase, effectiveN: effectiveN(w, rows) };
	if (v.kind === 'number' && numbers.length) {
		let min = Infinity;
		let max = -Infinity;
		for (const x of numbers) (min = Math.min(min, x)), (max = Math.max(max, x));
		table.summary = { n: numbers.length, mean: sum / numbers.length, min, max, ...(w && wNumbers ? { weightedMean: wSum / wNumbers } : {}) };
		if (q.type === 'number') {
			const edges = bins(numbers);
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
