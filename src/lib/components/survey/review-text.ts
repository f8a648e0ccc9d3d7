// An answer in words for the review before sending: the chosen options' labels, the matrix
// rows with their choice, the number with its unit, the text as typed.
import type { Language, Question } from '$lib/survey/schema';
import { otherKey, type Answers, type MatrixValue } from '$lib/survey/answers';
import { t } from '$lib/survey/messages';

/** Lines describing the answer to `q` (none when it is not answered). */
export function answerLines(q: Question, answers: Answers, lang: Language): string[] {
	const value = answers[q.key];
	if (value === undefined || value === '') return [];
	const option = (code: number) => {
		const found = 'options' in q ? q.options.find((o) => o.code === code) : undefined;
		if (!found) return String(code);
		const other = found.other ? answers[otherKey(q.key)] : undefined;
		return t(found.label, lang) + (other ? `（${other}）` : '');
	};
	switch (q.type) {
		case 'single':
		case 'dropdown':
		case 'multiple':
			return (Array.isArray(value) ? value : [value as number]).map(option);
		case 'matrix':
			return q.rows
				.filter((r) => (value as MatrixValue)[r.key] !== undefined)
				.map((r) => `${t(r.label, lang)}：${option((value as MatrixValue)[r.key])}`);
		case 'scale': {
			const anchor = value === q.min ? q.minLabel : value === q.max ? q.maxLabel : undefined;
			return [anchor ? `${value}（${t(anchor, lang)}）` : String(value)];
		}
		case 'number':
			return [q.unit ? `${value} ${t(q.unit, lang)}` : String(value)];
		default:
			return [String(value)];
	}
}
