// The priority-project report (analysts): each project's indicators in each edition, the change
// and the target, with each value's interval and the change's test, after a 標本誤差早見表 for
// the survey's own n; laid out to print for the council.
import type { PageServerLoad } from './$types';
import { resultsContext } from '$lib/server/results-page';
import { db } from '$lib/server/db';
import { warm } from '$lib/server/analytics/dataset-cache';
import { editionChain, projectReport } from '$lib/server/analytics/editions';
import { surveyDay } from '$lib/server/today';
import { samplingErrorRows } from '$lib/analytics/sampling-error';

export const load: PageServerLoad = async (event) => {
	const { survey, view, data } = await resultsContext(event);
	await warm(db(), editionChain(db(), survey.id).map((s) => s.id));
	return { ...view, report: projectReport(db(), survey.id), samplingError: samplingErrorRows(data, survey.minCellSize), printedOn: surveyDay() };
};
