// The editor's moves: where 「上へ」「下へ」 and a drop take a question or a section, which card
// is where afterwards, and the moves refused because a condition would look ahead or a section
// would be left empty.
import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../src/lib/survey/schema';
import { dropPlace, dropSection, moveQuestion, moveSection, stepQuestion } from '../../src/lib/components/editor/moves';
import { cardOfHash } from '../../src/lib/components/editor/anchors';
import { checkQuestionnaire } from '../../src/lib/survey/check-document';
import { blankQuestionnaire } from '../../src/lib/survey/defaults';

const q = (key: string, showIf?: string) => ({
	key,
	type: 'single' as const,
	label: { ja: key },
	options: [{ code: 1, label: { ja: 'はい' } }, { code: 2, label: { ja: 'いいえ' } }],
	...(showIf ? { showIf: { all: [{ question: showIf, op: 'oneOf' as const, values: [1] }] } } : {})
});
/** Section A: A1 A2 A3 (A3 shown by A2); section B (shown by A1): B1; section C: C1. */
const doc = (): Questionnaire => ({
	...blankQuestionnaire('題'),
	sections: [
		{ key: 'A', title: { ja: 'A' }, questions: [q('A1'), q('A2'), q('A3', 'A2')] },
		{ key: 'B', title: { ja: 'B' }, showIf: { all: [{ question: 'A1', op: 'answered' }] }, questions: [q('B1')] },
		{ key: 'C', title: { ja: 'C' }, questions: [q('C1')] }
	]
});
const keys = (sections: Questionnaire['sections']) => sections.map((s) => s.questions.map((x) => x.key));
function moved(result: ReturnType<typeof moveQuestion>) {
	if (!result.ok) throw new Error(result.reason);
	return result;
}

describe('moving a question', () => {
	it('steps along its section and over into the next or previous one, and stops at either end', () => {
		const d = doc();
		expect(stepQuestion(d, { section: 0, index: 1 }, -1)).toEqual({ section: 0, index: 0 });
		expect(stepQuestion(d, { section: 0, index: 2 }, 1)).toEqual({ section: 1, index: 0 });
		expect(stepQuestion(d, { section: 1, index: 0 }, -1)).toEqual({ section: 0, index: 3 });
		expect(stepQuestion(d, { section: 0, index: 0 }, -1)).toBeNull();
		expect(stepQuestion(d, { section: 2, index: 0 }, 1)).toBeNull();
	});

	it('reorders, says where the moved question and every other card went, and leaves the document valid', () => {
		const d = doc();
		const result = moved(moveQuestion(d, { section: 0, index: 0 }, { section: 0, index: 1 }));
		expect(keys(result.sections)).toEqual([['A2', 'A1', 'A3'], ['B1'], ['C1']]);
		expect(result.at).toEqual({ kind: 'question', section: 0, index: 1 });
		expect(result.follow({ kind: 'question', section: 0, index: 1 })).toEqual({ kind: 'question', section: 0, index: 0 });
		expect(result.follow({ kind: 'section', section: 2 })).toEqual({ kind: 'section', section: 2 });
		expect(checkQuestionnaire({ ...d, sections: result.sections }).ok).toBe(true);
		// The document it was given is not changed.
		expect(keys(d.sections)).toEqual([['A1', 'A2', 'A3'], ['B1'], ['C1']]);

		const across = moved(moveQuestion(d, { section: 0, index: 2 }, { section: 2, index: 0 }));
		expect(keys(across.sections)).toEqual([['A1', 'A2'], ['B1'], ['A3', 'C1']]);
		expect(across.follow({ kind: 'question', section: 2, index: 0 })).toEqual({ kind: 'question', section: 2, index: 1 });
	});

	it('refuses to put a condition before the question it reads, either way round', () => {
		const d = doc();
		expect(moveQuestion(d, { section: 0, index: 2 }, { section: 0, index: 1 })).toEqual({
			ok: false,
			reason: '移せません：A3 は A2 の答えで表示するかが決まるため、A2 より前には置けません。'
		});
		expect(moveQuestion(d, { section: 0, index: 1 }, { section: 0, index: 2 })).toMatchObject({ ok: false });
		// Section B is shown by A1: A1 cannot go to section C.
		expect(moveQuestion(d, { section: 0, index: 0 }, { section: 2, index: 0 })).toEqual({
			ok: false,
			reason: '移せません：セクション B は A1 の答えで表示するかが決まるため、A1 より前には置けません。'
		});
	});

	it('refuses to leave a section with no question', () => {
		expect(moveQuestion(doc(), { section: 2, index: 0 }, { section: 1, index: 1 })).toEqual({
			ok: false,
			reason: '移せません：セクション C の設問はこれだけです（セクションには設問が 1 つ以上必要です）。'
		});
	});

	it('does not refuse a move for a condition that was already out of order or names no question', () => {
		const d = doc();
		d.sections[2].questions[0] = q('C1', 'Z9');
		d.sections[0].questions[0] = q('A1', 'C1');
		const result = moveQuestion(d, { section: 0, index: 1 }, { section: 0, index: 0 });
		expect(result.ok && keys(result.sections)).toEqual([['A2', 'A1', 'A3'], ['B1'], ['C1']]);
	});

	it('lands where it was dropped: before or after a question, counted once it is taken out', () => {
		expect(dropPlace({ section: 0, index: 0 }, { section: 0, index: 2 }, true)).toEqual({ section: 0, index: 2 });
		expect(dropPlace({ section: 0, index: 0 }, { section: 0, index: 2 }, false)).toEqual({ section: 0, index: 1 });
		expect(dropPlace({ section: 0, index: 2 }, { section: 0, index: 0 }, false)).toEqual({ section: 0, index: 0 });
		expect(dropPlace({ section: 0, index: 2 }, { section: 1, index: 0 }, true)).toEqual({ section: 1, index: 1 });
	});
});

describe('moving a section', () => {
	it('takes its questions with it and says where each card went', () => {
		const result = moveSection(doc(), 2, 0);
		if (!result.ok) throw new Error(result.reason);
		expect(result.sections.map((s) => s.key)).toEqual(['C', 'A', 'B']);
		expect(result.at).toEqual({ kind: 'section', section: 0 });
		expect(result.follow({ kind: 'question', section: 0, index: 2 })).toEqual({ kind: 'question', section: 1, index: 2 });
		expect(result.follow({ kind: 'texts' })).toEqual({ kind: 'texts' });
	});

	it('refuses to put a section before a question its condition reads', () => {
		expect(moveSection(doc(), 1, 0)).toEqual({
			ok: false,
			reason: '移せません：セクション B は A1 の答えで表示するかが決まるため、A1 より前には置けません。'
		});
	});

	it('lands before or after the section it was dropped on', () => {
		expect(dropSection(0, 2, true)).toBe(2);
		expect(dropSection(0, 2, false)).toBe(1);
		expect(dropSection(2, 0, false)).toBe(0);
	});
});

describe('the addresses of cards', () => {
	it('reads #question-KEY, #section-KEY and #survey-texts, and nothing else', () => {
		const d = doc();
		expect(cardOfHash(d, '#question-A3')).toEqual({ kind: 'question', section: 0, index: 2 });
		expect(cardOfHash(d, 'section-C')).toEqual({ kind: 'section', section: 2 });
		expect(cardOfHash(d, '#survey-texts')).toEqual({ kind: 'texts' });
		expect(cardOfHash(d, '#question-Z9')).toBeNull();
		expect(cardOfHash(d, '#section-A1')).toBeNull();
		expect(cardOfHash(d, '#%E0%A4%A')).toBeNull();
	});

});
