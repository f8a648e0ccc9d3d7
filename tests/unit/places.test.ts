// Places in a questionnaire said as a designer says them, and the editor anchors they link to.
import { describe, expect, it } from 'vitest';
import { anchorOf, describePlace, placeOf, wordProblems } from '../../src/lib/survey/places';
import { checkQuestionnaire } from '../../src/lib/survey/check-document';
import type { ChoiceQuestion } from '../../src/lib/survey/schema';
import { bundled } from './support/questionnaires';

describe('describePlace', () => {
	const doc = bundled();

	it('names a question by its key and the start of its label, and an option by its position', () => {
		expect(describePlace(doc, { section: 0, question: 0, option: 1, field: 'label', language: 'en' })).toBe('F1（あなたの年齢を教えてください）の選択肢2');
		expect(describePlace(doc, { section: 0, question: 0, field: 'label' })).toBe('F1（あなたの年齢を教えてください）の設問文');
		expect(describePlace(doc, { section: 1, question: 1, field: 'showIf' })).toBe('D2（インターネット（メール、LIN…）の表示の条件');
	});

	it('names sections, matrix rows, the survey texts and the consent texts', () => {
		expect(describePlace(doc, { section: 1, field: 'title' })).toBe('セクション2（情報機器とインターネット）の題名');
		expect(describePlace(doc, { section: 4, question: 0, row: 2, field: 'key' })).toBe('T1（次のことについて、あなたのお考…）の行3のキー');
		expect(describePlace(doc, { field: 'title', language: 'en' })).toBe('調査名');
		expect(describePlace(doc, { field: 'consent.agree' })).toBe('同意のチェックの文');
		expect(describePlace(doc, {})).toBe('調査票');
	});

	it('leaves the question out within its own card', () => {
		expect(describePlace(doc, { section: 0, question: 0, option: 1, field: 'code' }, { inQuestion: true })).toBe('選択肢2の番号');
		expect(describePlace(doc, { section: 0, question: 0 }, { inQuestion: true })).toBe('この設問');
	});

	it('words what an unfinished or broken document lacks by position', () => {
		const broken = { sections: [{ title: { ja: '' }, questions: [{ label: {} }, { key: 'X1', label: { ja: '{山口市|やまぐちし}に住んでいますか。' } }] }] };
		expect(describePlace(broken, { section: 0, question: 0, field: 'key' })).toBe('セクション1の1番目の設問のキー');
		expect(describePlace(broken, { section: 0, question: 1 })).toBe('X1（山口市（やまぐちし）に住んでい…）');
		expect(describePlace(null, { section: 3, question: 0 })).toBe('セクション4の1番目の設問');
	});
});

describe('placeOf', () => {
	it('reads a document path into a place', () => {
		expect(placeOf(['sections', 0, 'questions', 6, 'label', 'ja'])).toEqual({ section: 0, question: 6, field: 'label', language: 'ja' });
		expect(placeOf(['sections', 2, 'questions', 1, 'options', 0, 'label', 'en'])).toEqual({ section: 2, question: 1, option: 0, field: 'label', language: 'en' });
		expect(placeOf(['consent', 'purpose', 'easy'])).toEqual({ field: 'consent.purpose', language: 'easy' });
		expect(placeOf(['sections', 1, 'showIf', 'all', 0, 'question'])).toEqual({ section: 1, field: 'showIf' });
		expect(placeOf(['index', 'areas', 0, 'question'])).toEqual({ field: 'index' });
	});
});

describe('the problems of a document in words', () => {
	it('say 「F1（…）の設問文：日本語の文言がありません」 with the link to F1’s card, each once', () => {
		const doc = bundled();
		(doc.sections[0].questions[0].label as { ja?: string }).ja = undefined;
		const f1 = doc.sections[0].questions[0] as ChoiceQuestion;
		f1.options[1].label.en = '';
		const checked = checkQuestionnaire(doc);
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		const worded = wordProblems(doc, [...checked.problems, ...checked.problems]);
		expect(worded).toEqual([
			{ place: 'F1の設問文', message: '日本語の文言がありません。', anchor: 'question-F1' },
			{ place: 'F1の選択肢2', message: '英語の文言が空です。', anchor: 'question-F1' }
		]);
	});

	it('link a section to its section and the survey texts to their panel', () => {
		const doc = bundled();
		expect(anchorOf(doc, { section: 1, field: 'title' })).toBe('section-D');
		expect(anchorOf(doc, { field: 'consent.purpose' })).toBe('survey-texts');
	});
});
