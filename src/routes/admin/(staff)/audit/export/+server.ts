// The audit log as CSV (administrators only), with the filter of the page it came from.
// The download itself is written to the log.
import type { RequestHandler } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { auditFilterFrom } from '$lib/server/audit-filter';
import { toCsv } from '$lib/csv';
import { actionName } from '$lib/staff/labels';
import { surveyDay } from '$lib/server/today';

export const GET: RequestHandler = (event) => {
	const admin = requireStaff(event, 'admin');
	const filter = auditFilterFrom(event.url);
	audit.record(db(), admin, 'export.audit', '', { filter });
	const rows = [...audit.iterate(db(), filter)].map((e) => [
		e.id, e.at, e.actor, e.action, actionName(e.action), e.target, JSON.stringify(e.detail)
	]);
	const csv = toCsv(['id', 'at_utc', 'actor', 'action', 'action_ja', 'target', 'detail'], rows);
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="audit-log_${surveyDay()}.csv"`
		}
	});
};
