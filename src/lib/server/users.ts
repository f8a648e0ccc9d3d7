// Staff accounts: create, read, change, and the first administrator at start-up.
import { randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { DB } from './db';
import { ROLES, type Role } from '$lib/staff/roles';
import { hashPassword } from './auth/password';
import { invalidateUserSessions } from './auth/sessions';

export interface UserSummary {
	id: number;
	email: string;
	displayName: string;
	roles: Role[];
	disabled: boolean;
	mustChangePassword: boolean;
	createdAt: string;
	passwordChangedAt: string | null;
}

interface UserRow {
	id: number;
	email: string;
	display_name: string;
	roles: string | null;
	disabled: number;
	must_change_password: number;
	created_at: string;
	password_changed_at: string | null;
}

const SELECT = `SELECT u.id, u.email, u.display_name, u.disabled, u.must_change_password, u.created_at,
	u.password_changed_at, (SELECT group_concat(role) FROM staff_role WHERE user_id = u.id) AS roles
	FROM staff_user u`;

const toUser = (r: UserRow): UserSummary => ({
	id: r.id,
	email: r.email,
	displayName: r.display_name,
	roles: ROLES.filter((role) => (r.roles ?? '').split(',').includes(role)),
	disabled: r.disabled === 1,
	mustChangePassword: r.must_change_password === 1,
	createdAt: r.created_at,
	passwordChangedAt: r.password_changed_at
});

export function list(db: DB): UserSummary[] {
	return (db.prepare(`${SELECT} ORDER BY u.disabled, u.email`).all() as UserRow[]).map(toUser);
}

export function get(db: DB, id: number): UserSummary | undefined {
	const row = db.prepare(`${SELECT} WHERE u.id = ?`).get(id) as UserRow | undefined;
	return row && toUser(row);
}

export function findForLogin(
	db: DB,
	email: string
): { id: number; email: string; passwordHash: string; disabled: boolean } | undefined {
	const row = db
		.prepare('SELECT id, email, password_hash, disabled FROM staff_user WHERE email = ?')
		.get(email.trim()) as { id: number; email: string; password_hash: string; disabled: number } | undefined;
	return row && { id: row.id, email: row.email, passwordHash: row.password_hash, disabled: row.disabled === 1 };
}

export function emailTaken(db: DB, email: string, exceptId = 0): boolean {
	return !!db.prepare('SELECT 1 FROM staff_user WHERE email = ? AND id != ?').get(email.trim(), exceptId);
}

function setRoles(db: DB, userId: number, roles: readonly Role[]) {
	db.prepare('DELETE FROM staff_role WHERE user_id = ?').run(userId);
	const insert = db.prepare('INSERT INTO staff_role (user_id, role) VALUES (?, ?)');
	for (const role of new Set(roles)) insert.run(userId, role);
}

export async function create(
	db: DB,
	input: { email: string; displayName: string; roles: readonly Role[]; password: string; mustChangePassword: boolean }
): Promise<number> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction(() => {
		const id = Number(
			db
				.prepare(
					'INSERT INTO staff_user (email, display_name, password_hash, must_change_password) VALUES (?, ?, ?, ?)'
				)
				.run(input.email.trim(), input.displayName.trim(), passwordHash, input.mustChangePassword ? 1 : 0)
				.lastInsertRowid
		);
		setRoles(db, id, input.roles);
		return id;
	})();
}

export function update(
	db: DB,
	id: number,
	input: { email: string; displayName: string; roles: readonly Role[]; disabled: boolean }
): void {
	db.transaction(() => {
		db.prepare('UPDATE staff_user SET email = ?, display_name = ?, disabled = ? WHERE id = ?').run(
			input.email.trim(),
			input.displayName.trim(),
			input.disabled ? 1 : 0,
			id
		);
		setRoles(db, id, input.roles);
		// A disabled account keeps no open sessions.
		if (input.disabled) invalidateUserSessions(db, id);
	})();
}

/** Sets a new password and ends every session of the user (the caller may open a new one). */
export async function setPassword(db: DB, id: number, password: string, mustChange: boolean): Promise<void> {
	const passwordHash = await hashPassword(password);
	db.transaction(() => {
		db.prepare(
			`UPDATE staff_user SET password_hash = ?, must_change_password = ?,
			 password_changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?`
		).run(passwordHash, mustChange ? 1 : 0, id);
		invalidateUserSessions(db, id);
	})();
}

/** A one-time password to hand to a user in person: 16 characters, easy to type. */
export const oneTimePassword = () => encodeBase32LowerCaseNoPadding(randomBytes(10));

export function activeAdminCount(db: DB, exceptId = 0): number {
	return db
		.prepare(
			`SELECT count(*) FROM staff_user u JOIN staff_role r ON r.user_id = u.id
			 WHERE r.role = 'admin' AND u.disabled = 0 AND u.id != ?`
		)
		.pluck()
		.get(exceptId) as number;
}

/**
 * When no administrator can log in, creates one: from ADMIN_EMAIL / ADMIN_PASSWORD if set,
 * otherwise with a one-time password that is returned (to print once) and must be changed.
 */
export async function ensureFirstAdmin(
	db: DB,
	env: { ADMIN_EMAIL?: string; ADMIN_PASSWORD?: string }
): Promise<{ email: string; oneTimePassword?: string } | undefined> {
	if (activeAdminCount(db) > 0) return undefined;
	const email = env.ADMIN_EMAIL?.trim() || 'admin@localhost';
	const given = env.ADMIN_PASSWORD;
	const password = given || oneTimePassword();
	const existing = findForLogin(db, email);
	if (existing) {
		db.prepare('UPDATE staff_user SET disabled = 0 WHERE id = ?').run(existing.id);
		db.prepare("INSERT OR IGNORE INTO staff_role (user_id, role) VALUES (?, 'admin')").run(existing.id);
		await setPassword(db, existing.id, password, !given);
	} else {
		await create(db, { email, displayName: '管理者', roles: ['admin'], password, mustChangePassword: !given });
	}
	return { email, oneTimePassword: given ? undefined : password };
}
