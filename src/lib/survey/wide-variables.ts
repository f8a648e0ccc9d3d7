// Every column of the wide export as a statistics package sees a variable: its name, its label,
// what its cells hold and the labels of its values, in the file's order. The workbook's 値ラベル
// sheet and the R and SPSS scripts are written from this, so they name exactly the columns that
// the export writes (a test holds the two equal). Pure.
import { CHANNEL_NAMES, LANGUAGE_NAMES } from '$lib/analytics/labels';
import type { Questionnaire } from './schema';
import { INVALID_CELL, RESPONSE_COLUMNS, SKIPPED_COLUMN, wideColumns } from './export-columns';
import { textLimit } from './validate-answers';

export interface ValueLabel {
	code: number | string;
	label: string;
}

export interface WideVariable {
	name: string;
	label: string;
	/** code: one of `values` (numbers, or the words of a response column); number: a number; text: free text. */
	kind: 'code' | 'number' | 'text';
	values: ValueLabel[];
	/** An answer's column, where a paper questionnaire's unreadable answer is written 不明. */
	answer: boolean;
	/** The longest text the column can hold, in characters (text columns). */
	width?: number;
}

/** The column of each response's raking weight, when the survey has weights. */
export const WEIGHT_COLUMN = 'weight';
export const WEIGHT_LABEL = 'ウェイト（母集団の構成に合わせるレーキングの重み、平均 1）';

const CHOSEN: ValueLabel[] = [
	{ code: 0, label: '選ばなかった' },
	{ code: 1, label: '選んだ' }
];

const named = (names: Record<string, string>): ValueLabel[] => Object.entries(names).map(([code, label]) => ({ code, label }));

/** The variables of the wide export of a questionnaire, with the weight column when `weighted`. */
export function wideVariables(doc: Questionnaire, weighted: boolean): WideVariable[] {
	const response = (name: string, label: string, kind: WideVariable['kind'], values: ValueLabel[] = [], width?: number): WideVariable => ({
		name, label, kind, values, answer: false, ...(width ? { width } : {})
	});
	const [id, version, channel, language, day] = RESPONSE_COLUMNS;
	const list: WideVariable[] = [
		response(id, '回答ID', 'text', [], 24),
		response(version, '回答した調査票の版', 'number'),
		response(channel, '回答方法', 'code', named(CHANNEL_NAMES), 6),
		response(language, '回答した言語', 'code', named(LANGUAGE_NAMES), 4),
		response(day, '受付日', 'text', [], 10),
		response('synthetic', '合成データ（デモ用）か', 'code', [{ code: 0, label: '実際の回答' }, { code: 1, label: '合成データ' }])
	];
	for (const c of wideColumns(doc)) {
		const q = c.question;
		const options = 'options' in q ? q.options.map((o) => ({ code: o.code, label: o.label.ja })) : [];
		const answer = (label: string, kind: WideVariable['kind'], values: ValueLabel[] = [], width?: number) =>
			list.push({ name: c.name, label, kind, values, answer: true, ...(width ? { width } : {}) });
		if (c.part === 'option') answer(`${q.label.ja}：${options.find((o) => o.code === c.code)!.label}`, 'code', CHOSEN);
		else if (c.part === 'row' && q.type === 'matrix') answer(`${q.label.ja}：${q.rows.find((r) => r.key === c.row)!.label.ja}`, 'code', options);
		else if (c.part === 'other') answer(`${q.label.ja}：「その他」の内容`, 'text', [], textLimit(q));
		else if (q.type === 'scale')
			answer(q.label.ja, 'number', [
				...(q.minLabel ? [{ code: q.min, label: q.minLabel.ja }] : []),
				...(q.maxLabel ? [{ code: q.max, label: q.maxLabel.ja }] : [])
			]);
		else if (q.type === 'number') answer(q.unit ? `${q.label.ja}（単位：${q.unit.ja}）` : q.label.ja, 'number');
		else if (q.type === 'text' || q.type === 'longtext') answer(q.label.ja, 'text', [], textLimit(q));
		else answer(q.label.ja, 'code', options);
	}
	const keys = doc.sections.flatMap((s) => s.questions.map((q) => q.key));
	list.push(response(SKIPPED_COLUMN, '表示の条件に合わないのに答えた設問（紙）', 'text', [], Math.max(1, keys.join(' ').length)));
	if (weighted) list.push(response(WEIGHT_COLUMN, WEIGHT_LABEL, 'number'));
	return list;
}

/** The value-label sheet of the wide workbook: one row per labelled value of each column. */
export function valueLabelRows(variables: WideVariable[]): (string | number)[][] {
	const rows: (string | number)[][] = [['column', 'label_ja', 'code', 'value_label_ja']];
	for (const v of variables) {
		for (const value of v.values) rows.push([v.name, v.label, value.code, value.label]);
		if (v.answer && v.kind !== 'text') rows.push([v.name, v.label, INVALID_CELL, '読み取れない回答（紙の調査票）']);
	}
	return rows;
}
