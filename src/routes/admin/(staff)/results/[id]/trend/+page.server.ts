// Year over year (analysts): each question the editions share, and the index, side by side.
import type { PageServerLoad } from './$types';
import { resultsContext } from '$lib/server/results-page';
import { db } from '$lib/server/db';
import { warm } from '$lib/server/analytics/dataset-cache';
import { editionChain, trend } from '$lib/server/analytics/editions';

export const load: PageServerLoad = async (event) => {
	const { survey, view } = await resultsContext(event);
	await warm(db(), editionChain(db(), survey.id).map((s) => s.id));
	return { ...view, trend: trend(db(), survey.id) };
};
