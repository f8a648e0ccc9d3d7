// The results page for residents: open only when the survey's settings publish results and the
// survey has closed. Every question's answers as statistics with small groups hidden; no free
// text, no cross-tabs; in the resident's language, with the key findings first.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { dataset, warm } from '$lib/server/analytics/dataset-cache';
import { questionTables } from '$lib/analytics/frequencies';
import { publishTables } from '$lib/analytics/published-tables';
import { keyFindings, resultSections, words } from '$lib/analytics/public-results';
import { NO_FILTERS, select } from '$lib/analytics/selection';
import { surveyPhase } from '$lib/survey/phase';
import { syntheticCount } from '$lib/analytics/dataset';
import { pagePreferences } from '$lib/server/preferences';
import * as projects from '$lib/server/projects';
import { RESULTS_NOT_PUBLIC, SURVEY_NOT_FOUND } from '$lib/survey/messages';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const found = surveys.findPublished(db(), params.slug);
	if (!found) error(404, SURVEY_NOT_FOUND);
	const { survey, document } = found;
	if (!survey.resultsPublic || surveyPhase(survey, new Date()) !== 'closed') error(404, RESULTS_NOT_PUBLIC);
	const { lang, size } = pagePreferences(url, locals, document.languages);
	await warm(db(), [survey.id]);
	const data = dataset(db(), survey.id);
	const days = data.days;
	const tables = publishTables(questionTables(data, select(data, NO_FILTERS)), survey.minCellSize, data.size);
	const sections = resultSections(tables, document, lang);
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
		total: data.size,
		synthetic: syntheticCount(data),
		period: days.length ? { from: days[0], to: days.at(-1)! } : undefined,
		findings: keyFindings(sections, watched),
		sections
	};
};
