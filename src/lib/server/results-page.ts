// What every results page of a survey does first: check the analyst role, find the survey,
// take its dataset from memory and read the filters from the address.
import { db } from './db';
import * as surveys from './surveys';
import { analystSurvey } from './survey-guard';
import { dataset, warm } from './analytics/dataset-cache';
import { choices, parseFilters } from '$lib/analytics/selection';
import { syntheticCount } from '$lib/analytics/dataset';
import { pending } from './response-pool';

type Event = Parameters<typeof analystSurvey>[0] & { url: URL };

export async function resultsContext(event: Event) {
	const { user, survey } = analystSurvey(event);
	await warm(db(), [survey.id]);
	const doc = surveys.publishedVersion(db(), survey.publishedVersionId!)!;
	const data = dataset(db(), survey.id);
	const filters = parseFilters(event.url.searchParams);
	return {
		user,
		survey,
		doc,
		data,
		filters,
		/** What the page needs for its heading, the filter bar and the synthetic-data warning. */
		view: {
			survey: { id: survey.id, slug: survey.slug, title: doc.title.ja, fiscalYear: survey.fiscalYear, k: survey.minCellSize },
			filters,
			choices: choices(data),
			days: { first: data.days[0], last: data.days.at(-1) },
			adding: event.url.searchParams.get('add') ?? '',
			total: data.size,
			/** Taken today, stored with the day's batch once it is over. */
			waiting: pending(db(), survey.id),
			synthetic: syntheticCount(data),
			weighted: !!data.weights
		}
	};
}
