// Cross-tabulation (analysts): any question by a single-choice question or derived group,
// with counts, row and column %, chi-square, and suppression of small cells.
import type { PageServerLoad } from './$types';
import { resultsContext } from '$lib/server/results-page';
import { crossChoices, requestedCrossTab } from '$lib/server/analytics/crosstab-view';

export const load: PageServerLoad = async (event) => {
	const { data, filters, survey, view } = await resultsContext(event);
	const table = requestedCrossTab(data, event.url.searchParams, filters, survey.minCellSize);
	const show = event.url.searchParams.get('show');
	return { ...view, lists: crossChoices(data), table, show: show === 'col' || show === 'n' ? show : 'row' };
};
