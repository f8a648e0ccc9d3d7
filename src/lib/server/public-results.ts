// A survey's results as residents may see them, the one place that decides it: open only when
// the survey's settings publish results and the survey has closed (404 otherwise), with every
// table published as the public page and its open data both show it (small counts hidden).
import { error } from '@sveltejs/kit';
import { db } from './db';
import * as surveys from './surveys';
import { dataset, warm } from './analytics/dataset-cache';
import { questionTables } from '$lib/analytics/frequencies';
import { publishTables } from '$lib/analytics/published-tables';
import { resultSections } from '$lib/analytics/public-results';
import { NO_FILTERS, select } from '$lib/analytics/selection';
import { syntheticCount } from '$lib/analytics/dataset';
import { surveyPhase } from '$lib/survey/phase';
import { RESULTS_NOT_PUBLIC, SURVEY_NOT_FOUND } from '$lib/survey/messages';
import type { Language } from '$lib/survey/languages';

/** The published survey at this address whose results are public, with its tables; else a 404. */
export async function publicResults(slug: string, now = new Date()) {
	const found = surveys.findPublished(db(), slug);
	if (!found) error(404, SURVEY_NOT_FOUND);
	const { survey, document } = found;
	if (!survey.resultsPublic || surveyPhase(survey, now) !== 'closed') error(404, RESULTS_NOT_PUBLIC);
	await warm(db(), [survey.id]);
	const data = dataset(db(), survey.id);
	const tables = publishTables(questionTables(data, select(data, NO_FILTERS)), survey.minCellSize, data.size);
	const days = data.days;
	return {
		survey,
		document,
		data,
		total: data.size,
		synthetic: syntheticCount(data),
		period: days.length ? { from: days[0], to: days.at(-1)! } : undefined,
		/** The tables by section and question, in a language. */
		sections: (lang: Language) => resultSections(tables, document, lang)
	};
}
