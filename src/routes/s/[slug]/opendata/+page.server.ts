// What the survey's open data is (residents and anyone who would use it): its two files, what
// they hold, under what licence, and each column of the CSV; 404 unless its results are public.
import type { PageServerLoad } from './$types';
import { openData } from '$lib/server/open-data';
import { words } from '$lib/analytics/public-results';
import { pagePreferences } from '$lib/server/preferences';
import { methodWords } from '$lib/survey/open-data-messages';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const { survey, facts, document } = await openData(params.slug);
	const { lang, size } = pagePreferences(url, locals, document.languages);
	return {
		slug: survey.slug,
		lang,
		size,
		languages: document.languages,
		title: words(document.title, lang),
		titleJa: survey.title,
		municipality: survey.municipality,
		fiscalYear: survey.fiscalYear,
		period: survey.period,
		respondents: survey.respondents,
		synthetic: survey.synthetic,
		method: methodWords(facts, lang),
		licence: survey.licence,
		k: survey.minCellSize
	};
};
