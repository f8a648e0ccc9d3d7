// Results (analysts): the surveys that have been published, with their response counts.
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { requireStaff } from '$lib/server/auth/guard';

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'analyst');
	return { surveys: surveys.listForStaff(db(), new Date()).filter((s) => s.publishedVersion !== null) };
};
