import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { requireStaff } from '$lib/server/auth/guard';
import { dueSurveys } from '$lib/server/retention';

export const load: PageServerLoad = (event) => {
	requireStaff(event);
	const now = new Date();
	return { surveys: surveys.listForStaff(db(), now), retentionDue: dueSurveys(db(), now), changed: event.url.searchParams.has('changed') };
};
