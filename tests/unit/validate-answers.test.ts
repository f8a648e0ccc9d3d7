import { describe, expect, it } from 'vitest';
import { checkAnswers, formValues, parseNumber } from '../../src/lib/survey/validate-answers';
import { errorMessage } from '../../src/lib/survey/messages';
import { allQuestions } from '../../src/lib/survey/conditions';
import { small } from './support/questionnaires';

const valid = { Q1: '1', Q2: ['1', '2'], 'Q4.Q4_1': '1', 'Q4.Q4_2': '2' };

describe('checkAnswers', () => {
	it('reads a complete form into typed answers', () => {
		const { answers, errors } = checkAnswers(small(), { ...valid, Q3: '３', Q5: ' 意見\r\nです ', Q6: '7' });
		expect(errors).toEqual({});
		expect(answers).toEqual({ Q1: 1, Q2: [1, 2], Q3: 3, Q4: { Q4_1: 1, Q4_2: 2 }, Q5: '意見\nです', Q6: 7 });
	});

	it('requires visible required questions, and every row of a required matrix', () => {
		const { errors } = checkAnswers(small(), { Q1: '1', 'Q4.Q4_1': '1' });
		expect(errors).toEqual({ Q2: { code: 'required' }, Q4: { code: 'matrixIncomplete', rows: ['Q4_2'] } });
	});

	it('does not require a question that its condition hides, and drops its answer', () => {
		const { answers, errors } = checkAnswers(small(), { ...valid, Q1: '2' });
		expect(errors).toEqual({});
		expect(answers.Q2).toBeUndefined();
	});

	it('rejects a code that is not an option (a forged or stale form)', () => {
		expect(checkAnswers(small(), { ...valid, Q1: '7' }).errors).toEqual({ Q1: { code: 'invalid' } });
		expect(checkAnswers(small(), { ...valid, Q2: ['1', 'x'] }).errors).toEqual({ Q2: { code: 'invalid' } });
		expect(checkAnswers(small(), { ...valid, 'Q4.Q4_1': '3' }).errors).toEqual({ Q4: { code: 'invalid' } });
		expect(checkAnswers(small(), { ...valid, Q6: '11' }).errors).toEqual({ Q6: { code: 'invalid' } });
		expect(checkAnswers(small(), { ...valid, Q1: '1.0' }).errors).toEqual({ Q1: { code: 'invalid' } });
	});

	it('enforces at most N choices and an exclusive option', () => {
		expect(checkAnswers(small(), { ...valid, Q2: ['1', '2', '3'] }).errors).toEqual({ Q2: { code: 'maxSelect', max: 2 } });
		expect(checkAnswers(small(), { ...valid, Q2: ['1', '4'] }).errors).toEqual({ Q2: { code: 'exclusive' } });
		expect(checkAnswers(small(), { ...valid, Q2: ['4'] }).errors).toEqual({});
	});

	it('enforces at least N choices unless "none" was chosen', () => {
		const doc = small();
		const q2 = doc.sections[0].questions[1];
		if (q2.type === 'multiple') q2.minSelect = 2;
		expect(checkAnswers(doc, { ...valid, Q2: ['1'] }).errors).toEqual({ Q2: { code: 'minSelect', min: 2 } });
		expect(checkAnswers(doc, { ...valid, Q2: ['4'] }).errors).toEqual({});
	});

	it('asks for the words of an "other" answer and keeps them', () => {
		expect(checkAnswers(small(), { ...valid, Q1: '9' }).errors).toEqual({ Q1: { code: 'otherMissing' } });
		const { answers } = checkAnswers(small(), { ...valid, Q1: '9', 'Q1.other': ' 自転車 ' });
		expect(answers['Q1.other']).toBe('自転車');
		// Words typed beside "other" and then another option chosen are not kept.
		expect(checkAnswers(small(), { ...valid, 'Q1.other': '自転車' }).answers['Q1.other']).toBeUndefined();
	});

	it('checks numbers: full-width digits accepted, integers, range', () => {
		expect(checkAnswers(small(), { ...valid, Q3: '２０' }).answers.Q3).toBe(20);
		expect(checkAnswers(small(), { ...valid, Q3: 'たくさん' }).errors).toEqual({ Q3: { code: 'notNumber' } });
		expect(checkAnswers(small(), { ...valid, Q3: '2.5' }).errors).toEqual({ Q3: { code: 'notInteger' } });
		expect(checkAnswers(small(), { ...valid, Q3: '21' }).errors).toEqual({ Q3: { code: 'aboveMax', max: 20 } });
		expect(checkAnswers(small(), { ...valid, Q3: '-1' }).errors).toEqual({ Q3: { code: 'belowMin', min: 0 } });
	});

	it('limits text to 2,000 characters', () => {
		expect(checkAnswers(small(), { ...valid, Q5: 'あ'.repeat(2000) }).errors).toEqual({});
		expect(checkAnswers(small(), { ...valid, Q5: 'あ'.repeat(2001) }).errors).toEqual({ Q5: { code: 'tooLong', max: 2000 } });
	});

	it('reports errors for one page only when asked, while conditions still see every answer', () => {
		const { errors } = checkAnswers(small(), { Q1: '1' }, new Set(['Q1', 'Q2', 'Q3']));
		expect(Object.keys(errors)).toEqual(['Q2']);
	});

	it('has a message in each language for each error', () => {
		const doc = small();
		const q4 = allQuestions(doc).find((q) => q.key === 'Q4')!;
		expect(errorMessage({ code: 'matrixIncomplete', rows: ['Q4_2'] }, q4, 'ja')).toBe('まだ選ばれていない項目があります：「行2」');
		expect(errorMessage({ code: 'maxSelect', max: 3 }, q4, 'easy')).toBe('3つ まで です。すこし へらして ください。');
		expect(errorMessage({ code: 'required' }, q4, 'en')).toBe('This question is required.');
	});
});

describe('form reading', () => {
	it('keeps repeated names as lists', () => {
		const data = new URLSearchParams('Q1=1&Q2=1&Q2=3&Q5=a');
		expect(formValues(data)).toEqual({ Q1: '1', Q2: ['1', '3'], Q5: 'a' });
	});

	it('parses numbers as residents type them', () => {
		expect(parseNumber('１，２００')).toBe(1200);
		expect(parseNumber(' 12.5 ')).toBe(12.5);
		expect(parseNumber('−3')).toBe(-3);
		expect(parseNumber('1e3')).toBeUndefined();
		expect(parseNumber('')).toBeUndefined();
	});
});
