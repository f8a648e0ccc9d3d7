// A survey's responses held as columns of typed arrays, one per variable (a question, a matrix
// row, or a variable derived from the answers: the index level, the persona), so that every
// table, filter and cross-tab over 100,000 responses is a loop over integers rather than a
// query. Built once from the database (src/lib/server/analytics/dataset-cache.ts) and kept
// until the responses change. Pure: no I/O here.
//
// Answers the conditions skipped (paper, skipped = 1) are not loaded, so a condition is true
// exactly when the stored answers satisfy it, as it was for the resident on the web.
import type { Clause, Condition, Option, Question, Questionnaire, Text } from '$lib/survey/schema';
import { conditionHolds, isClause, NOT_SEEN, type Seen } from '$lib/survey/conditions';
import type { StoredAnswer } from '$lib/survey/stored-answers';
import type { WeightingResult } from './raking';

/** A response's state for one variable. */
export const EMPTY = 0;
export const VALID = 1;
/** 不明: marked on paper but unreadable (two marks on a single choice). */
export const UNREADABLE = 2;

export const CHANNELS = ['web', 'paper', 'import'] as const;
export const RESPONSE_LANGUAGES = ['ja', 'easy', 'en'] as const;

interface VariableBase {
	/** 'F1', a matrix row 'T1.T1_2', or a derived key ('PERSONA', 'DSI'). */
	key: string;
	question: Question;
	row?: { key: string; label: string };
	/** Heading for tables: the question's label (and the row's). */
	label: string;
	state: Uint8Array;
	/** Free text per response: the text of a text question, or an "other" option's text. */
	texts: Map<number, string>;
	/** Derived from other answers, not asked. */
	derived?: boolean;
	/** What its 不明 means, when derived (the index: 判定不能（未回答あり）). */
	unreadableLabel?: string;
}

/** One code per response: single, dropdown, one matrix row, or a derived category. */
export interface CodeVariable extends VariableBase {
	kind: 'code';
	options: Option[];
	codes: Int32Array;
}
/** Any number of codes per response: multiple choice, one 0/1 array per option. */
export interface MultiVariable extends VariableBase {
	kind: 'multi';
	options: Option[];
	chosen: Map<number, Uint8Array>;
}
/** Numbers and scales. */
export interface NumberVariable extends VariableBase {
	kind: 'number';
	values: Float64Array;
}
export interface TextVariable extends VariableBase {
	kind: 'text';
}
export type Variable = CodeVariable | MultiVariable | NumberVariable | TextVariable;
export type ChoiceVariable = CodeVariable | MultiVariable;

export interface Dataset {
	doc: Questionnaire;
	size: number;
	/** Days of receipt, sorted; `day` holds each response's index into it. */
	days: string[];
	day: Uint16Array;
	channel: Uint8Array;
	language: Uint8Array;
	synthetic: Uint8Array;
	/** In questionnaire order, derived variables last. */
	variables: Variable[];
	byKey: Map<string, Variable>;
	/** Per question and variable key: which responses it was shown to (its and its section's conditions). */
	shown: Map<string, Uint8Array>;
	/** Raking weights, when the survey has population margins. */
	weights?: Float64Array;
	/** How they were reached (iterations, convergence, margin errors, trimming), for the weights page. */
	weighting?: Omit<WeightingResult, 'weights'>;
}

export interface ResponseMeta {
	channel: string;
	language: string;
	day: string;
	synthetic: number;
}

const text = (ja: string): Text => ({ ja });

function variablesOf(doc: Questionnaire, size: number): Variable[] {
	const vars: Variable[] = [];
	const common = (q: Question, key: string, label: string) => ({
		key,
		question: q,
		label,
		state: new Uint8Array(size),
		texts: new Map<number, string>()
	});
	for (const s of doc.sections)
		for (const q of s.questions)
			switch (q.type) {
				case 'single':
				case 'dropdown':
					vars.push({ ...common(q, q.key, q.label.ja), kind: 'code', options: q.options, codes: new Int32Array(size) });
					break;
				case 'matrix':
					for (const r of q.rows)
						vars.push({
							...common(q, `${q.key}.${r.key}`, `${q.label.ja}：${r.label.ja}`),
							row: { key: r.key, label: r.label.ja },
							kind: 'code',
							options: q.options,
							codes: new Int32Array(size)
						});
					break;
				case 'multiple':
					vars.push({
						...common(q, q.key, q.label.ja),
						kind: 'multi',
						options: q.options,
						chosen: new Map(q.options.map((o) => [o.code, new Uint8Array(size)]))
					});
					break;
				case 'scale':
				case 'number':
					vars.push({ ...common(q, q.key, q.label.ja), kind: 'number', values: new Float64Array(size) });
					break;
				case 'text':
				case 'longtext':
					vars.push({ ...common(q, q.key, q.label.ja), kind: 'text' });
			}
	return vars;
}

/** Fills a dataset response by response; `finish` adds the conditions' masks and derived variables. */
export class DatasetBuilder {
	readonly size: number;
	private filled = 0;
	private dayIndex = new Map<string, number>();
	private dayOf: string[] = [];
	private channel: Uint8Array;
	private language: Uint8Array;
	private synthetic: Uint8Array;
	private variables: Variable[];
	private byKey: Map<string, Variable>;
	/** The dataset copyFrom started from: its responses' masks need not be worked out again. */
	private previous?: Dataset;

	constructor(
		private doc: Questionnaire,
		size: number
	) {
		this.size = size;
		this.channel = new Uint8Array(size);
		this.language = new Uint8Array(size);
		this.synthetic = new Uint8Array(size);
		this.variables = variablesOf(doc, size);
		this.byKey = new Map(this.variables.map((v) => [v.key, v]));
	}

	/**
	 * Starts from the responses of an earlier dataset of the same questionnaire (which must be
	 * the first call), so that new responses can be added without reading the old ones again.
	 */
	copyFrom(old: Dataset): void {
		if (this.filled !== 0 || old.size > this.size) throw new Error('copyFrom must come first, into a larger dataset');
		for (let i = 0; i < old.size; i++) this.dayOf.push(old.days[old.day[i]]);
		this.channel.set(old.channel);
		this.language.set(old.language);
		this.synthetic.set(old.synthetic);
		for (const v of this.variables) {
			const o = old.byKey.get(v.key);
			if (!o || o.kind !== v.kind) throw new Error(`${v.key} differs from the earlier dataset`);
			v.state.set(o.state);
			for (const [i, t] of o.texts) v.texts.set(i, t);
			if (v.kind === 'code' && o.kind === 'code') v.codes.set(o.codes);
			if (v.kind === 'number' && o.kind === 'number') v.values.set(o.values);
			if (v.kind === 'multi' && o.kind === 'multi') for (const [code, a] of v.chosen) a.set(o.chosen.get(code)!);
		}
		this.filled = old.size;
		this.previous = old;
	}

	/** Adds a response and returns its position. */
	addResponse(meta: ResponseMeta): number {
		const i = this.filled++;
		if (i >= this.size) throw new Error('more responses than the dataset was made for');
		this.channel[i] = Math.max(0, CHANNELS.indexOf(meta.channel as (typeof CHANNELS)[number]));
		this.language[i] = Math.max(0, RESPONSE_LANGUAGES.indexOf(meta.language as (typeof RESPONSE_LANGUAGES)[number]));
		this.synthetic[i] = meta.synthetic ? 1 : 0;
		this.dayOf.push(meta.day);
		return i;
	}

	/**
	 * One stored answer of response i. Answers the conditions skipped (paper) stay out of every
	 * table, and answers to questions this version lacks are ignored.
	 */
	addAnswer(i: number, a: Readonly<StoredAnswer>): void {
		if (a.skipped) return;
		const v = this.byKey.get(a.rowKey ? `${a.questionKey}.${a.rowKey}` : a.questionKey);
		if (!v) return;
		if (a.status === 'invalid') {
			if (v.state[i] !== VALID) v.state[i] = UNREADABLE;
			return;
		}
		v.state[i] = VALID;
		switch (v.kind) {
			case 'code':
				v.codes[i] = a.code ?? 0;
				break;
			case 'multi':
				v.chosen.get(a.code ?? -1)?.fill(1, i, i + 1);
				break;
			case 'number':
				v.values[i] = a.number ?? 0;
				break;
		}
		if (a.text !== null) v.texts.set(i, a.text);
	}

	finish(): Dataset {
		if (this.filled !== this.size) throw new Error(`dataset made for ${this.size} responses got ${this.filled}`);
		const days = [...new Set(this.dayOf)].sort();
		days.forEach((d, n) => this.dayIndex.set(d, n));
		const day = new Uint16Array(this.size);
		this.dayOf.forEach((d, i) => (day[i] = this.dayIndex.get(d)!));
		const data: Dataset = {
			doc: this.doc,
			size: this.size,
			days,
			day,
			channel: this.channel,
			language: this.language,
			synthetic: this.synthetic,
			variables: this.variables,
			byKey: this.byKey,
			shown: new Map()
		};
		// Whether a question was shown to a response depends on that response's answers alone, so
		// the responses of the dataset copied from keep their masks; only the new ones are tested.
		const from = this.previous?.size ?? 0;
		for (const s of this.doc.sections)
			for (const q of s.questions) {
				const conditions = [s.showIf, q.showIf].filter((c): c is Condition => !!c);
				const mask = conditionMask(data, conditions.length ? { all: conditions } : undefined, from);
				if (this.previous) mask.set(this.previous.shown.get(q.key)!);
				data.shown.set(q.key, mask);
			}
		// Matrix rows share their question's mask, so every variable finds its own by key.
		for (const v of this.variables) data.shown.set(v.key, data.shown.get(v.question.key)!);
		return data;
	}
}

/** Adds a variable computed from the others (index level, persona) to a finished dataset. */
export function addDerived(data: Dataset, v: Variable, applies: Uint8Array = conditionMask(data, undefined)): void {
	v.derived = true;
	data.variables.push(v);
	data.byKey.set(v.key, v);
	data.shown.set(v.key, applies);
}

/** A derived single-choice variable: its categories, with the question it pretends to be. */
export function derivedCodeVariable(data: Dataset, key: string, label: string, options: { code: number; label: string }[]): CodeVariable {
	const opts: Option[] = options.map((o) => ({ code: o.code, label: text(o.label) }));
	return {
		key,
		label,
		kind: 'code',
		question: { key, type: 'single', label: text(label), options: opts },
		options: opts,
		codes: new Int32Array(data.size),
		state: new Uint8Array(data.size),
		texts: new Map()
	};
}

// ---- Conditions over columns: what each response's columns hold, in the terms of
// src/lib/survey/conditions.ts, which alone says what each operator means ----

/** For a clause, what response i's columns hold of its question. The object returned is reused. */
function columnSeen(data: Dataset, c: Clause): (i: number) => Seen {
	const v = data.byKey.get(c.row ? `${c.question}.${c.row}` : c.question);
	const seen = { answered: false, codes: [] as number[], value: undefined as number | undefined };
	const set = (answered: boolean, value?: number) => {
		seen.answered = answered;
		seen.value = value;
		seen.codes.length = 0;
		if (value !== undefined) seen.codes.push(value);
		return seen;
	};
	if (!v) {
		// A whole matrix (no row named) is answered when any of its rows is; a question this version lacks never is.
		const rows = c.row ? [] : data.variables.filter((r) => r.row && r.question.key === c.question);
		return (i) => set(rows.some((r) => r.state[i] === VALID));
	}
	const valid = (i: number) => v.state[i] === VALID;
	switch (v.kind) {
		case 'code':
			return (i) => (valid(i) ? set(true, v.codes[i]) : NOT_SEEN);
		case 'number':
			return (i) => (valid(i) ? set(true, v.values[i]) : NOT_SEEN);
		case 'multi': {
			const options = [...v.chosen];
			return (i) => {
				if (!valid(i)) return NOT_SEEN;
				set(true);
				for (const [code, chosen] of options) if (chosen[i] === 1) seen.codes.push(code);
				seen.answered = seen.codes.length > 0;
				return seen;
			};
		}
		case 'text':
			return (i) => set(valid(i) && (v.texts.get(i) ?? '').trim() !== '');
	}
}

function clausesOf(condition: Condition, out: Clause[] = []): Clause[] {
	for (const item of 'all' in condition ? condition.all : condition.any) isClause(item) ? out.push(item) : clausesOf(item, out);
	return out;
}

/** Which responses satisfy a condition (all of them when there is none); from a position on, the rest left 0. */
export function conditionMask(data: Dataset, condition: Condition | undefined, from = 0): Uint8Array {
	const out = new Uint8Array(data.size);
	if (!condition) return out.fill(1, from);
	const seers = new Map(clausesOf(condition).map((c) => [c, columnSeen(data, c)]));
	for (let i = from; i < data.size; i++) out[i] = conditionHolds(condition, (c) => seers.get(c)!(i)) ? 1 : 0;
	return out;
}

/** The codes a response chose for a choice variable (empty when it has no valid answer). */
export function codesOf(v: ChoiceVariable, i: number): number[] {
	if (v.state[i] !== VALID) return [];
	if (v.kind === 'code') return [v.codes[i]];
	return v.options.filter((o) => v.chosen.get(o.code)![i] === 1).map((o) => o.code);
}

/** Which responses a variable was shown to. */
export const shownTo = (data: Dataset, v: Variable): Uint8Array => data.shown.get(v.key)!;

/** How many of the responses are synthetic (demo) ones. */
export function syntheticCount(data: Dataset): number {
	let n = 0;
	for (let i = 0; i < data.size; i++) n += data.synthetic[i];
	return n;
}
