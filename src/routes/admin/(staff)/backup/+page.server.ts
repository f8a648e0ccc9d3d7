// Backing up the database (administrators only): what it holds, and the download.
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { config } from '$lib/server/config';
import { requireStaff } from '$lib/server/auth/guard';
import { summarize } from '$lib/server/backup';

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'admin');
	return { summary: summarize(db()), databasePath: config.databasePath };
};
