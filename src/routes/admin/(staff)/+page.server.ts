import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { requireStaff } from '$lib/server/auth/guard';

export const load: PageServerLoad = (event) => {
	requireStaff(event);
	return { surveys: surveys.listForStaff(db(), new Date()), changed: event.url.searchParams.has('changed') };
};
