// Sessions as the Lucia guide describes them: a random token in an HttpOnly cookie, only its
// SHA-256 in the database, an absolute expiry pushed forward when half of it has passed, and
// (for staff) an idle timeout.
import type { Cookies } from '@sveltejs/kit';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { DB } from '../db';
import type { Role } from '$lib/staff/roles';

export const SESSION_COOKIE = 'staff_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** Staff pages hold residents' answers: an unattended browser is logged out after this. */
export const IDLE_TIMEOUT_MS = Number(process.env.STAFF_IDLE_MINUTES || 120) * 60 * 1000;
/** last_used_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface StaffUser {
	id: number;
	email: string;
	displayName: string;
	roles: Role[];
	mustChangePassword: boolean;
}

export interface Session {
	id: string;
	userId: number;
	expiresAt: number;
	lastUsedAt: number;
}

/** 20 random bytes, base32: 32 characters the cookie carries. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export const sessionIdOf = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export function createSession(db: DB, token: string, userId: number, now = Date.now()): Session {
	const session = { id: sessionIdOf(token), userId, expiresAt: now + SESSION_LIFETIME_MS, lastUsedAt: now };
	db.prepare('INSERT INTO staff_session (id, user_id, expires_at, last_used_at) VALUES (?, ?, ?, ?)').run(
		session.id,
		userId,
		session.expiresAt,
		session.lastUsedAt
	);
	return session;
}

export type SessionValidation =
	| { session: Session; user: StaffUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

const none: SessionValidation = { session: null, user: null, renewed: false };

export function validateSessionToken(db: DB, token: string, now = Date.now()): SessionValidation {
	const id = sessionIdOf(token);
	const row = db
		.prepare(
			`SELECT s.expires_at, s.last_used_at, u.id AS user_id, u.email, u.display_name,
			        u.must_change_password, u.disabled,
			        (SELECT group_concat(role) FROM staff_role WHERE user_id = u.id) AS roles
			 FROM staff_session s JOIN staff_user u ON u.id = s.user_id WHERE s.id = ?`
		)
		.get(id) as
		| {
				expires_at: number;
				last_used_at: number;
				user_id: number;
				email: string;
				display_name: string;
				must_change_password: number;
				disabled: number;
				roles: string | null;
		  }
		| undefined;
	if (!row) return none;
	if (now >= row.expires_at || now - row.last_used_at >= IDLE_TIMEOUT_MS || row.disabled) {
		invalidateSession(db, id);
		return none;
	}
	const session: Session = { id, userId: row.user_id, expiresAt: row.expires_at, lastUsedAt: row.last_used_at };
	let renewed = false;
	if (session.expiresAt - now < SESSION_LIFETIME_MS / 2) {
		session.expiresAt = now + SESSION_LIFETIME_MS;
		renewed = true;
	}
	if (renewed || now - session.lastUsedAt >= TOUCH_INTERVAL_MS) {
		session.lastUsedAt = now;
		db.prepare('UPDATE staff_session SET expires_at = ?, last_used_at = ? WHERE id = ?').run(
			session.expiresAt,
			now,
			id
		);
	}
	const user: StaffUser = {
		id: row.user_id,
		email: row.email,
		displayName: row.display_name,
		roles: (row.roles ? row.roles.split(',') : []) as Role[],
		mustChangePassword: row.must_change_password === 1
	};
	return { session, user, renewed };
}

export function invalidateSession(db: DB, sessionId: string): void {
	db.prepare('DELETE FROM staff_session WHERE id = ?').run(sessionId);
}

export function invalidateUserSessions(db: DB, userId: number): number {
	return db.prepare('DELETE FROM staff_session WHERE user_id = ?').run(userId).changes;
}

export function purgeExpiredSessions(db: DB, now = Date.now()): number {
	return db
		.prepare('DELETE FROM staff_session WHERE expires_at <= ? OR last_used_at <= ?')
		.run(now, now - IDLE_TIMEOUT_MS).changes;
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: number, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: new Date(expiresAt)
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
