// The audit log (administrators only), in words, filtered by person, kind and days.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { auditFilter, readAuditQuery } from '$lib/server/audit-filter';
import { actorWords, eventWords, KIND_CHOICES, PEOPLE, targetWords } from '$lib/server/audit-words';

const PAGE_SIZE = 100;

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'admin');
	const asked = event.url.searchParams.get('page');
	if (asked !== null && !/^[1-9][0-9]{0,5}$/.test(asked)) error(400, 'ページ番号は 1 から 999999 までの整数で指定してください。');
	const page = asked === null ? 1 : Number(asked);
	const choices = {
		people: [
			...audit.people(db()).map((p) => ({ value: String(p.id), name: `${p.name}（${p.email}）` })),
			...Object.entries(PEOPLE).map(([value, name]) => ({ value, name }))
		],
		kinds: KIND_CHOICES
	};
	const query = readAuditQuery(event.url);
	// A filter that cannot be read shows nothing rather than a guess at what was meant.
	if (!query.ok) return { ...choices, query: query.typed, problems: query.problems, events: [], total: 0, page: 1, pages: 1 };

	const { events, total } = audit.list(db(), auditFilter(query.value), PAGE_SIZE, (page - 1) * PAGE_SIZE);
	const names = audit.names(db());
	return {
		...choices,
		query: query.value,
		problems: [],
		events: events.map((e) => ({
			id: e.id,
			at: e.at,
			actor: actorWords(e.actorId, e.actor, names),
			words: eventWords(e.action, e.detail, names),
			target: e.target && targetWords(e.target, names)
		})),
		total,
		page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE))
	};
};
