// Paper questionnaires (clerks): the surveys that can be typed in.
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { requireStaff } from '$lib/server/auth/guard';

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'clerk');
	return { surveys: surveys.listForStaff(db(), new Date()).filter((s) => s.publishedVersion !== null) };
};
