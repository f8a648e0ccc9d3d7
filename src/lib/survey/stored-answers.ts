// The one stored form of a response's answers, and its codec. Each response keeps its answers
// as one JSON array on its own row (response.answers), in questionnaire order: every reader
// (results, the wide and long exports, the Shift_JIS check, a stored response read back) reads
// whole responses, and one row of about 500 bytes per response is 36 times fewer rows to write
// and to step through than a table of one row per answer (figures in README, "Where the data lives").
//
// Each answer is [question, row, code, number, text, status, skipped] with trailing defaults
// (null, null, null, 'valid', 0) left off, so the common case is short — ["F1","",9] — and a
// response of the bundled survey fits in its table page instead of spilling to an overflow
// page, which made reading 100,000 of them five times slower.
import type { Questionnaire } from './schema';
import { otherKey, type Answers, type MatrixValue } from './answers';

/**
 * One stored value: a code chosen (single, dropdown, each box ticked in a multiple choice, each
 * matrix row), a number (number, scale) or a text; the words of an "other" option ride on the
 * code they explain. On paper, an unreadable mark is status 'invalid' (不明) with no value, and
 * an answer the conditions said to skip is kept with skipped = 1.
 */
export interface StoredAnswer {
	questionKey: string;
	/** A matrix row's key; '' for other questions. */
	rowKey: string;
	code: number | null;
	number: number | null;
	text: string | null;
	status: 'valid' | 'invalid';
	skipped: 0 | 1;
}

/** A valid answer with the fields given and the rest empty. */
export const storedAnswer = (questionKey: string, fields: Partial<StoredAnswer> = {}): StoredAnswer => ({
	questionKey,
	rowKey: '',
	code: null,
	number: null,
	text: null,
	status: 'valid',
	skipped: 0,
	...fields
});

type Packed = [string, string, (number | null)?, (number | null)?, (string | null)?, ('valid' | 'invalid')?, (0 | 1)?];
const DEFAULTS = [undefined, undefined, null, null, null, 'valid', 0] as const;

/** Answers encoded as stored: the JSON text on the response (and sealed in the pool until then). */
export type EncodedAnswers = string & { readonly __encoded: unique symbol };

/**
 * What the database no longer checks for each answer (a JSON array has no column types), so a
 * malformed one fails here, before a resident is told it was received.
 */
function checked(a: StoredAnswer): StoredAnswer {
	const ok =
		typeof a.questionKey === 'string' &&
		typeof a.rowKey === 'string' &&
		(a.code === null || Number.isSafeInteger(a.code)) &&
		(a.number === null || Number.isFinite(a.number)) &&
		(a.text === null || typeof a.text === 'string') &&
		(a.status === 'valid' || a.status === 'invalid') &&
		(a.skipped === 0 || a.skipped === 1) &&
		(a.status === 'invalid' || a.code !== null || a.number !== null || a.text !== null);
	if (!ok) throw new Error(`not a storable answer: ${JSON.stringify(a)}`);
	return a;
}

/** The JSON text stored on the response. */
export function encodeAnswers(answers: readonly StoredAnswer[]): EncodedAnswers {
	return JSON.stringify(
		answers.map(checked).map((a) => {
			const t: unknown[] = [a.questionKey, a.rowKey, a.code, a.number, a.text, a.status, a.skipped];
			while (t.length > 3 && t[t.length - 1] === DEFAULTS[t.length - 1]) t.pop();
			return t;
		})
	) as EncodedAnswers;
}

/**
 * Calls `visit` with each stored answer in order. The object passed is reused from one call to
 * the next (readers of 100,000 responses make no object per answer): copy it to keep it.
 */
export function forEachAnswer(json: string, visit: (a: Readonly<StoredAnswer>) => void): void {
	const a = storedAnswer('');
	for (const [questionKey, rowKey, code, number, text, status, skipped] of JSON.parse(json) as Packed[]) {
		a.questionKey = questionKey;
		a.rowKey = rowKey;
		a.code = code ?? null;
		a.number = number ?? null;
		a.text = text ?? null;
		a.status = status ?? 'valid';
		a.skipped = skipped ?? 0;
		visit(a);
	}
}

export function decodeAnswers(json: string): StoredAnswer[] {
	const out: StoredAnswer[] = [];
	forEachAnswer(json, (a) => out.push({ ...a }));
	return out;
}

/** A resident's checked answers as stored: one value each, the "other" words on their code. */
export function toStored(doc: Questionnaire, answers: Answers): StoredAnswer[] {
	const out: StoredAnswer[] = [];
	for (const section of doc.sections)
		for (const q of section.questions) {
			const value = answers[q.key];
			if (value === undefined) continue;
			const other = answers[otherKey(q.key)];
			const otherCode = 'options' in q ? q.options.find((o) => o.other)?.code : undefined;
			const textFor = (code: number) => (code === otherCode && typeof other === 'string' ? other : null);
			switch (q.type) {
				case 'single':
				case 'dropdown':
					out.push(storedAnswer(q.key, { code: value as number, text: textFor(value as number) }));
					break;
				case 'multiple':
					for (const code of value as number[]) out.push(storedAnswer(q.key, { code, text: textFor(code) }));
					break;
				case 'matrix':
					for (const r of q.rows) {
						const code = (value as MatrixValue)[r.key];
						if (code !== undefined) out.push(storedAnswer(q.key, { rowKey: r.key, code }));
					}
					break;
				case 'scale':
				case 'number':
					out.push(storedAnswer(q.key, { number: value as number }));
					break;
				case 'text':
				case 'longtext':
					out.push(storedAnswer(q.key, { text: value as string }));
					break;
			}
		}
	return out;
}

/** The inverse of toStored for a stored response: its valid answers, as the form holds them. */
export function toAnswers(doc: Questionnaire, stored: readonly StoredAnswer[]): Answers {
	const answers: Answers = {};
	const types = new Map(doc.sections.flatMap((s) => s.questions.map((q) => [q.key, q.type])));
	for (const a of stored) {
		const type = types.get(a.questionKey);
		if (!type || a.status !== 'valid') continue;
		if (a.text !== null && a.code !== null) answers[otherKey(a.questionKey)] = a.text;
		if (type === 'multiple') ((answers[a.questionKey] ??= []) as number[]).push(a.code!);
		else if (type === 'matrix') ((answers[a.questionKey] ??= {}) as MatrixValue)[a.rowKey] = a.code!;
		else if (type === 'scale' || type === 'number') answers[a.questionKey] = a.number!;
		else if (type === 'text' || type === 'longtext') answers[a.questionKey] = a.text!;
		else answers[a.questionKey] = a.code!;
	}
	return answers;
}
