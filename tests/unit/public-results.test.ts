// The public results page's content: the questionnaire's words in the page's language, its
// order and numbering, and the key findings drawn only from tables that hide nothing.
import { describe, expect, it } from 'vitest';
import { bundled } from './support/questionnaires';
import { datasetOf, times, type HandMade } from './support/dataset';
import { questionTables } from '../../src/lib/analytics/frequencies';
import { publishTables } from '../../src/lib/analytics/published-tables';
import { NO_FILTERS, select } from '../../src/lib/analytics/selection';
import { keyFindings, resultSections } from '../../src/lib/analytics/public-results';
import type { Questionnaire } from '../../src/lib/survey/schema';

const doc = bundled();
const person = (age: number, d2: number, district = 17): HandMade => ({ answers: { F1: age, F3: district, F4: 3, D2: d2 } });
/** 40 daily users, 20 weekly, in one district, and 3 in another (a cell under k = 10). */
const data = datasetOf(doc, [...times(40, person(3, 1)), ...times(20, person(9, 3)), ...times(3, person(9, 3, 20))]);
const tables = publishTables(questionTables(data, select(data, NO_FILTERS)), 10, data.size);

describe('the public results', () => {
	it('follow the questionnaire: its sections in order, questions numbered as residents saw them, no free text', () => {
		const sections = resultSections(tables, doc, 'ja');
		expect(sections.map((s) => s.key)).toEqual(doc.sections.map((s) => s.key));
		const questions = sections.flatMap((s) => s.questions);
		expect(questions[0]).toMatchObject({ key: 'F1', number: 1, label: { text: 'あなたの年齢を教えてください。' } });
		expect(questions.find((q) => q.key === 'D2')?.number).toBe(8);
		expect(questions.some((q) => q.key === 'C4')).toBe(false);
		// A matrix keeps its rows under its one question.
		expect(questions.find((q) => q.key === 'T1')?.tables.map((t) => t.row?.text)).toHaveLength(5);
	});

	it('are in the page’s language, with a missing translation given in Japanese and marked so', () => {
		const untranslated = structuredClone(doc) as Questionnaire;
		const d2 = untranslated.sections.flatMap((s) => s.questions).find((q) => q.key === 'D2')!;
		delete d2.label.en;
		const sections = resultSections(tables, untranslated, 'en');
		const questions = sections.flatMap((s) => s.questions);
		expect(questions[0].label).toEqual({ text: 'What is your age?' });
		expect(questions.find((q) => q.key === 'D2')!.label).toEqual({ text: d2.label.ja, ja: true });
		const d2Items = questions.find((q) => q.key === 'D2')!.tables[0].items.map((i) => i.label.text);
		expect(d2Items).toContain('Almost every day');
		// 無回答 in English, and only where someone is in it.
		const f1 = questions[0].tables[0].items.map((i) => i.label.text);
		expect(f1).not.toContain('No answer');
		expect(resultSections(tables, doc, 'easy').flatMap((s) => s.questions)[0].label.text).toBe('あなたは なんさい ですか。');
	});

	it('lead with the most common answer of the watched questions, never from a table hiding a count', () => {
		const sections = resultSections(tables, doc, 'ja');
		// D2 hides nothing (40 and 23): its finding is the daily users' 63.5%.
		const [d2] = keyFindings(sections, ['D2']);
		expect(d2).toMatchObject({ key: 'D2', questionKey: 'D2', number: 8, answer: { text: 'ほぼ毎日' } });
		expect(d2.percent).toBeCloseTo((40 / 63) * 100, 5);
		// F3 hides the district of 3: no finding is drawn from it.
		expect(keyFindings(sections, ['F3'])).toEqual([]);
		// Without watched questions, the first question of each section that can give one.
		expect(keyFindings(sections, []).map((f) => f.key)).toContain('F1');
	});
});
