// The audit log's filter, as the page's GET form puts it in the address (so a filtered view
// can be shared, and works without JavaScript): who (a member of staff, a login id nobody has,
// or the system), what kind (one kind or a whole group), and from and to which day. Read
// through the one form schema; what cannot be read is said in words, and nothing is filtered
// by a guess.
import type { AuditFilter, Person } from './audit';
import { actionsOf, AUDIT_GROUPS, AUDIT_ACTIONS, PEOPLE } from './audit-words';
import { choice, formObject, parseForm, text, whenRead, type FormResult } from './form-schema';
import { zonedTime } from '$lib/dates';

/** The filter as the address gives it (each '' when not asked). */
export interface AuditQuery {
	person: string;
	kind: string;
	from: string;
	to: string;
}

const KIND_VALUES = ['', ...Object.keys(AUDIT_GROUPS), ...AUDIT_ACTIONS] as [string, ...string[]];

/** A day as the date field sends it; a real one (2024-02-30 has the shape but is none). */
const day = (label: string) =>
	text({ pattern: /^(\d{4}-\d{2}-\d{2})?$/, message: `${label}は「2026-04-01」の形の日付で指定してください。` }).refine(
		(v) => !v || !Number.isNaN(zonedTime(v, 'UTC').getTime()),
		{ error: (issue) => `${label}「${String(issue.input)}」はありえない日付です。` }
	);

export const auditQueryForm = formObject(
	{
		person: text({
			pattern: new RegExp(`^(\\d{1,9}|${Object.keys(PEOPLE).join('|')})?$`),
			message: '職員は一覧から選んでください。'
		}),
		kind: choice(KIND_VALUES, { message: '種類は一覧から選んでください。' }),
		from: day('開始日'),
		to: day('終了日')
	},
	(fields) =>
		fields.refine((q) => !(q.from && q.to && q.from > q.to), {
			error: '終了日は開始日と同じ日か、それより後にしてください。',
			path: ['to'],
			when: whenRead('from', 'to')
		})
);

/** The query of a page's address, read: the filter for the log, or what is wrong with it. */
export function readAuditQuery(url: URL): FormResult<typeof auditQueryForm.shape, AuditQuery> {
	return parseForm(url.searchParams, auditQueryForm);
}

/** The filter a (read) query asks for. */
export function auditFilter(q: AuditQuery): AuditFilter {
	const person: Person | undefined = Object.hasOwn(PEOPLE, q.person)
		? (q.person as keyof typeof PEOPLE)
		: q.person
			? { id: Number(q.person) }
			: undefined;
	return {
		person,
		actions: q.kind ? actionsOf(q.kind) : undefined,
		from: q.from || undefined,
		to: q.to || undefined
	};
}
