import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { checkPaper, paperFields } from '../../src/lib/survey/paper';
import { readPaperCsv } from '../../src/lib/survey/paper-import';
import { bundled } from './support/questionnaires';

const doc = bundled();

describe('a paper questionnaire as the clerk types it', () => {
	it('reads codes, several codes, matrix rows, numbers and texts; full-width digits too', () => {
		const { answers: rows, errors } = checkPaper(doc, { F1: '８', F3: '20', D2: '1', A1: '1 ３、4', T1_2: '2', W1: '7', C4: '紙で答えました' });
		expect(errors).toEqual({});
		expect(rows.map((r) => [r.questionKey, r.rowKey, r.code ?? r.number ?? r.text, r.status, r.skipped])).toEqual([
			['F1', '', 8, 'valid', 0],
			['F3', '', 20, 'valid', 0],
			['D2', '', 1, 'valid', 0],
			['A1', '', 1, 'valid', 0],
			['A1', '', 3, 'valid', 0],
			['A1', '', 4, 'valid', 0],
			['T1', 'T1_2', 2, 'valid', 0],
			['C4', '', '紙で答えました', 'valid', 0],
			['W1', '', 7, 'valid', 0]
		]);
	});

	it('records two marks on a single choice, and "?", as 不明; an empty box is 無回答 (no row)', () => {
		const { answers: rows, errors } = checkPaper(doc, { F1: '3 4', F2: '?', T1_1: '1 2', F4: '' });
		expect(errors).toEqual({});
		expect(rows).toEqual([
			{ questionKey: 'F1', rowKey: '', code: null, number: null, text: null, status: 'invalid', skipped: 0 },
			{ questionKey: 'F2', rowKey: '', code: null, number: null, text: null, status: 'invalid', skipped: 0 },
			{ questionKey: 'T1', rowKey: 'T1_1', code: null, number: null, text: null, status: 'invalid', skipped: 0 }
		]);
	});

	it('keeps an answer the conditions said to skip, flagged', () => {
		// D2 = 1 (daily user) skips D3, but the resident answered it anyway.
		const { answers: rows } = checkPaper(doc, { D2: '1', D3: '2', D3_other: '' });
		expect(rows.find((r) => r.questionKey === 'D3')).toMatchObject({ code: 2, skipped: 1, status: 'valid' });
		expect(rows.find((r) => r.questionKey === 'D2')).toMatchObject({ skipped: 0 });
	});

	it('calls a code that is not on the paper, or a number out of range, a typing error', () => {
		const { errors } = checkPaper(doc, { F1: '12', A1: '1 9', W1: '11', D3: 'x' });
		expect(Object.keys(errors)).toEqual(['F1', 'D3', 'A1', 'W1']);
		expect(errors.F1).toBe('「12」は F1 の選択肢の番号にありません。');
		expect(errors.W1).toContain('範囲（0〜10）の外です');
	});

	it('keeps the words of "other" with its code', () => {
		const { answers: rows } = checkPaper(doc, { D2: '5', D3: '7', D3_other: '時間がない' });
		expect(rows.find((r) => r.questionKey === 'D3')).toMatchObject({ code: 7, text: '時間がない' });
	});

	it('has a field per question, per matrix row and per "other" text', () => {
		const names = paperFields(doc).map((f) => f.name);
		expect(names).toContain('T1_5');
		expect(names).toContain('D3_other');
		expect(names).not.toContain('T1');
	});
});

describe('a CSV of paper questionnaires', () => {
	const csv = (rows: Record<string, string>[]) => {
		const fields = ['F1', 'F3', 'F4', 'D2', 'D3', 'T1_2', 'C4'];
		return Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) });
	};

	it('imports when every row is right', () => {
		const result = readPaperCsv(doc, csv([{ F1: '1', F3: '2', D2: '1' }, { F1: '9', F3: '21', D2: '5', D3: '2 6', C4: '改行\nあり' }]));
		expect(result.ok && result.forms.length).toBe(2);
	});

	it('lists every bad cell by row and column, and imports nothing', () => {
		const result = readPaperCsv(doc, csv([{ F1: '1' }, { F1: '13', T1_2: '8' }, { F4: 'a' }]));
		expect(result).toEqual({
			ok: false,
			problems: [
				{ row: 3, column: 'F1', message: '「13」は F1 の選択肢の番号にありません。' },
				{ row: 3, column: 'T1_2', message: '「8」は T1 の選択肢の番号にありません。' },
				{ row: 4, column: 'F4', message: '「a」は F4 の選択肢の番号にありません。' }
			]
		});
	});

	it('takes the invitation code printed on a questionnaire, for a survey with codes only', () => {
		const withCodes = '招待コード,F1,F3,F4\n1234-5678-9012,1,2,1\n,2,3,1\n';
		const result = readPaperCsv(doc, withCodes, true);
		expect(result.ok && result.forms.map((f) => f.invitation)).toEqual(['1234-5678-9012', undefined]);
		expect(readPaperCsv(doc, withCodes, false)).toMatchObject({ ok: false, problems: [{ row: 1, column: '招待コード' }] });
		// A code and nothing else is a blank questionnaire, not a response.
		expect(readPaperCsv(doc, '招待コード,F1\n1234-5678-9012,\n', true)).toEqual({
			ok: false,
			problems: [{ row: 2, column: '', message: '回答が何も入力されていません。白紙の調査票は取り込みません。' }]
		});
	});

	it('refuses a column the questionnaire does not have', () => {
		const result = readPaperCsv(doc, 'F1,Z9\n1,2\n');
		expect(result).toEqual({ ok: false, problems: [{ row: 1, column: 'Z9', message: '列「Z9」はこの調査票にありません。' }] });
	});
});
