// 「このアンケートの個人情報の取扱い」: the full privacy notice of a survey, public, in the
// resident's language, readable before, while and after answering.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { pagePreferences } from '$lib/server/preferences';
import { SURVEY_NOT_FOUND } from '$lib/survey/messages';
import { forResident } from '$lib/survey/for-resident';
import { footerOf, privacyNotice } from '$lib/survey/privacy';
import { config } from '$lib/server/config';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const found = surveys.findPublished(db(), params.slug);
	if (!found || found.survey.status === 'draft' || found.survey.status === 'archived')
		error(404, SURVEY_NOT_FOUND);
	const { survey, document } = found;
	const { lang, size } = pagePreferences(url, locals, document.languages);
	return {
		slug: survey.slug,
		lang,
		size,
		languages: document.languages,
		title: forResident(document, lang).title,
		notice: privacyNotice(document, survey, lang, config.timeZone),
		footer: footerOf(survey.slug, survey.contact, lang)
	};
};
