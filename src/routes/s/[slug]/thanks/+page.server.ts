import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { offeredLanguage, pagePreferences } from '$lib/server/preferences';
import { forResident } from '$lib/survey/for-resident';
import { footerOf } from '$lib/survey/privacy';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const found = surveys.findPublished(db(), params.slug);
	if (!found) error(404, 'お探しのアンケートは見つかりませんでした。');
	const prefs = pagePreferences(url, locals, found.document.languages);
	const lang = offeredLanguage(prefs.lang, found.document.languages);
	const doc = forResident(found.document, lang);
	return { slug: params.slug, lang, size: prefs.size, title: doc.title, thanks: doc.thanks, footer: footerOf(params.slug, found.survey.contact, lang) };
};
