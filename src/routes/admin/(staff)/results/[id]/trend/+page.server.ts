// Year over year (analysts): each question the editions share, and the index, side by side.
import type { PageServerLoad } from './$types';
import { resultsContext } from '$lib/server/results-page';
import { db } from '$lib/server/db';
import { trend } from '$lib/server/analytics/editions';

export const load: PageServerLoad = (event) => {
	const { survey, view } = resultsContext(event);
	return { ...view, trend: trend(db(), survey.id) };
};
