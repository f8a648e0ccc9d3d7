// The columns of the data exports, worked out from a questionnaire: the wide layout (one row
// per response) and the codebook that explains it. Pure, so the same layout serves every
// export and the tests.
import type { Question, Questionnaire } from './schema';
import { conditionToText } from './sheet-conditions';
import type { PackedAnswer } from './packed-answers';

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

/**
 * Fills one response's cells from its stored answers, straight into the wide columns. Answers
 * to questions a respondent did not see are never stored, so those cells stay empty (never
 * zero); a multiple choice that was answered gets 0 or 1 in every option column.
 */
export function wideFiller(columns: WideColumn[], mode: ValueMode): (answers: PackedAnswer[]) => (string | number)[] {
	// Where each answer goes, looked up by question key (and code or matrix row) without making
	// strings per answer: this runs for every answer of every exported response.
	const value = new Map<string, number>();
	const rows = new Map<string, Map<string, number>>();
	const options = new Map<string, Map<number, number>>();
	const other = new Map<string, number>();
	const labels = new Map<string, Map<number, string>>();
	for (const [i, c] of columns.entries()) {
		const q = c.question;
		if (c.part === 'value') value.set(q.key, i);
		else if (c.part === 'row') rows.set(q.key, (rows.get(q.key) ?? new Map()).set(c.row!, i));
		else if (c.part === 'option') options.set(q.key, (options.get(q.key) ?? new Map()).set(c.code!, i));
		else other.set(q.key, i);
		if ('options' in q && !labels.has(q.key)) labels.set(q.key, new Map(q.options.map((o) => [o.code, o.label.ja])));
	}
	const optionColumns = new Map([...options].map(([key, m]) => [key, [...m.values()]]));
	const shown = (key: string, code: number) => (mode === 'labels' ? (labels.get(key)?.get(code) ?? code) : code);
	const blank: (string | number)[] = new Array(columns.length + 1).fill('');
	return (answers) => {
		const cells = blank.slice();
		let skipped = '';
		for (const [key, row, code = null, number = null, text = null, status = 'valid', skip = 0] of answers) {
			if (skip && !` ${skipped} `.includes(` ${key} `)) skipped = skipped ? `${skipped} ${key}` : key;
			const multiple = optionColumns.get(key);
			if (status === 'invalid') {
				const at = multiple ?? [row ? rows.get(key)?.get(row) : value.get(key)];
				for (const i of at) if (i !== undefined) cells[i] = INVALID_CELL;
				continue;
			}
			if (row) {
				const i = rows.get(key)?.get(row);
				if (i !== undefined && code !== null) cells[i] = shown(key, code);
				continue;
			}
			if (multiple) {
				for (const i of multiple) if (cells[i] === '') cells[i] = 0;
				const i = code === null ? undefined : options.get(key)!.get(code);
				if (i !== undefined) cells[i] = 1;
			} else {
				const i = value.get(key);
				if (i !== undefined) cells[i] = code !== null ? shown(key, code) : (number ?? text ?? '');
			}
			if (code !== null && text !== null) {
				const i = other.get(key);
				if (i !== undefined) cells[i] = text;
			}
		}
		cells[columns.length] = skipped;
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
	return rows;
}
