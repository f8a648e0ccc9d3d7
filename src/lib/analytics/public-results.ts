// The public results page's content in the resident's language: the published tables (hidden
// counts already null) grouped by the questionnaire's sections, with the questionnaire's own
// words for questions, rows and answers, and the key findings that open the page. A text with
// no translation is given in Japanese and says so (`ja`), so the page can mark it lang="ja".
import type { Language, Question, Questionnaire, Text } from '$lib/survey/schema';
import { resultsText } from '$lib/survey/results-messages';
import { questionNumbers } from '$lib/survey/question-numbers';
import type { PublishedTable } from './published-tables';
import { INVALID, NO_ANSWER } from './frequencies';

export interface Words {
	text: string;
	/** Shown in Japanese on a page in English or やさしい日本語 (no translation). */
	ja?: true;
}

export interface ResultItem {
	/** The option's code; a number's range by its lower end; 不明 and 無回答 by name (frequencies.ts). */
	code: number | string;
	label: Words;
	n: number | null;
	percent: number | null;
	/** 不明 or 無回答. */
	missing?: true;
}

export interface ResultTable {
	key: string;
	row?: Words;
	base: number | null;
	reference: boolean;
	withheld: boolean;
	hiding: boolean;
	mean: number | null;
	items: ResultItem[];
}

export interface ResultQuestion {
	key: string;
	/** 1 for the questionnaire's first question (問1), as the resident saw it numbered. */
	number: number;
	label: Words;
	multiple: boolean;
	tables: ResultTable[];
}

export interface ResultSection {
	key: string;
	title: Words;
	questions: ResultQuestion[];
}

export interface Finding {
	/** The table's key ('D2', 'T1.T1_2'). */
	key: string;
	/** The question's key, the anchor of its result. */
	questionKey: string;
	number: number;
	question: Words;
	answer: Words;
	percent: number;
	multiple: boolean;
}

/** A questionnaire text in the page's language, or in Japanese (and marked so). */
export function words(text: Text | undefined, lang: Language): Words {
	if (!text) return { text: '' };
	const own = text[lang];
	if (own) return { text: own };
	return lang === 'ja' ? { text: text.ja } : { text: text.ja, ja: true };
}

/** An answer's label in the page's language, found by its code in the questionnaire. */
function answerLabel(q: Question, code: number | string, published: string, lang: Language): Words {
	const w = resultsText(lang);
	if (code === INVALID) return { text: w.unreadable };
	if (code === NO_ANSWER) return { text: w.noAnswer };
	if ('options' in q) {
		const option = q.options.find((o) => o.code === code);
		if (option) return words(option.label, lang);
	}
	if (q.type === 'scale' && typeof code === 'number') {
		const anchor = code === q.min ? q.minLabel : code === q.max ? q.maxLabel : undefined;
		if (!anchor) return { text: String(code) };
		const a = words(anchor, lang);
		return { text: lang === 'en' && !a.ja ? `${code} (${a.text})` : `${code}（${a.text}）`, ...(a.ja ? { ja: true } : {}) };
	}
	const bin = /^(.+)〜(.+)未満$/.exec(published);
	if (bin) return { text: w.bin(bin[1], bin[2]) };
	return { text: published };
}

function resultTable(t: PublishedTable, q: Question, lang: Language): ResultTable {
	const row = q.type === 'matrix' && t.row ? q.rows.find((r) => r.key === t.row!.key) : undefined;
	return {
		key: t.key,
		...(row ? { row: words(row.label, lang) } : {}),
		base: t.base,
		reference: t.reference,
		withheld: t.withheld,
		hiding: t.hiding,
		mean: t.mean?.value ?? null,
		// 不明 and 無回答 only where someone is in them.
		items: t.categories
			.filter((c) => !(c.missing && c.n === 0))
			.map((c) => ({
				code: c.code,
				label: answerLabel(q, c.code, c.label, lang),
				n: c.n,
				percent: c.percent,
				...(c.missing ? { missing: true as const } : {})
			}))
	};
}

/** The published tables by section and question, in the questionnaire's order. */
export function resultSections(tables: PublishedTable[], doc: Questionnaire, lang: Language): ResultSection[] {
	const byQuestion = new Map<string, PublishedTable[]>();
	for (const t of tables) {
		const list = byQuestion.get(t.question.key) ?? [];
		list.push(t);
		byQuestion.set(t.question.key, list);
	}
	const numbers = questionNumbers(doc);
	const sections: ResultSection[] = [];
	for (const s of doc.sections) {
		const questions: ResultQuestion[] = [];
		for (const q of s.questions) {
			const published = byQuestion.get(q.key);
			if (!published) continue;
			questions.push({
				key: q.key,
				number: numbers.get(q.key)!,
				label: words(q.label, lang),
				multiple: q.type === 'multiple',
				tables: published.map((t) => resultTable(t, q, lang))
			});
		}
		if (questions.length) sections.push({ key: s.key, title: words(s.title, lang), questions });
	}
	return sections;
}

/**
 * The most common answer of each key question, in the questionnaire's order: those the
 * priority projects' indicators are counted from (table keys, 'D2' or 'T1.T1_2'), or where
 * there are none, the first question of each section. Only from a table that hides nothing
 * (a hidden count could be the largest) and whose base is not under 30.
 */
export function keyFindings(sections: ResultSection[], keys: readonly string[], max = 6): Finding[] {
	const wanted = new Set(keys);
	const all = sections.flatMap((s) => s.questions.flatMap((q) => q.tables.map((t) => ({ q, t }))));
	let chosen = all.filter(({ t }) => wanted.has(t.key));
	if (!chosen.length)
		chosen = sections.flatMap((s) => {
			const q = s.questions.find((q) => q.tables.length === 1);
			return q ? [{ q, t: q.tables[0] }] : [];
		});
	const findings: Finding[] = [];
	for (const { q, t } of chosen) {
		if (t.withheld || t.hiding || t.reference) continue;
		const answers = t.items.filter((i) => !i.missing && i.percent !== null);
		if (!answers.length) continue;
		const top = answers.reduce((a, b) => (b.percent! > a.percent! ? b : a));
		if (!top.percent) continue;
		findings.push({ key: t.key, questionKey: q.key, number: q.number, question: t.row ?? q.label, answer: top.label, percent: top.percent, multiple: q.multiple });
	}
	return findings.slice(0, max);
}
