// The priority-project report (analysts): each project's indicators in each edition, the change
// and the target, laid out to print for the council.
import type { PageServerLoad } from './$types';
import { resultsContext } from '$lib/server/results-page';
import { db } from '$lib/server/db';
import { warm } from '$lib/server/analytics/dataset-cache';
import { editionChain, projectReport } from '$lib/server/analytics/editions';
import { surveyDay } from '$lib/server/today';
import { responseRatesOf } from '$lib/server/analytics/response-rates';

export const load: PageServerLoad = async (event) => {
	const { survey, data, view } = await resultsContext(event);
	await warm(db(), editionChain(db(), survey.id).map((s) => s.id));
	return {
		...view,
		responseRates: responseRatesOf(db(), survey, data),
		report: projectReport(db(), survey.id),
		printedOn: surveyDay()
	};
};
