// Backing up the database (administrators only): what it holds, and the download.
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { config } from '$lib/server/config';
import { requireStaff } from '$lib/server/auth/guard';
import { summarize } from '$lib/server/backup';
import { keyFileFor } from '$lib/server/code-key';

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'admin');
	const keyFile = process.env.INVITATION_KEY ? '（環境変数 INVITATION_KEY）' : keyFileFor(config.databasePath);
	return { summary: summarize(db()), databasePath: config.databasePath, keyFile };
};
