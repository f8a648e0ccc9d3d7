// Readings for names in easy Japanese: the two ways to write them, the plain text for places
// that cannot hold ruby, and the words kept whole.
import { describe, expect, it } from 'vitest';
import { plainText, rubyPieces, rubyRuns } from '../../src/lib/survey/ruby';
import { t } from '../../src/lib/survey/messages';
import template from '../../src/lib/survey/templates/digital-level-2022.json';
import type { Option, Questionnaire } from '../../src/lib/survey/schema';

describe('readings', () => {
	it('reads kanji followed by its reading in brackets, in easy Japanese only', () => {
		expect(rubyPieces('嘉川（かがわ）', true)).toEqual([{ base: '嘉川', reading: 'かがわ' }]);
		expect(rubyPieces('この 市役所（しやくしょ）へ', true)).toEqual([
			{ text: 'この ' },
			{ base: '市役所', reading: 'しやくしょ' },
			{ text: 'へ' }
		]);
		// In standard Japanese a bracket after kanji is a gloss, and katakana is never a reading.
		expect(rubyPieces('親と子と孫（さんせだい）', false)).toEqual([{ text: '親と子と孫（さんせだい）' }]);
		expect(rubyPieces('確定申告（e-Tax）', true)).toEqual([{ text: '確定申告（e-Tax）' }]);
		expect(rubyPieces('同意（オプトイン）', true)).toEqual([{ text: '同意（オプトイン）' }]);
	});

	it('reads the explicit form in every language, and gives it as brackets in plain text', () => {
		expect(rubyPieces('{秋穂二島|あいおふたじま}に', false)).toEqual([{ base: '秋穂二島', reading: 'あいおふたじま' }, { text: 'に' }]);
		expect(plainText('{山口市|やまぐちし}の ホームページ')).toBe('山口市（やまぐちし）の ホームページ');
		expect(plainText('{ not a reading }')).toBe('{ not a reading }');
		expect(t({ ja: '山口市', easy: '{山口市|やまぐちし}' }, 'easy')).toBe('山口市（やまぐちし）');
	});

	it('keeps a word holding a name, or a phone number, whole; the rest is plain text', () => {
		expect(rubyRuns('あなたの 山口市（やまぐちし）の ホームページ　です', true)).toEqual([
			{ text: 'あなたの ' },
			{ word: [{ base: '山口市', reading: 'やまぐちし' }, { text: 'の' }] },
			{ text: ' ホームページ　です' }
		]);
		expect(rubyRuns('でんわ 083-000-0000（へいじつ）', true)).toEqual([
			{ text: 'でんわ ' },
			{ word: [{ text: '083-000-0000' }] },
			{ text: '（へいじつ）' }
		]);
		expect(rubyRuns('しんこく（e-Tax）', true)).toEqual([{ text: 'しんこく' }, { word: [{ text: '（e-Tax）' }] }]);
		expect(rubyRuns('でんわ 083-000-0000', false)).toEqual([{ text: 'でんわ 083-000-0000' }]);
	});

	it('gives every district of the bundled survey a reading, and 嘉川 its right one', () => {
		const doc = template as unknown as Questionnaire;
		const f3 = doc.sections[0].questions.find((q) => q.key === 'F3') as unknown as { options: Option[] };
		const districts = f3.options.filter((o) => /[\u4e00-\u9fff]/.test(o.label.ja));
		expect(districts).toHaveLength(21);
		for (const o of districts) {
			const [piece, ...rest] = rubyPieces(o.label.easy!, true);
			expect(rest, o.label.ja).toEqual([]);
			expect(piece, o.label.ja).toMatchObject({ base: o.label.ja });
		}
		const kagawa = f3.options.find((o) => o.label.ja === '嘉川')!;
		expect(kagawa.label).toEqual({ ja: '嘉川', easy: '嘉川（かがわ）', en: 'Kagawa' });
	});
});

describe('words kept whole', () => {
	it('end at punctuation too, so only the name and what clings to it stay together', () => {
		expect(rubyRuns('ある とき：山口市役所（やまぐちしやくしょ）へ。', true)).toEqual([
			{ text: 'ある とき：' },
			{ word: [{ base: '山口市役所', reading: 'やまぐちしやくしょ' }, { text: 'へ。' }] }
		]);
		expect(rubyRuns('「市報（しほう）やまぐち」', true)).toEqual([
			{ word: [{ text: '「' }, { base: '市報', reading: 'しほう' }, { text: 'やまぐち」' }] }
		]);
	});
});
