// The audit log as CSV (administrators only), with the filter of the page it came from, in
// the page's words. The columns as recorded follow them: the words are for reading, and may
// be put better one day; the record is what an auditor filters on and keeps as evidence.
// The download itself is written to the log.
import type { RequestHandler } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { auditFilter, auditQueryForm } from '$lib/server/audit-filter';
import { actorWords, eventWords, targetWords } from '$lib/server/audit-words';
import { requireForm } from '$lib/server/form-schema';
import { toCsv } from '$lib/csv';
import { formatDateTime } from '$lib/dates';
import { surveyDay } from '$lib/server/today';

const HEADER = ['番号', '日時', '職員', 'ログインID', '内容', '対象', '記録の種類', '記録の対象', '記録の詳細', '記録の日時（UTC）'];

export const GET: RequestHandler = (event) => {
	const admin = requireStaff(event, 'admin');
	const query = requireForm(event.url.searchParams, auditQueryForm);
	audit.record(db(), admin, 'export.audit', '', { filter: Object.fromEntries(Object.entries(query).filter(([, v]) => v)) });
	const names = audit.names(db());
	const rows = [...audit.iterate(db(), auditFilter(query))].map((e) => {
		const actor = actorWords(e.actorId, e.actor, names);
		return [
			e.id, formatDateTime(e.at, names.timeZone), actor.name, actor.loginId, eventWords(e.action, e.detail, names), e.target && targetWords(e.target, names),
			e.action, e.target, JSON.stringify(e.detail), e.at
		];
	});
	return new Response(toCsv(HEADER, rows), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="audit-log_${surveyDay()}.csv"`
		}
	});
};
