// A questionnaire's title: read from any document (a draft may not be valid yet), compared as
// people read it, and carried to a new edition with its fiscal year moved on, in the era
// (令和4年度, R4年度) and in 西暦 (2022年度, FY2022) alike. Pure, for the browser and the server.
import { eraOfFiscalYear, eraFiscalYearName, fiscalYearOfEra } from '$lib/dates';
import { LANGUAGES, type Text } from './schema';
import { TRANSLATIONS, confirmTranslation, translationState } from './translation';

/** The Japanese title of a document, if it has one that is not blank. */
export function documentTitle(document: unknown): string | undefined {
	const title = (document as { title?: { ja?: unknown } } | null)?.title?.ja;
	return typeof title === 'string' && title.trim() ? title.trim() : undefined;
}

/** A title as compared: full-width letters and digits as half-width, spaces of any kind left out. */
const comparable = (title: string) => title.normalize('NFKC').replace(/\s+/gu, '');

/** Whether two titles read the same (２０２２ and 2022, 「令和4年度　調査」 and 「令和4年度 調査」). */
export const sameTitle = (a: string, b: string) => comparable(a) === comparable(b);

/**
 * The fiscal year a new edition is suggested for: the one after its source's, but not one before
 * `planningYear`, the year new surveys are usually made for (the 2022 template is not for 2023).
 */
export const nextEditionYear = (sourceYear: number, planningYear: number) => Math.max(sourceYear + 1, planningYear);

const WIDE_ZERO = '０'.charCodeAt(0);
const isWide = (digits: string) => /[０-９]/.test(digits);
const halfWidth = (digits: string) => digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - WIDE_ZERO));
const inWidth = (n: number, wide: boolean) => (wide ? String(n).replace(/\d/g, (d) => String.fromCharCode(WIDE_ZERO + Number(d))) : String(n));

/** A year named in a text, and how to write another year the same way. */
interface Mention {
	index: number;
	length: number;
	year: number;
	write: (year: number) => string;
}

// 令和4年, 令和 ４ 年, 令和元年, R4年 (not the R of a word): the era form, always followed by 年.
const ERA = /(?<![A-Za-z])(令和|平成|昭和|R|H)(\s*)(元|[0-9０-９]{1,2})(?=\s*年)/g;
// 2022, ２０２２, FY2022 (not part of a longer number): the 西暦 form, from 1926 (昭和) to 2100.
const WESTERN = /(?<![0-9０-９])([12][0-9]{3}|[１２][０-９]{3})(?![0-9０-９])/g;

function mentions(text: string): Mention[] {
	const found: Mention[] = [];
	for (const m of text.matchAll(ERA)) {
		const [whole, era, space, digits] = m;
		const year = fiscalYearOfEra(era, digits === '元' ? 1 : Number(halfWidth(digits)));
		if (year === undefined) continue;
		const letter = era.length === 1;
		found.push({
			index: m.index,
			length: whole.length,
			year,
			write: (to) => {
				const e = eraOfFiscalYear(to);
				if (!e) return whole;
				const n = !letter && e.year === 1 ? '元' : inWidth(e.year, isWide(digits));
				return `${letter ? e.letter : e.name}${space}${n}`;
			}
		});
	}
	for (const m of text.matchAll(WESTERN)) {
		const year = Number(halfWidth(m[1]));
		if (year < 1926 || year > 2100) continue;
		found.push({ index: m.index, length: m[1].length, year, write: (to) => inWidth(to, isWide(m[1])) });
	}
	return found;
}

/** A text with the mentions of one year written as another. */
function moveYear(text: string, from: number, to: number): string {
	let out = '';
	let at = 0;
	for (const m of mentions(text).filter((m) => m.year === from).sort((a, b) => a.index - b.index)) {
		out += text.slice(at, m.index) + m.write(to);
		at = m.index + m.length;
	}
	return out + text.slice(at);
}

/**
 * The title of a new edition for fiscal year `to`, from its source's, for fiscal year `from`:
 * every mention of the source's year moved on (「令和4年度 …」 → 「令和9年度 …」, FY2022 →
 * FY2027). A title that names some other single year (one left unchanged a year before) has that
 * year moved instead; a Japanese title that names no year is given one in front.
 */
export function nextEditionTitle(title: Text, from: number, to: number): Text {
	const texts = LANGUAGES.flatMap((lang) => (title[lang] ? [[lang, title[lang]] as const] : []));
	const years = new Set(texts.flatMap(([, text]) => mentions(text).map((m) => m.year)));
	const named = years.has(from) ? from : years.size === 1 ? [...years][0] : undefined;
	let moved: Text = { ja: title.ja };
	for (const [lang, text] of texts) moved[lang] = named === undefined ? text : moveYear(text, named, to);
	if (!mentions(title.ja).length) moved.ja = `${eraFiscalYearName(to)} ${title.ja}`;
	// A translation that matched the Japanese still does: the year moved in both.
	for (const lang of TRANSLATIONS) if (title[lang] && translationState(title, lang) === 'ok') moved = confirmTranslation(moved, lang);
	return moved;
}

/** A survey a new one may start from: its Japanese title and its fiscal year. */
export interface EditionSource {
	title: string;
	fiscalYear: number;
}

/**
 * What a new survey is suggested to be: for which fiscal year (`year` when the official chose
 * one) and under which title; from no source (blank, a file), the planning year and no title.
 */
export function suggestEdition(source: EditionSource | undefined, planningYear: number, year?: number): { fiscalYear: number; title: string } {
	const fiscalYear = year ?? (source ? nextEditionYear(source.fiscalYear, planningYear) : planningYear);
	return { fiscalYear, title: source ? nextEditionTitle({ ja: source.title }, source.fiscalYear, fiscalYear).ja : '' };
}
