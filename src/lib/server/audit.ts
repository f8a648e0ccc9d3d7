// The audit log: who did what, when. Written for logins, account and role changes, survey
// publishing and closing, every export and every view of raw data. Never a resident's answers.
import type { DB } from './db';
import { config } from './config';
import { addDays, startOfDay } from '$lib/dates';
import type { AuditAction, AuditNames } from './audit-words';

export type { AuditAction } from './audit-words';

export interface AuditEvent {
	id: number;
	at: string;
	actorId: number | null;
	actor: string;
	action: string;
	target: string;
	detail: Record<string, unknown>;
}

export interface Actor {
	id: number;
	email: string;
}

/** Longest login id (an e-mail address) and target kept; anything longer is cut. */
export const MAX_ACTOR_LENGTH = 254;
const MAX_TARGET_LENGTH = 200;

type EventActor = Actor | { id: null; email: string } | null;

/** Writes one event, at the present moment unless `at` says otherwise. */
function insert(db: DB, actor: EventActor, action: AuditAction, target: string, detail: Record<string, unknown>, at = new Date().toISOString()): number {
	return Number(
		db
			.prepare('INSERT INTO audit_event (at, actor_id, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)')
			.run(
				at,
				actor?.id ?? null,
				(actor?.email ?? '').slice(0, MAX_ACTOR_LENGTH),
				action,
				target.slice(0, MAX_TARGET_LENGTH),
				JSON.stringify(detail)
			).lastInsertRowid
	);
}

export function record(db: DB, actor: EventActor, action: AuditAction, target = '', detail: Record<string, unknown> = {}): void {
	insert(db, actor, action, target, detail);
}

/** The event each fold key is counting in now, until when; in memory, per database. */
const folds = new WeakMap<DB, Map<string, { id: number; until: number }>>();

/**
 * Records an event that may repeat many times (failed logins, refused submissions): the first
 * in a window is written with `count: 1`, and each further one with the same fold key within
 * the window only adds to that count. So an attack grows the log by one row a window, however
 * many requests it sends.
 */
export function recordFolded(
	db: DB,
	fold: { key: string; windowMs: number },
	actor: EventActor,
	action: AuditAction,
	target = '',
	detail: Record<string, unknown> = {},
	now = Date.now()
): void {
	let open = folds.get(db);
	if (!open) folds.set(db, (open = new Map()));
	const current = open.get(fold.key);
	if (current && now < current.until) {
		const counted = db
			.prepare("UPDATE audit_event SET detail = json_set(detail, '$.count', json_extract(detail, '$.count') + 1) WHERE id = ?")
			.run(current.id).changes;
		if (counted) return;
	}
	const id = insert(db, actor, action, target, { ...detail, count: 1 });
	open.set(fold.key, { id, until: now + fold.windowMs });
	if (open.size > 1_000) for (const [key, f] of open) if (f.until <= now) open.delete(key);
}

/**
 * Counts work that must not be told apart event by event (paper questionnaires typed in or
 * imported): one row per person, action and day, dated at the day's start, with a count. The
 * log then says how many a clerk entered that day, never when, in what order, or what.
 */
export function countForDay(db: DB, actor: Actor, action: AuditAction, target: string, day: string, n = 1): void {
	const at = dayStart(day, 0);
	db.transaction(() => {
		const counted = db
			.prepare(
				`UPDATE audit_event SET detail = json_set(detail, '$.count', json_extract(detail, '$.count') + ?)
				 WHERE action = ? AND actor_id = ? AND target = ? AND at = ?`
			)
			.run(n, action, actor.id, target, at).changes;
		if (!counted) insert(db, actor, action, target, { count: n }, at);
	})();
}

/** Whose events: a member of staff's, those of login ids nobody has (failed logins), or the system's. */
export type Person = { id: number } | 'unregistered' | 'system';

export interface AuditFilter {
	person?: Person;
	/** These kinds only (none: nothing matches). */
	actions?: readonly string[];
	/** Dates (YYYY-MM-DD, in the survey's time zone) inclusive. */
	from?: string;
	to?: string;
}

/** The UTC instant (as stored) at which a day in the survey's time zone, plus some days, begins. */
function dayStart(day: string, plusDays: number): string {
	return startOfDay(addDays(day, plusDays), config.timeZone);
}

function where(filter: AuditFilter): { sql: string; params: (string | number)[] } {
	const clauses: string[] = [];
	const params: (string | number)[] = [];
	if (filter.person === 'system') clauses.push("actor_id IS NULL AND actor = ''");
	else if (filter.person === 'unregistered') clauses.push("actor_id IS NULL AND actor <> ''");
	else if (filter.person) {
		clauses.push('actor_id = ?');
		params.push(filter.person.id);
	}
	if (filter.actions) {
		clauses.push(`action IN (${filter.actions.map(() => '?').join(', ') || 'NULL'})`);
		params.push(...filter.actions);
	}
	if (filter.from) {
		clauses.push('at >= ?');
		params.push(dayStart(filter.from, 0));
	}
	if (filter.to) {
		clauses.push('at < ?');
		params.push(dayStart(filter.to, 1));
	}
	return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

interface Row {
	id: number;
	at: string;
	actor_id: number | null;
	actor: string;
	action: string;
	target: string;
	detail: string;
}

const toEvent = (r: Row): AuditEvent => ({
	id: r.id,
	at: r.at,
	actorId: r.actor_id,
	actor: r.actor,
	action: r.action,
	target: r.target,
	detail: JSON.parse(r.detail)
});

export function list(db: DB, filter: AuditFilter, limit = 200, offset = 0): { events: AuditEvent[]; total: number } {
	const { sql, params } = where(filter);
	const total = db.prepare(`SELECT count(*) FROM audit_event ${sql}`).pluck().get(...params) as number;
	const rows = db
		.prepare(`SELECT * FROM audit_event ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
		.all(...params, limit, offset) as Row[];
	return { events: rows.map(toEvent), total };
}

/** Every matching event, oldest first, one at a time (for the CSV download). */
export function* iterate(db: DB, filter: AuditFilter): Generator<AuditEvent> {
	const { sql, params } = where(filter);
	for (const row of db.prepare(`SELECT * FROM audit_event ${sql} ORDER BY id`).iterate(...params))
		yield toEvent(row as Row);
}

/** The members of staff, by display name, for the filter's choices. */
export function people(db: DB): { id: number; name: string; email: string }[] {
	return db.prepare('SELECT id, display_name AS name, email FROM staff_user ORDER BY display_name, id').all() as { id: number; name: string; email: string }[];
}

/** What the log's ids and addresses name now: every survey, person, version, project and indicator (all few). */
export function names(db: DB): AuditNames {
	const pairs = <K extends string | number, V>(sql: string) => Object.fromEntries(db.prepare(sql).raw().all() as [K, V][]) as Record<K, V>;
	// A survey's title: its published version's, or else its newest draft's.
	const titles = (key: 'slug' | 'id') =>
		pairs<string | number, string>(`SELECT s.${key}, json_extract(coalesce(
		  (SELECT document FROM survey_version WHERE id = s.published_version_id),
		  (SELECT document FROM survey_version WHERE survey_id = s.id ORDER BY version DESC LIMIT 1)), '$.title.ja') FROM survey s`);
	return {
		timeZone: config.timeZone,
		surveysBySlug: titles('slug'),
		surveysById: titles('id'),
		users: pairs('SELECT id, display_name FROM staff_user'),
		versions: pairs('SELECT id, version FROM survey_version'),
		projects: pairs("SELECT id, '重点プロジェクト' || number || '「' || name || '」' FROM priority_project"),
		indicators: pairs("SELECT id, '指標「' || name || '」' FROM indicator")
	};
}
