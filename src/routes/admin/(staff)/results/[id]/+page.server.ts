// A survey's results (analysts): responses by day, channel and language, and every question's
// chart and table, for the responses the filters in the address select.
import type { PageServerLoad } from './$types';
import { resultsContext } from '$lib/server/results-page';
import { resultsOf } from '$lib/server/analytics/results';
import { responseRatesOf } from '$lib/server/analytics/response-rates';
import { db } from '$lib/server/db';

export const load: PageServerLoad = async (event) => {
	const { data, filters, survey, view } = await resultsContext(event);
	// The index has a page of its own.
	return {
		...view,
		responseRates: responseRatesOf(db(), survey, data),
		results: resultsOf(data, filters, survey.minCellSize, false)
	};
};
