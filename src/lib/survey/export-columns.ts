// The columns of the data exports, worked out from a questionnaire: the wide layout (one row
// per response) and the codebook that explains it. Pure, so the same layout serves every
// export and the tests.
import { indexRule } from '$lib/analytics/maturity-index';
import type { Question, Questionnaire } from './schema';
import { conditionToText } from './sheet-conditions';
import { forEachAnswer, type StoredAnswer } from './stored-answers';

export type ValueMode = 'codes' | 'labels';

export interface WideColumn {
	name: string;
	question: Question;
	/** value: the answer itself; option: 0/1 for one option of a multiple choice;
	 *  row: one matrix row; other: the words of an "other (please specify)". */
	part: 'value' | 'option' | 'row' | 'other';
	code?: number;
	row?: string;
}

export const RESPONSE_COLUMNS = ['response_id', 'version', 'channel', 'language', 'submitted_on'] as const;

export function wideColumns(doc: Questionnaire): WideColumn[] {
	const columns: WideColumn[] = [];
	for (const section of doc.sections)
		for (const q of section.questions) {
			if (q.type === 'multiple')
				for (const o of q.options) columns.push({ name: `${q.key}_${o.code}`, question: q, part: 'option', code: o.code });
			else if (q.type === 'matrix')
				for (const r of q.rows) columns.push({ name: r.key, question: q, part: 'row', row: r.key });
			else columns.push({ name: q.key, question: q, part: 'value' });
			if ('options' in q && q.options.some((o) => o.other))
				columns.push({ name: `${q.key}_other`, question: q, part: 'other' });
		}
	return columns;
}


/** What a 不明 answer (marked but unreadable, paper) shows in the export. */
export const INVALID_CELL = '不明';
/** The last wide column: keys of questions answered though the conditions said to skip them. */
export const SKIPPED_COLUMN = 'answered_though_skipped';

/** Where one question's answers go in the wide row, and how its codes are written. */
interface Target<T> {
	/** The column of a single value (single choice, dropdown, scale, number, text), or -1. */
	value: number;
	/** Matrix rows: row key → column. */
	rows: Map<string, number> | null;
	/** Multiple choice: option code → its 0/1 column, and all of those columns. */
	options: Map<number, number> | null;
	optionColumns: number[];
	/** The column of the words of an "other (please specify)", or -1. */
	other: number;
	/** Option code → the cell written for it (the code, or its label). */
	shown: Map<number, T>;
}

/**
 * Fills one response's cells from its stored answers (the JSON on its row), straight into the wide columns, each
 * cell already made by `cell`: written as CSV text, or left a value for a workbook ('' is an empty cell). Answers to questions a respondent did not see
 * are never stored, so those cells stay empty (never zero); a multiple choice that was
 * answered gets 0 or 1 in every option column. This runs for every answer of every exported
 * response, so each question's columns and the text of each code are worked out once here.
 */
export function wideFiller<T extends string | number>(
	columns: WideColumn[],
	mode: ValueMode,
	cell: (value: string | number) => T
): (answers: string) => (T | '')[] {
	const targets = new Map<string, Target<T>>();
	for (const [i, c] of columns.entries()) {
		const q = c.question;
		let t = targets.get(q.key);
		if (!t) {
			const shown = new Map('options' in q ? q.options.map((o) => [o.code, cell(mode === 'labels' ? o.label.ja : o.code)]) : []);
			t = { value: -1, rows: null, options: null, optionColumns: [], other: -1, shown };
			targets.set(q.key, t);
		}
		if (c.part === 'value') t.value = i;
		else if (c.part === 'row') (t.rows ??= new Map()).set(c.row!, i);
		else if (c.part === 'option') ((t.options ??= new Map()).set(c.code!, i), t.optionColumns.push(i));
		else t.other = i;
	}
	const [zero, one, invalid] = [cell(0), cell(1), cell(INVALID_CELL)];
	const codeCell = (t: Target<T>, code: number) => t.shown.get(code) ?? cell(code);
	const blank: (T | '')[] = new Array(columns.length + 1).fill('');
	return (answers) => {
		const cells = blank.slice();
		let skipped = '';
		forEachAnswer(answers, (a: Readonly<StoredAnswer>) => {
			const { questionKey: key, rowKey: row, code, text } = a;
			if (a.skipped && !` ${skipped} `.includes(` ${key} `)) skipped = skipped ? `${skipped} ${key}` : key;
			const t = targets.get(key);
			if (!t) return;
			if (a.status === 'invalid') {
				if (t.options) for (const i of t.optionColumns) cells[i] = invalid;
				else {
					const i = row ? (t.rows?.get(row) ?? -1) : t.value;
					if (i >= 0) cells[i] = invalid;
				}
				return;
			}
			if (row) {
				const i = t.rows?.get(row);
				if (i !== undefined && code !== null) cells[i] = codeCell(t, code);
				return;
			}
			if (t.options) {
				for (const i of t.optionColumns) if (cells[i] === '') cells[i] = zero;
				const i = code === null ? undefined : t.options.get(code);
				if (i !== undefined) cells[i] = one;
			} else if (t.value >= 0) {
				const number = a.number;
				cells[t.value] = code !== null ? codeCell(t, code) : number !== null ? cell(number) : text !== null ? cell(text) : '';
			}
			if (code !== null && text !== null && t.other >= 0) cells[t.other] = cell(text);
		});
		cells[columns.length] = cell(skipped);
		return cells;
	};
}

export const CODEBOOK_COLUMNS = [
	'column', 'question_key', 'section', 'type', 'question_ja', 'required', 'show_if', 'code', 'label_ja', 'note'
] as const;

/** One row per column of the wide export, and one per option code, with its meaning. */
export function codebookRows(doc: Questionnaire): (string | number)[][] {
	const rows: (string | number)[][] = [];
	for (const section of doc.sections)
		for (const q of section.questions) {
			const common = (column: string) => [
				column, q.key, section.key, q.type, q.label.ja, q.required ? 1 : 0,
				q.showIf ? conditionToText(q.showIf) : section.showIf ? conditionToText(section.showIf) : ''
			];
			if (q.type === 'multiple')
				for (const o of q.options)
					rows.push([...common(`${q.key}_${o.code}`), o.code, o.label.ja, '1 = 選んだ、0 = 選ばなかった、空欄 = 非該当または無回答、不明 = 読み取れない回答（紙）' + (o.exclusive ? '（単独で選ぶ選択肢）' : '')]);
			else if (q.type === 'matrix')
				for (const r of q.rows) {
					rows.push([...common(r.key), '', r.label.ja, '行']);
					for (const o of q.options) rows.push([...common(r.key), o.code, o.label.ja, '']);
				}
			else if ('options' in q) for (const o of q.options) rows.push([...common(q.key), o.code, o.label.ja, '']);
			else if (q.type === 'scale')
				rows.push([...common(q.key), '', `${q.min}〜${q.max}`, [q.minLabel && `${q.min} = ${q.minLabel.ja}`, q.maxLabel && `${q.max} = ${q.maxLabel.ja}`].filter(Boolean).join('、')]);
			else rows.push([...common(q.key), '', '', q.type === 'number' ? '数値' : '自由記述']);
			if ('options' in q && q.options.some((o) => o.other))
				rows.push([...common(`${q.key}_other`), '', '', '「その他」の具体的な内容']);
		}
	// The index is computed when tabulating, not a column of the file: its rule, for whoever re-computes it.
	if (doc.index)
		rows.push([doc.index.key, '', '', 'index', doc.index.name.ja, 0, '', '', '（集計時に計算する値。個票データの列ではありません）', indexRule(doc, doc.index)]);
	return rows;
}
