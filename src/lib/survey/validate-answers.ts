// Reads form values into typed answers and checks them against a questionnaire version.
// The browser runs this for instant feedback; the server runs the same code as the authority.
// Answers to hidden questions are dropped; a code that is not an option is an error (a forged
// or stale form), never stored.
import type { Question, Questionnaire } from './schema';
import { TEXT_LIMIT } from './limits';
import { isAnswered, otherKey, type Answers, type MatrixValue } from './answers';
import { resolveVisibility } from './conditions';

/** Raw form values: a field name to its value, or values for checkboxes. */
export type FormValues = Record<string, string | string[]>;

export type AnswerError =
	| { code: 'required' }
	| { code: 'invalid' }
	| { code: 'minSelect'; min: number }
	| { code: 'maxSelect'; max: number }
	| { code: 'exclusive' }
	| { code: 'otherMissing' }
	| { code: 'matrixIncomplete'; rows: string[] }
	| { code: 'notNumber' }
	| { code: 'notInteger' }
	| { code: 'belowMin'; min: number }
	| { code: 'aboveMax'; max: number }
	| { code: 'tooLong'; max: number };

/** Errors by question key, in questionnaire order. */
export type AnswerErrors = Record<string, AnswerError>;

export const SHORT_TEXT_LIMIT = 200;
export const OTHER_TEXT_LIMIT = 200;

export function textLimit(q: Question): number {
	if (q.type === 'text') return q.maxLength ?? SHORT_TEXT_LIMIT;
	if (q.type === 'longtext') return q.maxLength ?? TEXT_LIMIT;
	return OTHER_TEXT_LIMIT;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Parses a number as a resident may type it: full-width digits, commas, spaces. */
export function parseNumber(raw: string): number | undefined {
	const s = raw.normalize('NFKC').replace(/[,\s]/g, '').replace(/^−/, '-');
	if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
	return Number(s);
}

function parseCode(raw: string | undefined): number | undefined {
	if (raw === undefined || !/^\d{1,4}$/.test(raw)) return undefined;
	return Number(raw);
}

/** Normalises line breaks so a text's length is the same in every browser and on the server. */
const cleanText = (s: string) => s.replace(/\r\n?/g, '\n');

interface Parsed {
	value?: Answers[string];
	other?: string;
	error?: AnswerError;
}

function parseQuestion(q: Question, values: FormValues): Parsed {
	switch (q.type) {
		case 'single':
		case 'dropdown': {
			const raw = first(values[q.key]);
			if (raw === undefined || raw === '') return {};
			const code = parseCode(raw);
			const option = q.options.find((o) => o.code === code);
			if (!option) return { error: { code: 'invalid' } };
			const other = option.other ? cleanText(first(values[otherKey(q.key)]) ?? '').trim() : undefined;
			return { value: option.code, other };
		}
		case 'multiple': {
			const codes: number[] = [];
			for (const raw of list(values[q.key])) {
				const code = parseCode(raw);
				if (!q.options.some((o) => o.code === code)) return { error: { code: 'invalid' } };
				if (!codes.includes(code!)) codes.push(code!);
			}
			if (!codes.length) return {};
			codes.sort((a, b) => q.options.findIndex((o) => o.code === a) - q.options.findIndex((o) => o.code === b));
			const otherChosen = q.options.some((o) => o.other && codes.includes(o.code));
			const other = otherChosen ? cleanText(first(values[otherKey(q.key)]) ?? '').trim() : undefined;
			return { value: codes, other };
		}
		case 'scale': {
			const raw = first(values[q.key]);
			if (raw === undefined || raw === '') return {};
			const n = parseCode(raw);
			if (n === undefined || n < q.min || n > q.max) return { error: { code: 'invalid' } };
			return { value: n };
		}
		case 'matrix': {
			const rows: MatrixValue = {};
			for (const row of q.rows) {
				const raw = first(values[`${q.key}.${row.key}`]);
				if (raw === undefined || raw === '') continue;
				const code = parseCode(raw);
				if (!q.options.some((o) => o.code === code)) return { error: { code: 'invalid' } };
				rows[row.key] = code!;
			}
			return Object.keys(rows).length ? { value: rows } : {};
		}
		case 'text':
		case 'longtext': {
			const text = cleanText(first(values[q.key]) ?? '').trim();
			return text ? { value: text } : {};
		}
		case 'number': {
			const raw = (first(values[q.key]) ?? '').trim();
			if (!raw) return {};
			const n = parseNumber(raw);
			return n === undefined ? { error: { code: 'notNumber' } } : { value: n };
		}
	}
}

/** Rules that apply once a value has been read. */
function checkValue(q: Question, parsed: Parsed): AnswerError | undefined {
	const { value } = parsed;
	if (!isAnswered(value)) {
		if (!q.required) return undefined;
		if (q.type === 'matrix') return { code: 'matrixIncomplete', rows: q.rows.map((r) => r.key) };
		return { code: 'required' };
	}
	if (parsed.other !== undefined) {
		if (!parsed.other) return { code: 'otherMissing' };
		if (parsed.other.length > OTHER_TEXT_LIMIT) return { code: 'tooLong', max: OTHER_TEXT_LIMIT };
	}
	switch (q.type) {
		case 'multiple': {
			const codes = value as number[];
			const exclusive = q.options.filter((o) => o.exclusive && codes.includes(o.code));
			if (exclusive.length && codes.length > 1) return { code: 'exclusive' };
			if (!exclusive.length && q.minSelect && codes.length < q.minSelect)
				return { code: 'minSelect', min: q.minSelect };
			if (q.maxSelect && codes.length > q.maxSelect) return { code: 'maxSelect', max: q.maxSelect };
			return undefined;
		}
		case 'matrix': {
			const missing = q.rows.filter((r) => (value as MatrixValue)[r.key] === undefined);
			return q.required && missing.length
				? { code: 'matrixIncomplete', rows: missing.map((r) => r.key) }
				: undefined;
		}
		case 'text':
		case 'longtext': {
			const max = textLimit(q);
			return (value as string).length > max ? { code: 'tooLong', max } : undefined;
		}
		case 'number': {
			const n = value as number;
			if (q.integer && !Number.isInteger(n)) return { code: 'notInteger' };
			if (q.min !== undefined && n < q.min) return { code: 'belowMin', min: q.min };
			if (q.max !== undefined && n > q.max) return { code: 'aboveMax', max: q.max };
			return undefined;
		}
		default:
			return undefined;
	}
}

export interface AnswerCheck {
	/** Answers to visible questions only, typed, ready to store. */
	answers: Answers;
	errors: AnswerErrors;
	/** Keys of the questions the resident sees with these answers. */
	visible: Set<string>;
	/** Keys of the sections the resident sees. */
	sections: Set<string>;
}

/**
 * Reads and checks the answers. With `only`, errors are reported for those questions alone
 * (one page of the survey), though conditions still see every answer.
 */
export function checkAnswers(doc: Questionnaire, values: FormValues, only?: Set<string>): AnswerCheck {
	const parsedAll: Answers = {};
	const parsedByKey = new Map<string, Parsed>();
	for (const section of doc.sections)
		for (const q of section.questions) {
			const parsed = parseQuestion(q, values);
			parsedByKey.set(q.key, parsed);
			if (parsed.value !== undefined) parsedAll[q.key] = parsed.value;
			if (parsed.other) parsedAll[otherKey(q.key)] = parsed.other;
		}

	const { questions: visible, sections, effective } = resolveVisibility(doc, parsedAll);
	const errors: AnswerErrors = {};
	for (const section of doc.sections)
		for (const q of section.questions) {
			if (!visible.has(q.key) || (only && !only.has(q.key))) continue;
			const parsed = parsedByKey.get(q.key)!;
			const error = parsed.error ?? checkValue(q, parsed);
			if (error) errors[q.key] = error;
		}
	return { answers: effective, errors, visible, sections };
}

/**
 * Turns a FormData (or URLSearchParams, or the server's form fields) into form values, keeping
 * repeated names as lists: one pass, and no name (not even `__proto__`) reaches a prototype.
 */
export function formValues(data: { entries(): IterableIterator<[string, FormDataEntryValue]> }): FormValues {
	const values: FormValues = {};
	for (const [name, entry] of data.entries()) {
		if (typeof entry !== 'string') continue;
		if (!Object.prototype.hasOwnProperty.call(values, name)) {
			Object.defineProperty(values, name, { value: entry, enumerable: true, writable: true, configurable: true });
			continue;
		}
		const existing = values[name];
		if (Array.isArray(existing)) existing.push(entry);
		else values[name] = [existing, entry];
	}
	return values;
}
