// Converts typed answers to the rows of the long `answer` table and back. Pure, so the
// submission, the paper entry and the CSV import all store answers the same way.
import type { Questionnaire } from './schema';
import { otherKey, type Answers, type MatrixValue } from './answers';

export interface AnswerRow {
	questionKey: string;
	rowKey: string;
	code: number | null;
	number: number | null;
	text: string | null;
}

const row = (questionKey: string, fields: Partial<AnswerRow>): AnswerRow => ({
	questionKey,
	rowKey: '',
	code: null,
	number: null,
	text: null,
	...fields
});

/** One row per value; the "other" text rides on the row of the option it explains. */
export function answersToRows(doc: Questionnaire, answers: Answers): AnswerRow[] {
	const rows: AnswerRow[] = [];
	for (const section of doc.sections)
		for (const q of section.questions) {
			const value = answers[q.key];
			if (value === undefined) continue;
			const other = answers[otherKey(q.key)];
			const otherCode = 'options' in q ? q.options.find((o) => o.other)?.code : undefined;
			const textFor = (code: number) =>
				code === otherCode && typeof other === 'string' ? other : null;
			switch (q.type) {
				case 'single':
				case 'dropdown':
					rows.push(row(q.key, { code: value as number, text: textFor(value as number) }));
					break;
				case 'multiple':
					for (const code of value as number[]) rows.push(row(q.key, { code, text: textFor(code) }));
					break;
				case 'matrix':
					for (const r of q.rows) {
						const code = (value as MatrixValue)[r.key];
						if (code !== undefined) rows.push(row(q.key, { rowKey: r.key, code }));
					}
					break;
				case 'scale':
				case 'number':
					rows.push(row(q.key, { number: value as number }));
					break;
				case 'text':
				case 'longtext':
					rows.push(row(q.key, { text: value as string }));
					break;
			}
		}
	return rows;
}

/** The inverse of answersToRows, for reading a stored response. */
export function rowsToAnswers(doc: Questionnaire, rows: AnswerRow[]): Answers {
	const answers: Answers = {};
	const types = new Map(doc.sections.flatMap((s) => s.questions.map((q) => [q.key, q.type])));
	for (const r of rows) {
		const type = types.get(r.questionKey);
		if (!type) continue;
		if (r.text !== null && r.code !== null) answers[otherKey(r.questionKey)] = r.text;
		if (type === 'multiple') ((answers[r.questionKey] ??= []) as number[]).push(r.code!);
		else if (type === 'matrix') ((answers[r.questionKey] ??= {}) as MatrixValue)[r.rowKey] = r.code!;
		else if (type === 'scale' || type === 'number') answers[r.questionKey] = r.number!;
		else if (type === 'text' || type === 'longtext') answers[r.questionKey] = r.text!;
		else answers[r.questionKey] = r.code!;
	}
	return answers;
}
