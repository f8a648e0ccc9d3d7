// The results page for residents: open only when the survey's settings publish results and the
// survey has closed. Every question's answers as statistics with small groups hidden; no free
// text, no cross-tabs.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { dataset, warm } from '$lib/server/analytics/dataset-cache';
import { questionTables } from '$lib/analytics/frequencies';
import { publishTables } from '$lib/analytics/published-tables';
import { NO_FILTERS, select } from '$lib/analytics/selection';
import { surveyPhase } from '$lib/survey/phase';
import { syntheticCount } from '$lib/analytics/dataset';

export const load: PageServerLoad = async ({ params }) => {
	const found = surveys.findPublished(db(), params.slug);
	if (!found) error(404, 'お探しのアンケートは見つかりませんでした。');
	const { survey, document } = found;
	if (!survey.resultsPublic || surveyPhase(survey, new Date()) !== 'closed')
		error(404, 'このアンケートの結果は、まだ公開していません。');
	await warm(db(), [survey.id]);
	const data = dataset(db(), survey.id);
	const days = data.days;
	return {
		slug: survey.slug,
		title: document.title.ja,
		fiscalYear: survey.fiscalYear,
		k: survey.minCellSize,
		total: data.size,
		synthetic: syntheticCount(data),
		period: days.length ? { from: days[0], to: days.at(-1)! } : undefined,
		tables: publishTables(questionTables(data, select(data, NO_FILTERS)), survey.minCellSize, data.size)
	};
};
