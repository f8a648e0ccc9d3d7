import { describe, expect, it } from 'vitest';
import { checkQuestionnaire, type Problem } from '../../src/lib/survey/check-document';
import type { Questionnaire } from '../../src/lib/survey/schema';
import { small } from './support/questionnaires';

function problemsOf(doc: unknown): Problem[] {
	const result = checkQuestionnaire(doc);
	return result.ok ? [] : result.problems;
}

function changed(change: (doc: Questionnaire) => void): Problem[] {
	const doc = small();
	change(doc);
	return problemsOf(doc);
}

const q = (doc: Questionnaire, key: string) =>
	doc.sections.flatMap((s) => s.questions).find((x) => x.key === key)! as Record<string, unknown> & Questionnaire['sections'][0]['questions'][0];

describe('checkQuestionnaire', () => {
	it('accepts a valid document and returns it typed', () => {
		const result = checkQuestionnaire(small());
		expect(result.ok).toBe(true);
		if (result.ok) expect(result.doc.sections[0].questions[0].key).toBe('Q1');
	});

	it('reports a missing Japanese label with its place', () => {
		const problems = changed((doc) => {
			(doc.sections[0].questions[1].label as { ja?: string }).ja = undefined;
		});
		expect(problems).toEqual([
			{ where: { section: 0, question: 1, field: 'label', language: 'ja' }, message: '日本語の文言がありません。' }
		]);
	});

	it('reports every shape problem at once, not just the first', () => {
		const problems = changed((doc) => {
			doc.sections[0].title = { ja: '' };
			(doc.sections[1].questions[0] as { type: string }).type = 'slider';
			(doc as { languages: string[] }).languages = ['ja', 'fr'];
		});
		expect(problems.map((p) => p.where)).toEqual([
			{ field: 'languages' },
			{ section: 0, field: 'title', language: 'ja' },
			{ section: 1, question: 0, field: 'type' }
		]);
	});

	it('reports duplicate question keys, and a matrix row key that repeats a question key', () => {
		const problems = changed((doc) => {
			doc.sections[1].questions[1].key = 'Q1';
			const matrix = doc.sections[1].questions[0];
			if (matrix.type === 'matrix') matrix.rows[1].key = 'Q3';
		});
		expect(problems).toEqual([
			{ where: { section: 1, question: 0, row: 1, field: 'key' }, message: 'キー「Q3」は Q3（人数） でも使われています。' },
			{ where: { section: 1, question: 1, field: 'key' }, message: 'キー「Q1」は Q1（使いますか） でも使われています。' }
		]);
	});

	it('reports an option code used twice', () => {
		const problems = changed((doc) => {
			const single = doc.sections[0].questions[0];
			if ('options' in single) single.options[1].code = 1;
		});
		expect(problems).toEqual([
			{ where: { section: 0, question: 0, option: 1, field: 'code' }, message: '選択肢の番号 1 が重複しています。' }
		]);
	});

	it('reports a matrix without rows', () => {
		const problems = changed((doc) => {
			const matrix = doc.sections[1].questions[0];
			if (matrix.type === 'matrix') matrix.rows = [];
		});
		expect(problems).toEqual([{ where: { section: 1, question: 0, field: 'rows' }, message: 'マトリクスに行がありません。' }]);
	});

	it('reports a condition naming a later question, an unknown question, or an unknown code', () => {
		const later = changed((doc) => {
			doc.sections[0].questions[0].showIf = { all: [{ question: 'Q3', op: 'answered' }] };
		});
		expect(later[0].where).toEqual({ section: 0, question: 0, field: 'showIf' });
		expect(later[0].message).toContain('この設問より前にありません');

		const unknown = changed((doc) => {
			doc.sections[1].showIf = { any: [{ question: 'Z9', op: 'answered' }] };
		});
		expect(unknown[0].where).toEqual({ section: 1, field: 'showIf' });

		const self = changed((doc) => {
			doc.sections[0].questions[0].showIf = { all: [{ question: 'Q1', op: 'equals', value: 1 }] };
		});
		expect(self).toHaveLength(1);

		const code = changed((doc) => {
			doc.sections[0].questions[1].showIf = { all: [{ question: 'Q1', op: 'oneOf', values: [1, 7] }] };
		});
		expect(code).toEqual([
			{ where: { section: 0, question: 1, field: 'showIf' }, message: '設問「Q1」に選択肢の番号 7 はありません。' }
		]);
	});

	it('reports a number comparison on a choice question and a matrix condition without a row', () => {
		const problems = changed((doc) => {
			doc.sections[1].questions[1].showIf = {
				all: [
					{ question: 'Q1', op: 'gt', value: 1 },
					{ question: 'Q4', op: 'equals', value: 1 }
				]
			};
		});
		expect(problems.map((p) => p.where)).toEqual([
			{ section: 1, question: 1, field: 'showIf' },
			{ section: 1, question: 1, field: 'showIf' }
		]);
		expect(problems.map((p) => p.message)).toEqual([
			'大小の比較は数値か尺度の設問にだけ使えます。',
			'マトリクスの設問「Q4」を条件にするときは行を指定してください。'
		]);
	});

	it('reports impossible selection limits and ranges', () => {
		const problems = changed((doc) => {
			Object.assign(q(doc, 'Q2'), { minSelect: 3, maxSelect: 4 });
			Object.assign(q(doc, 'Q6'), { min: 5, max: 5 });
			Object.assign(q(doc, 'Q3'), { min: 10, max: 1 });
		});
		expect(problems.map((p) => p.where)).toEqual([
			{ section: 0, question: 1, field: 'maxSelect' },
			{ section: 0, question: 2, field: 'max' },
			{ section: 1, question: 2, field: 'max' }
		]);
	});

	it('reports a bad key and an unknown property', () => {
		const problems = changed((doc) => {
			doc.sections[0].questions[2].key = '3人数';
			(doc.sections[0].questions[0] as Record<string, unknown>).colour = 'red';
		});
		expect(problems).toContainEqual({
			where: { section: 0, question: 2, field: 'key' },
			message: 'キーは英字で始まり、英数字と _ だけの 32 文字以内にしてください。'
		});
		expect(problems).toContainEqual({ where: { section: 0, question: 0 }, message: '知らない項目があります: colour' });
	});

	it('rejects what is not a questionnaire at all', () => {
		expect(problemsOf(null).length).toBeGreaterThan(0);
		expect(problemsOf({ format: 2 }).length).toBeGreaterThan(0);
	});
});
