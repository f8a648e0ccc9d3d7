// Where in a questionnaire something is, as data (a Place) and in the words a designer uses:
// 「F1（あなたの年齢を教えてください）の選択肢2」, not `sections[0].questions[0].options[1]`.
// The designer, the survey's staff page and the import reports all word places here, and
// link to them with the editor's anchors (#question-F1, #section-F).
import { LANGUAGES, type Language } from './schema';
import { plainText } from './ruby';

/** A place in a questionnaire: indexes count from 0, as in the document. */
export interface Place {
	section?: number;
	question?: number;
	/** A choice option (or a matrix's scale point). */
	option?: number;
	/** A matrix row. */
	row?: number;
	/** The property: label, help, key, code, showIf…; at the top, title, consent.purpose, index…. */
	field?: string;
	/** The language of a text, when the place is one language of it. */
	language?: Language;
}

/** Something wrong or missing at a place, in Japanese. */
export interface PlacedProblem {
	where: Place;
	message: string;
}

export const LANGUAGE_NAMES: Record<Language, string> = { ja: '日本語', easy: 'やさしい日本語', en: '英語' };

const CONTAINERS: Record<string, 'section' | 'question' | 'option' | 'row'> = {
	sections: 'section',
	questions: 'question',
	options: 'option',
	rows: 'row'
};
const isLanguage = (part: unknown): part is Language => LANGUAGES.includes(part as Language);

/** The place a document path points into, e.g. ['sections', 0, 'questions', 2, 'label', 'en']. */
export function placeOf(path: readonly PropertyKey[]): Place {
	const where: Place = {};
	for (let i = 0; i < path.length; i++) {
		const part = path[i];
		const container = typeof part === 'string' ? CONTAINERS[part] : undefined;
		if (container && typeof path[i + 1] === 'number') {
			where[container] = path[++i] as number;
			continue;
		}
		where.field = String(part);
		if (part === 'consent' && typeof path[i + 1] === 'string') where.field += `.${String(path[++i])}`;
		if (isLanguage(path[i + 1])) where.language = path[i + 1] as Language;
		break;
	}
	return where;
}

const TOP: Record<string, string> = {
	format: '形式の番号（format）',
	title: '調査名',
	description: '調査の説明',
	languages: '提供する言語',
	consent: '同意の文面',
	'consent.purpose': '同意の文面「このアンケートの目的」',
	'consent.access': '同意の文面「回答を見ることができる人」',
	'consent.agree': '同意のチェックの文',
	sections: 'セクション',
	thanks: '送信後のお礼の文',
	index: '指標の定義'
};
const SECTION_FIELDS: Record<string, string> = {
	key: 'キー',
	title: '題名',
	description: '説明',
	showIf: '表示の条件',
	questions: '設問'
};
const QUESTION_FIELDS: Record<string, string> = {
	key: 'キー',
	type: '種類',
	label: '設問文',
	help: '補足の説明',
	required: '必須',
	showIf: '表示の条件',
	tags: 'タグ',
	options: '選択肢',
	rows: '行',
	minSelect: '最少の選択数',
	maxSelect: '最多の選択数',
	min: '最小',
	max: '最大',
	minLabel: '最小の意味',
	maxLabel: '最大の意味',
	integer: '整数のみ',
	unit: '単位',
	maxLength: '最大の文字数'
};
const ITEM_FIELDS: Record<string, string> = {
	key: 'キー',
	code: '番号',
	exclusive: '「ほかと同時に選べない」',
	other: '「その他（具体的に）」',
	score: '点数'
};

type Loose = Record<string, unknown> | undefined;
const at = (list: unknown, i: number | undefined): Loose =>
	Array.isArray(list) && i !== undefined && list[i] && typeof list[i] === 'object' ? (list[i] as Record<string, unknown>) : undefined;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const japanese = (text: unknown) => plainText(str((text as Loose)?.ja));

/** A label short enough for a list: its first words, without the closing 。. */
function short(text: string, max = 16): string {
	const t = text.replace(/[。．.]$/, '');
	return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function sectionName(section: Loose, s: number): string {
	const title = japanese(section?.title);
	return `セクション${s + 1}${title ? `（${short(title)}）` : ''}`;
}

function questionName(question: Loose, q: number, section: Loose, s: number): string {
	const key = str(question?.key);
	const label = japanese(question?.label);
	const name = key || `${sectionName(section, s)}の${q + 1}番目の設問`;
	return label ? `${name}（${short(label)}）` : name;
}

/**
 * The place in words. `doc` may be any document, valid or not (an import being checked): what
 * it lacks is worded by position. Within a question's own card, `inQuestion` leaves its name out.
 */
export function describePlace(doc: unknown, where: Place, { inQuestion = false } = {}): string {
	const field = where.field;
	if (where.section === undefined) return (field && (TOP[field] ?? (field.startsWith('consent.') ? '同意の文面' : field))) || '調査票';
	const section = at((doc as Loose)?.sections, where.section);
	if (where.question === undefined)
		return [sectionName(section, where.section), field && (SECTION_FIELDS[field] ?? field)].filter(Boolean).join('の');
	const question = at(section?.questions, where.question);
	const parts = inQuestion ? [] : [questionName(question, where.question, section, where.section)];
	const item = where.option !== undefined ? `選択肢${where.option + 1}` : where.row !== undefined ? `行${where.row + 1}` : undefined;
	if (item) parts.push(field && field !== 'label' ? `${item}の${ITEM_FIELDS[field] ?? field}` : item);
	else if (field) parts.push(QUESTION_FIELDS[field] ?? field);
	return parts.join('の') || 'この設問';
}

/** The editor's anchor for a place: its question's card, its section, or the survey's own texts. */
export function anchorOf(doc: unknown, where: Place): string {
	const section = at((doc as Loose)?.sections, where.section);
	const key = str(at(section?.questions, where.question)?.key);
	if (key) return `question-${key}`;
	return str(section?.key) ? `section-${str(section?.key)}` : 'survey-texts';
}

export interface WordedProblem {
	place: string;
	message: string;
	/** The editor's anchor, without the #. */
	anchor: string;
}

/** Problems in words with their anchors, each said once (the same place and reason may be found twice). */
export function wordProblems(doc: unknown, problems: readonly PlacedProblem[]): WordedProblem[] {
	const seen = new Set<string>();
	return problems.flatMap((p) => {
		const worded = { place: describePlace(doc, p.where), message: p.message, anchor: anchorOf(doc, p.where) };
		const id = `${worded.place}\n${worded.message}`;
		if (seen.has(id)) return [];
		seen.add(id);
		return [worded];
	});
}
