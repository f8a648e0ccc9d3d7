// The results page for residents: open only when the survey's settings publish results and the
// survey has closed. Every question's answers as statistics with small groups hidden; no free
// text, no cross-tabs; in the resident's language, with the key findings first.
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { publicResults } from '$lib/server/public-results';
import { keyFindings, words } from '$lib/analytics/public-results';
import { pagePreferences } from '$lib/server/preferences';
import * as projects from '$lib/server/projects';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const { survey, document, total, synthetic, period, sections: sectionsIn } = await publicResults(params.slug);
	const { lang, size } = pagePreferences(url, locals, document.languages);
	const sections = sectionsIn(lang);
	// What the city watches: the questions its priority projects' indicators are counted from.
	const watched = projects.list(db()).flatMap((p) => p.indicators.map((i) => (i.rowKey ? `${i.questionKey}.${i.rowKey}` : i.questionKey)));
	return {
		slug: survey.slug,
		lang,
		size,
		languages: document.languages,
		title: words(document.title, lang),
		fiscalYear: survey.fiscalYear,
		k: survey.minCellSize,
		total,
		synthetic,
		period,
		findings: keyFindings(sections, watched),
		sections
	};
};
