// The audit log (administrators only), filtered by action, person and dates.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { auditFilterFrom } from '$lib/server/audit-filter';

const PAGE_SIZE = 100;

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'admin');
	const filter = auditFilterFrom(event.url);
	const asked = event.url.searchParams.get('page');
	if (asked !== null && !/^[1-9][0-9]{0,5}$/.test(asked)) error(400, 'ページ番号は 1 から 999999 までの整数で指定してください。');
	const page = asked === null ? 1 : Number(asked);
	const { events, total } = audit.list(db(), filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
	return { filter, events, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), actions: audit.actions(db()) };
};
