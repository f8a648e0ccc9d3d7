// The questionnaire as a spreadsheet (CSV), in the spirit of XLSForm: one row per survey
// setting, section, question, option or matrix row, so staff can prepare a questionnaire in
// the spreadsheet tools they already use. Reading a sheet reports every problem with its row
// and column and builds nothing; writing then reading gives the same questionnaire back.
//
// Columns (the header row names them; their order is free, unknown columns are refused):
//   kind        meta | section | question | option | row | minLabel | maxLabel | unit
//   key         meta: the setting (title, description, languages, thanks, consent.purpose,
//               consent.stored, … consent.agree, index, format); section / question / row: its key
//   type        question: single | multiple | dropdown | scale | matrix | text | longtext | number
//   required    question: 1 when required
//   label_ja, label_easy, label_en     the text in each language
//   help_ja, help_easy, help_en        question: help text; section: its description
//   code, exclusive, other, score      option: its code, 1 for "none of these", 1 for
//                                      "other (please specify)", points for an index
//   min, max, integer, min_select, max_select, max_length, show_if, tags, value
// Options, rows and labels belong to the question above them; questions to the section above.
// Written like every other CSV here (formulas neutralised, numbers left numbers); read back
// with the neutralisation undone, so a label starting with = or @ comes back as it was.
import { parseCsv, toCsv } from '$lib/csv';
import type { Condition, Questionnaire, Text } from './schema';
import { checkQuestionnaire, type Problem } from './check-document';
import { describePlace, type Place } from './places';
import { conditionToText, textToCondition } from './sheet-conditions';

export const COLUMNS = [
	'kind', 'key', 'type', 'required', 'label_ja', 'label_easy', 'label_en', 'help_ja', 'help_easy', 'help_en',
	'code', 'exclusive', 'other', 'score', 'min', 'max', 'integer', 'min_select', 'max_select', 'max_length',
	'show_if', 'tags', 'value'
] as const;
type Column = (typeof COLUMNS)[number];
type SheetRow = Partial<Record<Column, string>>;
// Numbers are written as numbers, so a negative one is not neutralised as a formula would be.
type WrittenRow = Partial<Record<Column, string | number>>;

const CONSENT_KEYS = ['purpose', 'stored', 'notStored', 'access', 'retention', 'publication', 'voluntary', 'contact', 'agree'] as const;
const TEXT_META = ['title', 'description', 'thanks', ...CONSENT_KEYS.map((k) => `consent.${k}`)];

export interface SheetProblem {
	/** 1-based, counting the header as row 1, as a spreadsheet shows it. */
	row: number;
	column: string;
	message: string;
	/** The place in the questionnaire the row makes, in words (places.ts), where there is one. */
	place?: string;
}

// ---- writing ----------------------------------------------------------------------------

const flag = (b: boolean | undefined) => (b ? '1' : '');
const num = (n: number | undefined) => (n === undefined ? '' : n);

function textCells(prefix: 'label' | 'help', text: Text | undefined): WrittenRow {
	return text ? { [`${prefix}_ja`]: text.ja, [`${prefix}_easy`]: text.easy ?? '', [`${prefix}_en`]: text.en ?? '' } : {};
}

export function questionnaireToRows(doc: Questionnaire): WrittenRow[] {
	const rows: WrittenRow[] = [{ kind: 'meta', key: 'format', value: doc.format }];
	rows.push({ kind: 'meta', key: 'languages', value: doc.languages.join(',') });
	rows.push({ kind: 'meta', key: 'title', ...textCells('label', doc.title) });
	if (doc.description) rows.push({ kind: 'meta', key: 'description', ...textCells('label', doc.description) });
	for (const k of CONSENT_KEYS) if (doc.consent[k]) rows.push({ kind: 'meta', key: `consent.${k}`, ...textCells('label', doc.consent[k]) });
	if (doc.thanks) rows.push({ kind: 'meta', key: 'thanks', ...textCells('label', doc.thanks) });
	if (doc.index) rows.push({ kind: 'meta', key: 'index', value: JSON.stringify(doc.index) });
	for (const section of doc.sections) {
		rows.push({
			kind: 'section',
			key: section.key,
			...textCells('label', section.title),
			...textCells('help', section.description),
			show_if: section.showIf ? conditionToText(section.showIf) : ''
		});
		for (const q of section.questions) {
			rows.push({
				kind: 'question',
				key: q.key,
				type: q.type,
				required: flag(q.required),
				...textCells('label', q.label),
				...textCells('help', q.help),
				show_if: q.showIf ? conditionToText(q.showIf) : '',
				tags: (q.tags ?? []).join(';'),
				min: 'min' in q ? num(q.min) : '',
				max: 'max' in q ? num(q.max) : '',
				integer: q.type === 'number' ? flag(q.integer) : '',
				min_select: q.type === 'multiple' ? num(q.minSelect) : '',
				max_select: q.type === 'multiple' ? num(q.maxSelect) : '',
				max_length: q.type === 'text' || q.type === 'longtext' ? num(q.maxLength) : ''
			});
			if (q.type === 'scale') {
				if (q.minLabel) rows.push({ kind: 'minLabel', ...textCells('label', q.minLabel) });
				if (q.maxLabel) rows.push({ kind: 'maxLabel', ...textCells('label', q.maxLabel) });
			}
			if (q.type === 'number' && q.unit) rows.push({ kind: 'unit', ...textCells('label', q.unit) });
			if (q.type === 'matrix') for (const r of q.rows) rows.push({ kind: 'row', key: r.key, ...textCells('label', r.label) });
			if ('options' in q)
				for (const o of q.options)
					rows.push({
						kind: 'option',
						code: o.code,
						...textCells('label', o.label),
						exclusive: flag(o.exclusive),
						other: flag(o.other),
						score: num(o.score)
					});
		}
	}
	return rows;
}

export function questionnaireToCsv(doc: Questionnaire): string {
	return toCsv(COLUMNS, questionnaireToRows(doc).map((r) => COLUMNS.map((c) => r[c] ?? '')));
}

// ---- reading ----------------------------------------------------------------------------

export type SheetResult = { ok: true; doc: Questionnaire } | { ok: false; problems: SheetProblem[] };

const TYPES = ['single', 'multiple', 'dropdown', 'scale', 'matrix', 'text', 'longtext', 'number'];

/** Which sheet row made which place of the document, for reporting the document's problems. */
interface Origin {
	where: Place;
	row: number;
}

const FIELD_COLUMN: Record<string, string> = {
	minSelect: 'min_select', maxSelect: 'max_select', maxLength: 'max_length', showIf: 'show_if', options: 'kind', rows: 'kind'
};

/** The column a problem at `where` is in, on the row that made `origin`. */
function columnFor(where: Place, origin: Place | undefined): string {
	const lang = where.language ?? 'ja';
	const field = where.field;
	// A setting's row holds its text in label_*, other settings in value; a scale end's or unit's row, its text.
	if (origin?.field) return origin.section === undefined && !TEXT_META.includes(origin.field) ? 'value' : `label_${lang}`;
	if (!field) return 'key';
	if (field === 'label' || field === 'title') return `label_${lang}`;
	if (field === 'help' || field === 'description') return `help_${lang}`;
	return FIELD_COLUMN[field] ?? field;
}

export function csvToQuestionnaire(csv: string): SheetResult {
	const { rows: lines, problems } = parseCsv(csv, { restoreFormulae: true });
	const [header, ...body] = lines;
	if (!header) return { ok: false, problems: [{ row: 1, column: '', message: 'ファイルが空です。' }] };
	const names = header.map((h) => h.trim());
	names.forEach((name, i) => {
		if (!COLUMNS.includes(name as Column))
			problems.push({ row: 1, column: name || `${i + 1}列目`, message: `知らない列「${name}」があります。` });
	});
	for (const required of ['kind', 'key', 'label_ja'])
		if (!names.includes(required)) problems.push({ row: 1, column: required, message: `列「${required}」がありません。` });
	if (problems.length) return { ok: false, problems };

	const rows: SheetRow[] = body.map((cells) =>
		Object.fromEntries(names.map((name, i) => [name, (cells[i] ?? '').trim()]))
	);
	const origins: Origin[] = [];
	const doc = assemble(rows, problems, origins);
	const placeOfRow = new Map(origins.map((o) => [o.row, describePlace(doc, o.where)]));
	if (problems.length) return { ok: false, problems: sortProblems(problems).map((p) => ({ ...p, place: placeOfRow.get(p.row) })) };

	const checked = checkQuestionnaire(doc);
	if (checked.ok) return { ok: true, doc: checked.doc };
	return { ok: false, problems: checked.problems.map((p) => ({ ...locate(p, origins), place: describePlace(doc, p.where) })) };
}

/** In sheet order: by row, then by column as the header lists them. */
function sortProblems(problems: SheetProblem[]): SheetProblem[] {
	const index = (c: string) => COLUMNS.indexOf(c as Column);
	return problems.sort((a, b) => a.row - b.row || index(a.column) - index(b.column));
}

const PLACE_PARTS = ['section', 'question', 'option', 'row', 'field'] as const;

/** Maps a document problem to the sheet row it came from: the row that made the narrowest place holding it. */
function locate(problem: Problem, origins: Origin[]): SheetProblem {
	const holds = (o: Place) => PLACE_PARTS.every((part) => o[part] === undefined || o[part] === problem.where[part]);
	const narrowness = (o: Place) => PLACE_PARTS.filter((part) => o[part] !== undefined).length;
	let best: Origin | undefined;
	for (const o of origins) if (holds(o.where) && (!best || narrowness(o.where) > narrowness(best.where))) best = o;
	return { row: best?.row ?? 1, column: columnFor(problem.where, best?.where), message: problem.message };
}

function assemble(rows: SheetRow[], problems: SheetProblem[], origins: Origin[]): unknown {
	const doc: Record<string, unknown> = { format: 1, consent: {}, sections: [] };
	const sections = doc.sections as Record<string, unknown>[];
	let section: Record<string, unknown> | undefined;
	let question: Record<string, unknown> | undefined;
	const at = (row: number, column: Column, message: string) => problems.push({ row, column, message });

	rows.forEach((r, i) => {
		const row = i + 2;
		const text = (prefix: 'label' | 'help'): Text | undefined => {
			const ja = r[`${prefix}_ja`] ?? '';
			const easy = r[`${prefix}_easy`];
			const en = r[`${prefix}_en`];
			if (!ja && !easy && !en) return undefined;
			return { ja, ...(easy ? { easy } : {}), ...(en ? { en } : {}) };
		};
		const number = (column: Column): number | undefined => {
			const v = r[column];
			if (!v) return undefined;
			const n = Number(v.normalize('NFKC'));
			if (!Number.isFinite(n)) {
				at(row, column, `「${v}」は数ではありません。`);
				return undefined;
			}
			return n;
		};
		const bool = (column: Column): boolean | undefined => {
			const v = (r[column] ?? '').toLowerCase();
			if (!v || v === '0' || v === 'false' || v === 'no') return undefined;
			if (['1', 'true', 'yes', '○', 'y'].includes(v)) return true;
			at(row, column, `「${r[column]}」は 1 か空欄にしてください。`);
			return undefined;
		};
		const condition = (): Condition | undefined => {
			if (!r.show_if) return undefined;
			const c = textToCondition(r.show_if);
			if (!c.ok) at(row, 'show_if', c.message);
			return c.ok ? c.condition : undefined;
		};
		const clean = (o: Record<string, unknown>) => {
			for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
			return o;
		};
		const needQuestion = (kind: string) => {
			if (!question) at(row, 'kind', `「${kind}」の行の前に設問の行がありません。`);
			return question;
		};

		switch (r.kind) {
			case 'meta': {
				const key = r.key ?? '';
				if (key === 'format') doc.format = number('value');
				else if (key === 'languages') doc.languages = (r.value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
				else if (key === 'index') {
					try {
						doc.index = JSON.parse(r.value ?? '');
					} catch {
						at(row, 'value', '指標の定義（JSON）が読み取れません。');
					}
				} else if (TEXT_META.includes(key)) {
					const value = text('label');
					if (key.startsWith('consent.')) (doc.consent as Record<string, unknown>)[key.slice(8)] = value;
					else doc[key] = value;
				} else at(row, 'key', `設定「${key}」はありません。`);
				origins.push({ where: { field: key }, row });
				break;
			}
			case 'section':
				section = clean({ key: r.key, title: text('label'), description: text('help'), showIf: condition(), questions: [] });
				origins.push({ where: { section: sections.length }, row });
				sections.push(section);
				question = undefined;
				break;
			case 'question': {
				if (!section) {
					at(row, 'kind', '設問の行の前にセクションの行がありません。');
					break;
				}
				const type = r.type ?? '';
				if (!TYPES.includes(type)) at(row, 'type', `「${type}」は使えない設問の種類です（${TYPES.join(', ')}）。`);
				const qs = section.questions as Record<string, unknown>[];
				question = clean({
					key: r.key,
					type,
					label: text('label'),
					help: text('help'),
					required: bool('required'),
					showIf: condition(),
					tags: r.tags ? r.tags.split(';').map((t) => t.trim()).filter(Boolean) : undefined,
					min: number('min'),
					max: number('max'),
					integer: bool('integer'),
					minSelect: number('min_select'),
					maxSelect: number('max_select'),
					maxLength: number('max_length')
				});
				// An unknown type still takes its options and rows, so they are not reported twice.
				if (['single', 'multiple', 'dropdown', 'matrix'].includes(type) || !TYPES.includes(type)) question.options = [];
				if (type === 'matrix' || !TYPES.includes(type)) question.rows = [];
				origins.push({ where: { section: sections.length - 1, question: qs.length }, row });
				qs.push(question);
				break;
			}
			case 'option': {
				const q = needQuestion('option');
				if (!q) break;
				if (!Array.isArray(q.options)) {
					at(row, 'kind', `設問「${q.key}」（${q.type}）には選択肢を付けられません。`);
					break;
				}
				if (!r.code || !/^\d+$/.test(r.code)) at(row, 'code', `選択肢の番号「${r.code ?? ''}」は 0 以上の整数にしてください。`);
				origins.push({ where: { ...placeOf(sections, q), option: q.options.length }, row });
				q.options.push(clean({ code: Number(r.code), label: text('label'), exclusive: bool('exclusive'), other: bool('other'), score: number('score') }));
				break;
			}
			case 'row': {
				const q = needQuestion('row');
				if (!q) break;
				if (!Array.isArray(q.rows)) {
					at(row, 'kind', `設問「${q.key}」はマトリクスではないので行を付けられません。`);
					break;
				}
				origins.push({ where: { ...placeOf(sections, q), row: q.rows.length }, row });
				q.rows.push(clean({ key: r.key, label: text('label') }));
				break;
			}
			case 'minLabel':
			case 'maxLabel':
			case 'unit': {
				const q = needQuestion(r.kind);
				if (!q) break;
				origins.push({ where: { ...placeOf(sections, q), field: r.kind }, row });
				q[r.kind] = text('label');
				break;
			}
			default:
				at(row, 'kind', `「${r.kind ?? ''}」は使えない行の種類です（meta, section, question, option, row, minLabel, maxLabel, unit）。`);
		}
	});
	return doc;
}

function placeOf(sections: Record<string, unknown>[], question: Record<string, unknown>): Place {
	for (let s = 0; s < sections.length; s++) {
		const i = (sections[s].questions as unknown[]).indexOf(question);
		if (i >= 0) return { section: s, question: i };
	}
	return {};
}
