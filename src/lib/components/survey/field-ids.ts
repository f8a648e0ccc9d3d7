// Element ids and form field names for a question's inputs, in one place so the inputs, the
// error summary's links and the tests agree.
import type { Question } from '$lib/survey/schema';

export const inputId = (key: string, ...parts: (string | number)[]) =>
	['in', key, ...parts].join('-');
export const errorId = (key: string) => `err-${key}`;
export const helpId = (key: string) => `help-${key}`;
export const matrixField = (key: string, row: string) => `${key}.${row}`;

/** The input the error summary sends the resident to. */
export function firstInputId(q: Question): string {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return inputId(q.key, q.options[0].code);
		case 'matrix':
			return inputId(q.key, q.rows[0].key, q.options[0].code);
		case 'scale':
			return inputId(q.key, q.min);
		default:
			return inputId(q.key);
	}
}
