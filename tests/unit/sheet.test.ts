import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { COLUMNS, csvToQuestionnaire, questionnaireToCsv } from '../../src/lib/survey/sheet';
import { conditionToText, textToCondition } from '../../src/lib/survey/sheet-conditions';
import { checkQuestionnaire } from '../../src/lib/survey/check-document';
import { bundled, small } from './support/questionnaires';

const valid = (doc: unknown) => {
	const r = checkQuestionnaire(doc);
	if (!r.ok) throw new Error(JSON.stringify(r.problems));
	return r.doc;
};

/** A sheet built from rows of cells by column name. */
function sheet(rows: Record<string, string>[], columns: string[] = [...COLUMNS]): string {
	return Papa.unparse({ fields: columns, data: rows.map((r) => columns.map((c) => r[c] ?? '')) });
}

function smallRows(): Record<string, string>[] {
	const csv = questionnaireToCsv(small());
	return Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

describe('the questionnaire spreadsheet (CSV)', () => {
	it('round-trips the bundled 2022 template exactly', () => {
		const doc = valid(bundled());
		const csv = questionnaireToCsv(doc);
		expect(csv.startsWith('\uFEFFkind,key,type,required,label_ja')).toBe(true);
		const back = csvToQuestionnaire(csv);
		if (!back.ok) throw new Error(JSON.stringify(back.problems.slice(0, 5)));
		expect(back.doc).toEqual(doc);
		// And once more: the second export is the same text.
		expect(questionnaireToCsv(back.doc)).toBe(csv);
	});

	it('and as JSON: the exported file read back is the same questionnaire', () => {
		const doc = valid(bundled());
		const exported = JSON.stringify(doc, null, '\t');
		expect(valid(JSON.parse(exported))).toEqual(doc);
	});

	it('round-trips every question type', () => {
		const doc = valid(small());
		const back = csvToQuestionnaire(questionnaireToCsv(doc));
		expect(back.ok && back.doc).toEqual(doc);
	});

	it('reports an unknown column and a missing one in the header row', () => {
		const result = csvToQuestionnaire(sheet([{ kind: 'meta' }], ['kind', 'key', 'colour']));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toContainEqual({ row: 1, column: 'colour', message: '知らない列「colour」があります。' });
		expect(result.problems).toContainEqual({ row: 1, column: 'label_ja', message: '列「label_ja」がありません。' });
	});

	it('reports bad rows with their row and column, all at once', () => {
		const rows = smallRows();
		const q1 = rows.findIndex((r) => r.key === 'Q1');
		rows[q1].type = 'slider';
		rows[q1 + 1].code = 'A';
		rows.splice(q1 + 2, 0, { kind: 'widget', key: 'x' });
		const q3 = rows.findIndex((r) => r.key === 'Q3');
		rows[q3].max = 'many';
		rows[q3].show_if = 'Q1 like 1';
		const result = csvToQuestionnaire(sheet(rows));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const where = result.problems.map((p) => `${p.row}:${p.column}`);
		expect(where).toEqual([`${q1 + 2}:type`, `${q1 + 3}:code`, `${q1 + 4}:kind`, `${q3 + 2}:max`, `${q3 + 2}:show_if`]);
		expect(result.problems[0].message).toContain('「slider」は使えない設問の種類です');
		// Each names the place its row makes, as the designer would.
		expect(result.problems.map((p) => p.place)).toEqual(['Q1（使いますか）', 'Q1（使いますか）の選択肢1', undefined, 'Q3（人数）', 'Q3（人数）']);
	});

	it('reports an option with no question above it', () => {
		const result = csvToQuestionnaire(sheet([{ kind: 'section', key: 'S', label_ja: 'セクション' }, { kind: 'option', code: '1', label_ja: 'はい' }]));
		expect(!result.ok && result.problems[0]).toEqual({ row: 3, column: 'kind', message: '「option」の行の前に設問の行がありません。' });
	});

	it('reports questionnaire problems at the row and column they came from', () => {
		const rows = smallRows();
		const q3 = rows.findIndex((r) => r.key === 'Q3');
		rows[q3].key = 'Q1';
		const q5 = rows.findIndex((r) => r.key === 'Q5');
		rows[q5].label_ja = '';
		const firstOption = rows.findIndex((r) => r.kind === 'option');
		rows[firstOption + 1].code = rows[firstOption].code;
		const result = csvToQuestionnaire(sheet(rows));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toContainEqual({ row: q5 + 2, column: 'label_ja', place: 'Q5の設問文', message: '日本語の文言がありません。' });
		// Shape problems come first; fix the label and the remaining ones are found.
		rows[q5].label_ja = 'ご意見';
		const again = csvToQuestionnaire(sheet(rows));
		expect(!again.ok && again.problems).toEqual([
			{ row: firstOption + 3, column: 'code', place: 'Q1（使いますか）の選択肢2の番号', message: '選択肢の番号 1 が重複しています。' },
			{ row: q3 + 2, column: 'key', place: 'Q1（人数）のキー', message: 'キー「Q1」は Q1（使いますか） でも使われています。' }
		]);
	});

	it('reads a hand-written sheet with Japanese booleans and full-width digits', () => {
		const rows = smallRows();
		const q1 = rows.findIndex((r) => r.key === 'Q1');
		rows[q1].required = '○';
		const q3 = rows.findIndex((r) => r.key === 'Q3');
		rows[q3].max = '２０';
		const result = csvToQuestionnaire(sheet(rows));
		expect(result.ok).toBe(true);
	});
});

describe('conditions in a cell', () => {
	it.each([
		['D2 in 4,5', { all: [{ question: 'D2', op: 'oneOf', values: [4, 5] }] }],
		['D2 = 1', { all: [{ question: 'D2', op: 'equals', value: 1 }] }],
		['T1.T1_2 not in 1,2', { all: [{ question: 'T1', row: 'T1_2', op: 'noneOf', values: [1, 2] }] }],
		['C4 answered', { all: [{ question: 'C4', op: 'answered' }] }],
		['C4 not answered', { all: [{ question: 'C4', op: 'notAnswered' }] }],
		['all: F1 >= 7; F4 = 1', { all: [{ question: 'F1', op: 'gte', value: 7 }, { question: 'F4', op: 'equals', value: 1 }] }],
		['any: W1 < 3; W1 > 8', { any: [{ question: 'W1', op: 'lt', value: 3 }, { question: 'W1', op: 'gt', value: 8 }] }]
	])('%s', (text, condition) => {
		expect(textToCondition(text)).toEqual({ ok: true, condition });
		expect(conditionToText(condition as never)).toBe(text);
	});

	it('accepts Japanese commas and writes nested groups as JSON', () => {
		expect(textToCondition('D2 in 4、5')).toEqual({ ok: true, condition: { all: [{ question: 'D2', op: 'oneOf', values: [4, 5] }] } });
		const nested = { any: [{ question: 'A', op: 'answered' as const }, { all: [{ question: 'B', op: 'equals' as const, value: 1 }] }] };
		expect(textToCondition(conditionToText(nested))).toEqual({ ok: true, condition: nested });
	});

	it('explains what it cannot read', () => {
		expect(textToCondition('D2 in four')).toMatchObject({ ok: false });
		expect(textToCondition('2D = 1')).toMatchObject({ ok: false });
		expect(textToCondition('')).toEqual({ ok: false, message: '条件が空です。' });
	});
});
