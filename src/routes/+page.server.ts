import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';

/** How long a closed survey stays on the home page. */
const RECENT_DAYS = 180;

export const load: PageServerLoad = () => {
	const now = new Date();
	const all = surveys.listPublic(db(), now);
	const recentSince = now.getTime() - RECENT_DAYS * 24 * 3600 * 1000;
	return {
		open: all.filter((s) => s.phase === 'open'),
		upcoming: all.filter((s) => s.phase === 'scheduled'),
		closed: all.filter(
			(s) => s.phase === 'closed' && (!s.closesAt || new Date(s.closesAt).getTime() >= recentSince)
		)
	};
};
