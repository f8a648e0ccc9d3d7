// The digital-maturity index (analysts): levels, areas, and the mean score by age group, sex,
// district and persona, for the responses the filters select.
import type { PageServerLoad } from './$types';
import { resultsContext } from '$lib/server/results-page';
import { indexResults } from '$lib/server/analytics/results';
import { select } from '$lib/analytics/selection';

export const load: PageServerLoad = async (event) => {
	const { data, filters, survey, view } = await resultsContext(event);
	const selection = select(data, filters);
	return { ...view, selected: selection.length, index: indexResults(data, selection, survey.minCellSize, filters.base) };
};
