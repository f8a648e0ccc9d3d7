// The population-margins CSV reader (src/lib/analytics/margins.ts): single and joint margins
// (two single-choice questions joined with ':'), and every problem by row and column in Japanese.
import { describe, expect, it } from 'vitest';
import { bundled } from './support/questionnaires';
import { marginCode, readMargins } from '../../src/lib/analytics/margins';

const doc = bundled();
const HEADER = 'question_key,code,label,population';

describe('reading population margins', () => {
	it('reads a joint age × sex margin beside a single one', () => {
		const read = readMargins(doc, `${HEADER}\nF1:F2,3:1,30〜39歳・男性,4512\nF1:F2,3:2,30〜39歳・女性,"4,730"\nF3,1,大殿,12000\nF3,2,白石,9000\n`);
		expect(read).toEqual({
			ok: true,
			margins: [
				{ questionKey: 'F1:F2', code: 3, code2: 1, population: 4512 },
				{ questionKey: 'F1:F2', code: 3, code2: 2, population: 4730 },
				{ questionKey: 'F3', code: 1, population: 12000 },
				{ questionKey: 'F3', code: 2, population: 9000 }
			]
		});
		if (read.ok) expect(read.margins.map(marginCode)).toEqual(['3:1', '3:2', '1', '2']);
	});

	it('reports every problem of a joint margin by row and column, in Japanese, and keeps nothing', () => {
		const bad = readMargins(
			doc,
			[
				HEADER,
				'F1:F2,3:1,,100', // 2 fine
				'F1:F2,3,,100', // 3 not a pair
				'F1:F2,3:9,,100', // 4 9 is no code of F2
				'F1:D1,1:1,,100', // 5 D1 is multiple choice
				'F1:F2:F3,1:1:1,,100', // 6 three questions
				'F1:F1,1:1,,100', // 7 the same question twice
				'F1:F2,3:1,,100', // 8 twice
				'F1:F2,x:1,,100', // 9 not a number
				'F1:F2,4:2,,0' // 10 no population
			].join('\n')
		);
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		expect(bad.problems.map((p) => [p.row, p.column])).toEqual([
			[3, 'code'],
			[4, 'code'],
			[5, 'question_key'],
			[6, 'question_key'],
			[7, 'question_key'],
			[8, 'code'],
			[9, 'code'],
			[10, 'population'],
			// Only one usable category of F1:F2 is left.
			[0, 'code']
		]);
		const messages = bad.problems.map((p) => p.message);
		expect(messages[0]).toBe('「3」は F1:F2 の番号の組ではありません（F1 の番号と F2 の番号を「:」でつないでください。例：3:1）。');
		expect(messages[1]).toBe('「3:9」の「9」は F2 の選択肢の番号ではありません。');
		expect(messages[2]).toContain('「D1」は単一回答の設問ではありません');
		expect(messages[5]).toBe('F1:F2 の 3:1 が二度あります。');
		expect(messages[8]).toBe('F1:F2 には二つ以上の区分が必要です。');
		for (const m of messages) expect(m).toMatch(/[ぁ-んァ-ン一-龥]/);
	});

	it('still reads single margins and their problems as before', () => {
		expect(readMargins(doc, `\uFEFF${HEADER}\nF2,1,男性,"88,000"\nF2,2,女性,96000\n`)).toEqual({
			ok: true,
			margins: [
				{ questionKey: 'F2', code: 1, population: 88000 },
				{ questionKey: 'F2', code: 2, population: 96000 }
			]
		});
		const bad = readMargins(doc, 'question_key,code,population\nF2,1,100\nF2,7,100\nD1,1,5\nF2,2,-3\nF2,1,100\nF2,1:2,100\n');
		expect(bad.ok).toBe(false);
		if (!bad.ok)
			expect(bad.problems.map((p) => [p.row, p.column])).toEqual([
				[3, 'code'],
				[4, 'question_key'],
				[5, 'population'],
				[6, 'code'],
				[7, 'code'],
				[0, 'code']
			]);
	});
});
