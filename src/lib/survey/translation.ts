// Whether each translation of a text still says what its Japanese says. A translation records
// the Japanese it was written or checked against (a short hash, Text.translatedFrom); once the
// Japanese changes, the translation is 要確認 (stale) until a translator edits it or marks it
// checked. A translation with no record (documents from before the record existed, imported
// sheets) is taken as made from the Japanese beside it: those were translated and reviewed
// together, and flagging every one would bury the real changes. The first edit of such a
// Japanese text records the Japanese it had, so the change is caught from then on.
import type { Language, Questionnaire, Text } from './schema';
import { LANGUAGE_NAMES, type Place, type PlacedProblem } from './places';
import { questionTexts } from './for-resident';

export type Translation = Exclude<Language, 'ja'>;
export const TRANSLATIONS: readonly Translation[] = ['easy', 'en'];
export type TranslationState = 'missing' | 'stale' | 'ok';
export const STATE_NAMES: Record<TranslationState, string> = { missing: '未入力', stale: '要確認', ok: 'OK' };

/** A short hash (FNV-1a, 32 bits) of the Japanese as it is kept: enough to see that it changed. */
export function japaneseHash(ja: string): string {
	let h = 0x811c9dc5;
	for (const ch of (ja ?? '').trim()) {
		h ^= ch.codePointAt(0)!;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(16).padStart(8, '0');
}

export function translationState(text: Text, lang: Translation): TranslationState {
	if (!text[lang]?.trim()) return 'missing';
	const madeFrom = text.translatedFrom?.[lang];
	return madeFrom === undefined || madeFrom === japaneseHash(text.ja) ? 'ok' : 'stale';
}

function withRecord(text: Text, record: Text['translatedFrom']): Text {
	const { translatedFrom: _old, ...rest } = text;
	return record && Object.keys(record).length ? { ...rest, translatedFrom: record } : rest;
}

/**
 * The text with one language typed anew: a translation is recorded as made from the Japanese
 * now beside it; a changed Japanese leaves its translations as made from the one before.
 */
export function editText(text: Text | undefined, lang: Language, value: string): Text {
	const before: Text = text ?? { ja: '' };
	const record = { ...before.translatedFrom };
	const next: Text = withRecord(before, undefined);
	if (lang === 'ja') {
		for (const t of TRANSLATIONS) if (before[t] && record[t] === undefined) record[t] = japaneseHash(before.ja);
		next.ja = value;
	} else if (value.trim()) {
		next[lang] = value;
		record[lang] = japaneseHash(before.ja);
	} else {
		delete next[lang];
		delete record[lang];
	}
	return withRecord(next, record);
}

/** 確認済みにする: the translation, as it is, says what the Japanese now says. */
export function confirmTranslation(text: Text, lang: Translation): Text {
	return withRecord(text, { ...text.translatedFrom, [lang]: japaneseHash(text.ja) });
}

/** Every text a resident reads, with its place (the analysts' index and unshown consent texts are not). */
export function residentTexts(doc: Questionnaire): { where: Place; text: Text }[] {
	const found: { where: Place; text: Text }[] = [];
	const add = (where: Place, text: Text | undefined) => text && found.push({ where, text });
	add({ field: 'title' }, doc.title);
	add({ field: 'description' }, doc.description);
	// The editor's draft may lack parts a valid document has: what is not there has nothing to translate.
	for (const key of ['purpose', 'access', 'agree'] as const) add({ field: `consent.${key}` }, doc.consent?.[key]);
	doc.sections.forEach((s, section) => {
		add({ section, field: 'title' }, s.title);
		add({ section, field: 'description' }, s.description);
		s.questions.forEach((q, question) => {
			for (const t of questionTexts(q)) add({ section, question, ...t.where }, t.text);
		});
	});
	add({ field: 'thanks' }, doc.thanks);
	return found;
}

export interface TranslationGap extends PlacedProblem {
	state: Exclude<TranslationState, 'ok'>;
	language: Translation;
}

/** Translations missing or stale in the languages the survey offers, in document order. */
export function translationGaps(doc: Questionnaire): TranslationGap[] {
	const offered = TRANSLATIONS.filter((t) => doc.languages.includes(t));
	return residentTexts(doc).flatMap(({ where, text }) =>
		offered.flatMap((language): TranslationGap[] => {
			const state = translationState(text, language);
			if (state === 'ok') return [];
			const name = LANGUAGE_NAMES[language];
			const message =
				state === 'missing' ? `${name}の文言がありません（未入力）。` : `日本語が変わった後、${name}の文言が確認されていません（要確認）。`;
			return [{ where: { ...where, language }, message, state, language }];
		})
	);
}

/** Names the gaps a confirmation accepted, so publishing proceeds only for those it named. */
export const gapsFingerprint = (gaps: readonly TranslationGap[]): string =>
	japaneseHash(gaps.map((g) => `${JSON.stringify(g.where)}:${g.state}`).join('\n'));
