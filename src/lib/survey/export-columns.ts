// The columns of the data exports, worked out from a questionnaire: the wide layout (one row
// per response) and the codebook that explains it. Pure, so the same layout serves every
// export and the tests.
import type { Question, Questionnaire } from './schema';
import { otherKey, type Answers, type MatrixValue } from './answers';
import { conditionToText } from './sheet-conditions';

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

const label = (q: Question, code: number) =>
	('options' in q ? q.options.find((o) => o.code === code)?.label.ja : undefined) ?? String(code);

/**
 * One response's cells for the wide columns. A question the respondent did not see is left
 * empty (not zero); a multiple choice that was seen but not answered is empty too, and one that
 * was answered has 0 or 1 for every option.
 */
export function wideCells(columns: WideColumn[], answers: Answers, visible: Set<string>, mode: ValueMode): (string | number)[] {
	return columns.map((c) => {
		const q = c.question;
		if (!visible.has(q.key)) return '';
		const value = answers[q.key];
		switch (c.part) {
			case 'option':
				return Array.isArray(value) ? (value.includes(c.code!) ? 1 : 0) : '';
			case 'row': {
				const code = (value as MatrixValue | undefined)?.[c.row!];
				return code === undefined ? '' : mode === 'labels' ? label(q, code) : code;
			}
			case 'other':
				return (answers[otherKey(q.key)] as string | undefined) ?? '';
			case 'value':
				if (value === undefined) return '';
				if (typeof value === 'number' && 'options' in q && mode === 'labels') return label(q, value);
				return value as string | number;
		}
	});
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
					rows.push([...common(`${q.key}_${o.code}`), o.code, o.label.ja, '1 = 選んだ、0 = 選ばなかった、空欄 = 非該当または無回答' + (o.exclusive ? '（単独で選ぶ選択肢）' : '')]);
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
