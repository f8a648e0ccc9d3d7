// The key offered for a new question follows its section's style (F7 after F6), never a key in use.
import { describe, expect, it } from 'vitest';
import { nextKey, suggestQuestionKey } from '../../src/lib/survey/suggest-key';
import { bundled, small } from './support/questionnaires';

describe('suggestQuestionKey', () => {
	it('continues the section’s prefix: F7 after F1…F6, D4 after D3', () => {
		const doc = bundled();
		expect(doc.sections[0].questions.at(-1)!.key).toBe('F6');
		expect(suggestQuestionKey(doc, 0)).toBe('F7');
		expect(suggestQuestionKey(doc, 1)).toBe(`D${doc.sections[1].questions.length + 1}`);
	});

	it('skips a number already used anywhere in the document', () => {
		const doc = bundled();
		doc.sections[1].questions[0].key = 'F7';
		expect(suggestQuestionKey(doc, 0)).toBe('F8');
	});

	it('numbers a letters-only section from its own key, and otherwise goes on from the highest Q', () => {
		const doc = small();
		expect(suggestQuestionKey(doc, 0)).toBe('Q7');
		doc.sections.push({ key: 'H', title: { ja: '住まい' }, questions: [] as never });
		expect(suggestQuestionKey(doc, 2)).toBe('H1');
		doc.sections.push({ key: 'S3', title: { ja: '' }, questions: [] as never });
		expect(suggestQuestionKey(doc, 3)).toBe('Q7');
		// A section not there yet (added with its first question) is numbered the same way.
		expect(suggestQuestionKey(doc, 9)).toBe('Q7');
	});

	it('reads matrix row keys as taken but not as a style', () => {
		expect(nextKey('T1_', new Set(['T1_1', 'T1_2']))).toBe('T1_3');
		expect(nextKey('S', new Set(['S1', 'S2']))).toBe('S3');
	});
});
