// The audit log (administrators only), filtered by action, person and dates.
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { auditFilterFrom } from '$lib/server/audit-filter';

const PAGE_SIZE = 100;

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'admin');
	const filter = auditFilterFrom(event.url);
	const page = Math.max(1, Number(event.url.searchParams.get('page')) || 1);
	const { events, total } = audit.list(db(), filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
	return { filter, events, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), actions: audit.actions(db()) };
};
