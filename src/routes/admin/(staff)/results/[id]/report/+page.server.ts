// The priority-project report (analysts): the response rates and a 標本誤差早見表 for the
// survey's own n, then each project's indicators in each edition with their intervals, the
// change with its test, and the target; laid out to print for the council.
import type { PageServerLoad } from './$types';
import { resultsContext } from '$lib/server/results-page';
import { db } from '$lib/server/db';
import { warm } from '$lib/server/analytics/dataset-cache';
import { editionChain, projectReport } from '$lib/server/analytics/editions';
import { surveyDay } from '$lib/server/today';
import { samplingErrorRows } from '$lib/analytics/sampling-error';
import { responseRatesOf } from '$lib/server/analytics/response-rates';

export const load: PageServerLoad = async (event) => {
	const { survey, data, view } = await resultsContext(event);
	await warm(db(), editionChain(db(), survey.id).map((s) => s.id));
	return {
		...view,
		responseRates: responseRatesOf(db(), survey, data),
		samplingError: samplingErrorRows(data, survey.minCellSize),
		report: projectReport(db(), survey.id),
		printedOn: surveyDay()
	};
};
