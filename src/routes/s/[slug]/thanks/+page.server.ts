import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { offeredLanguage, pagePreferences } from '$lib/server/preferences';
import { forResident } from '$lib/survey/for-resident';
import { footerOf } from '$lib/survey/privacy';
import { SURVEY_NOT_FOUND, t, uiText } from '$lib/survey/messages';
import type { Language, Text } from '$lib/survey/schema';

/**
 * The survey's own closing words without a first sentence that only thanks again: the page's
 * heading already says ご回答ありがとうございました (once is enough for a screen reader too).
 */
function closingWords(thanks: Text | undefined, lang: Language): string {
	const text = t(thanks, lang).trim();
	const heading = uiText(lang).thanksTitle;
	const first = /^[^。.!！]*[。.!！]\s*/.exec(text)?.[0] ?? '';
	const thanksAgain = /ありがとう|thank you/i.test(first) || first.startsWith(heading);
	return thanksAgain ? text.slice(first.length) : text;
}

export const load: PageServerLoad = ({ params, locals, url }) => {
	const found = surveys.findPublished(db(), params.slug);
	if (!found) error(404, SURVEY_NOT_FOUND);
	const prefs = pagePreferences(url, locals, found.document.languages);
	const lang = offeredLanguage(prefs.lang, found.document.languages);
	const doc = forResident(found.document, lang);
	return { slug: params.slug, lang, size: prefs.size, title: doc.title, closing: closingWords(doc.thanks, lang), footer: footerOf(params.slug, found.survey.contact, lang) };
};
