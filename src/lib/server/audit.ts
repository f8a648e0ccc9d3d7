// The audit log: who did what, when. Written for logins, account and role changes, survey
// publishing and closing, every export and every view of raw data. Never a resident's answers.
import type { DB } from './db';
import { config } from './config';
import { addDays, startOfDay } from '$lib/dates';

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
function insert(db: DB, actor: EventActor, action: string, target: string, detail: Record<string, unknown>, at = new Date().toISOString()): number {
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

export function record(db: DB, actor: EventActor, action: string, target = '', detail: Record<string, unknown> = {}): void {
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
	action: string,
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
export function countForDay(db: DB, actor: Actor, action: string, target: string, day: string, n = 1): void {
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

export interface AuditFilter {
	/** Beginning of an action name, e.g. 'login' or 'login.failure'. */
	action?: string;
	/** Part of the actor's login id. */
	actor?: string;
	/** Dates (YYYY-MM-DD, in the survey's time zone) inclusive. */
	from?: string;
	to?: string;
}

/** The UTC instant (as stored) at which a day in the survey's time zone, plus some days, begins. */
function dayStart(day: string, plusDays: number): string {
	return startOfDay(addDays(day, plusDays), config.timeZone);
}

function where(filter: AuditFilter): { sql: string; params: string[] } {
	const clauses: string[] = [];
	const params: string[] = [];
	if (filter.action) {
		clauses.push("(action = ? OR action LIKE ? ESCAPE '\\')");
		params.push(filter.action, `${filter.action.replace(/[\\%_]/g, '\\$&')}.%`);
	}
	if (filter.actor) {
		clauses.push("actor LIKE ? ESCAPE '\\'");
		params.push(`%${filter.actor.replace(/[\\%_]/g, '\\$&')}%`);
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

/** The action names in the log, for the filter's choices. */
export function actions(db: DB): string[] {
	return db.prepare('SELECT DISTINCT action FROM audit_event ORDER BY action').pluck().all() as string[];
}
