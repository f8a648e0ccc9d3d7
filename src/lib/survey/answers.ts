// The in-memory shape of one resident's answers, shared by the browser and the server.
// Form field names map to it one to one: `Q1` (a code, a number or a text), `Q5` repeated
// (codes of a multiple choice), `T1.T1_1` (a matrix row) and `D3.other` (the "other" text).

/** A matrix answer: row key to option code. */
export type MatrixValue = Record<string, number>;
export type AnswerValue = number | number[] | string | MatrixValue;
export type Answers = Record<string, AnswerValue>;

export const otherKey = (questionKey: string) => `${questionKey}.other`;

export function isAnswered(value: AnswerValue | undefined): boolean {
	if (value === undefined) return false;
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	if (typeof value === 'object') return Object.keys(value).length > 0;
	return true;
}
