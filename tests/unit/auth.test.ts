import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { openDatabase, type DB } from '../../src/lib/server/db';
import * as users from '../../src/lib/server/users';
import * as audit from '../../src/lib/server/audit';
import {
	IDLE_TIMEOUT_MS,
	SESSION_LIFETIME_MS,
	createSession,
	generateSessionToken,
	invalidateUserSessions,
	purgeExpiredSessions,
	sessionIdOf,
	validateSessionToken
} from '../../src/lib/server/auth/sessions';
import { hashPassword, passwordProblem, verifyPassword } from '../../src/lib/server/auth/password';
import {
	ACCOUNT_RULES,
	ADDRESS_RULES,
	LoginThrottle,
	PAIR_RULES,
	passwordKeys,
	type ThrottleKey,
	type ThrottleRules
} from '../../src/lib/server/auth/throttle';
import { allows } from '../../src/lib/staff/roles';
import { requireStaff } from '../../src/lib/server/auth/guard';
import { safeNext } from '../../src/lib/server/auth/safe-next';
import { toCsv } from '../../src/lib/csv';
import { tempDatabasePath } from './support/temp-db';

let db: DB;
let remove: () => void;
beforeEach(() => {
	const temp = tempDatabasePath();
	db = openDatabase(temp.file);
	remove = temp.remove;
});
afterEach(() => {
	db.close();
	remove();
});

const makeUser = (roles: ('admin' | 'analyst')[] = ['analyst'], email = 'hanako@city.example') =>
	users.create(db, { email, displayName: '花子', roles, password: 'correct horse battery', mustChangePassword: false });

describe('session tokens', () => {
	it('are 20 random bytes in base32, and only their SHA-256 is stored', async () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(generateSessionToken()).not.toBe(token);
		const userId = await makeUser();
		createSession(db, token, userId);
		const stored = db.prepare('SELECT id FROM staff_session').pluck().all();
		expect(stored).toEqual([sessionIdOf(token)]);
		expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(db.prepare('SELECT * FROM staff_session').all())).not.toContain(token);
	});

	it('validate to their user with roles, and not at all when unknown', async () => {
		const userId = await makeUser(['analyst']);
		const token = generateSessionToken();
		createSession(db, token, userId, 1_000);
		const result = validateSessionToken(db, token, 2_000);
		expect(result.user).toMatchObject({ id: userId, email: 'hanako@city.example', roles: ['analyst'] });
		expect(validateSessionToken(db, generateSessionToken(), 2_000).session).toBeNull();
	});

	it('renew the expiry once half of it has passed, not before', async () => {
		const userId = await makeUser();
		const token = generateSessionToken();
		const t0 = 1_000_000;
		createSession(db, token, userId, t0);
		// Used every hour so the idle timeout never ends it.
		let now = t0;
		const step = (ms: number) => {
			for (let t = now + 3_600_000; t < now + ms; t += 3_600_000) validateSessionToken(db, token, t);
			now += ms;
			return validateSessionToken(db, token, now);
		};
		const early = step(SESSION_LIFETIME_MS / 2 - 7_200_000);
		expect(early.renewed).toBe(false);
		expect(early.session?.expiresAt).toBe(t0 + SESSION_LIFETIME_MS);
		const late = step(3 * 3_600_000);
		expect(late.renewed).toBe(true);
		expect(late.session?.expiresAt).toBe(now + SESSION_LIFETIME_MS);
	});

	it('end at the absolute expiry and after the idle timeout, and are deleted', async () => {
		const userId = await makeUser();
		const idle = generateSessionToken();
		createSession(db, idle, userId, 0);
		expect(validateSessionToken(db, idle, IDLE_TIMEOUT_MS - 1).session).not.toBeNull();
		expect(validateSessionToken(db, idle, 2 * IDLE_TIMEOUT_MS).session).toBeNull();
		expect(db.prepare('SELECT count(*) FROM staff_session').pluck().get()).toBe(0);

		const old = generateSessionToken();
		createSession(db, old, userId, 0);
		db.prepare('UPDATE staff_session SET expires_at = 10, last_used_at = 5').run();
		expect(validateSessionToken(db, old, 11).session).toBeNull();
	});

	it('all end for a user on demand, on a password change and when the account is disabled', async () => {
		const userId = await makeUser();
		const count = () => db.prepare('SELECT count(*) FROM staff_session').pluck().get();
		for (let i = 0; i < 3; i++) createSession(db, generateSessionToken(), userId);
		expect(invalidateUserSessions(db, userId)).toBe(3);
		createSession(db, generateSessionToken(), userId);
		await users.setPassword(db, userId, 'another long password', false);
		expect(count()).toBe(0);
		const token = generateSessionToken();
		createSession(db, token, userId);
		users.update(db, userId, { email: 'hanako@city.example', displayName: '花子', roles: ['analyst'], disabled: true });
		expect(count()).toBe(0);
		createSession(db, token, userId);
		expect(validateSessionToken(db, token).session).toBeNull();
	});

	it('expired ones are purged', async () => {
		const userId = await makeUser();
		createSession(db, generateSessionToken(), userId, 0);
		createSession(db, generateSessionToken(), userId, Date.now());
		expect(purgeExpiredSessions(db)).toBe(1);
	});
});

describe('passwords', () => {
	it('are hashed with argon2id and verified', async () => {
		const hash = await hashPassword('correct horse battery');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
		expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
		expect(await verifyPassword('not a hash', 'x')).toBe(false);
	});

	it('must be long, not common, and not contain the login id', () => {
		expect(passwordProblem('short')).toContain('12 文字以上');
		expect(passwordProblem('password1234')).toContain('よく使われている');
		expect(passwordProblem('aaaaaaaaaaaaaaa')).toContain('よく使われている');
		expect(passwordProblem('hanako-secret-99', 'hanako@city.example')).toContain('ログインID');
		expect(passwordProblem('kawa-no-nagare-2026', 'hanako@city.example')).toBeUndefined();
	});
});

describe('login throttling', () => {
	const rules: ThrottleRules = {
		free: 3, baseDelayMs: 1000, maxDelayMs: 60_000, lockAfter: 6, lockMs: 60_000, forgetAfterMs: 600_000, onSuccess: 'forget'
	};
	const key = (id: string, r: ThrottleRules = rules): ThrottleKey => ({ id, rules: r });

	it('lets a few tries pass, then doubles the wait, then locks', () => {
		const t = new LoginThrottle();
		const keys = [key('account:a')];
		for (let i = 0; i < 3; i++) expect(t.attempt(keys, 0)).toBe(0);
		expect(t.waitMs(keys, 0)).toBe(0);
		expect(t.attempt(keys, 0)).toBe(0);
		expect(t.waitMs(keys, 0)).toBe(1000);
		expect(t.attempt(keys, 500)).toBe(500);
		expect(t.attempt(keys, 1000)).toBe(0);
		expect(t.waitMs(keys, 1000)).toBe(2000);
		expect(t.attempt(keys, 3000)).toBe(0);
		expect(t.waitMs(keys, 3000)).toBe(60_000);
		expect(t.waitMs(keys, 63_000)).toBe(0);
	});

	it('counts a try before it is checked, so tries made at once see each other', () => {
		const t = new LoginThrottle();
		const keys = [key('pair:a')];
		const allowed = Array.from({ length: 200 }, () => t.attempt(keys, 0)).filter((w) => w === 0).length;
		expect(allowed).toBe(rules.free + 1);
	});

	it('a success forgets the account and takes back only its own try from the address', () => {
		const t = new LoginThrottle();
		const address = key('address:x', { ...rules, onSuccess: 'takeBack' });
		for (let i = 0; i < 3; i++) t.attempt([key('account:b'), address], 0);
		t.attempt([key('account:a'), address], 0);
		expect(t.waitMs([address], 0)).toBe(1000);
		t.succeed([key('account:a'), address], 0);
		expect(t.waitMs([key('account:a')], 0)).toBe(0);
		expect(t.waitMs([address], 0)).toBe(0);
		// The three failures remain: the next try from the address is the fourth again.
		t.attempt([key('account:c'), address], 0);
		expect(t.waitMs([address], 0)).toBe(1000);
	});

	it('caps the wait and never locks a key whose rules say so', () => {
		const t = new LoginThrottle();
		const account = [key('account:a', ACCOUNT_RULES)];
		let now = 0;
		for (let i = 0; i < 50; i++) {
			now += t.waitMs(account, now);
			expect(t.attempt(account, now)).toBe(0);
		}
		expect(t.waitMs(account, now)).toBe(ACCOUNT_RULES.maxDelayMs);
	});

	it('forgets old failures', () => {
		const t = new LoginThrottle();
		for (let i = 0; i < 4; i++) t.attempt([key('account:a')], 0);
		t.attempt([key('account:a')], 700_000);
		expect(t.waitMs([key('account:a')], 700_000)).toBe(0);
	});

	it('keys a password check per login id and address, per address, and per login id', () => {
		const keys = passwordKeys(' Hanako@City.example ', '203.0.113.9');
		expect(keys.map((k) => k.id)).toEqual(['pair:hanako@city.example\n203.0.113.9', 'address:203.0.113.9', 'account:hanako@city.example']);
		expect(keys.map((k) => k.rules)).toEqual([PAIR_RULES, ADDRESS_RULES, ACCOUNT_RULES]);
	});
});

describe('roles and the guard', () => {
	it('admins may do everything; others what their roles allow', () => {
		expect(allows(['admin'], ['analyst'])).toBe(true);
		expect(allows(['analyst'], ['analyst', 'designer'])).toBe(true);
		expect(allows(['clerk'], ['analyst'])).toBe(false);
		expect(allows(['clerk'], [])).toBe(true);
	});

	const event = (user: App.Locals['user'], path = '/admin/users') =>
		({ locals: { user }, url: new URL(`http://x${path}`) }) as { locals: App.Locals; url: URL };
	const outcome = (f: () => unknown) => {
		try {
			f();
			return 'allowed';
		} catch (e) {
			if (isRedirect(e)) return `redirect ${e.location}`;
			if (isHttpError(e)) return String(e.status);
			throw e;
		}
	};
	const staff = (roles: ('admin' | 'analyst' | 'clerk')[], mustChangePassword = false) => ({
		id: 1, email: 'a@b', displayName: 'A', roles, mustChangePassword
	});

	it('sends the anonymous to the login page, the wrong role to 403, and a first password to be changed', () => {
		expect(outcome(() => requireStaff(event(null), 'admin'))).toBe('redirect /admin/login?next=%2Fadmin%2Fusers');
		expect(outcome(() => requireStaff(event(staff(['analyst'])), 'admin'))).toBe('403');
		expect(outcome(() => requireStaff(event(staff(['admin'])), 'admin'))).toBe('allowed');
		expect(outcome(() => requireStaff(event(staff(['clerk'], true)), 'clerk'))).toBe('redirect /admin/account');
		expect(outcome(() => requireStaff(event(staff(['clerk'], true), '/admin/account')))).toBe('allowed');
	});

	it('only returns to staff pages after login', () => {
		expect(safeNext('/admin/users?x=1')).toBe('/admin/users?x=1');
		expect(safeNext('https://evil.example/admin')).toBe('/admin');
		expect(safeNext('//evil.example')).toBe('/admin');
		expect(safeNext(null)).toBe('/admin');
	});
});

describe('the first administrator', () => {
	it('gets a one-time password that must be changed, once', async () => {
		const first = await users.ensureFirstAdmin(db, {});
		expect(first?.email).toBe('admin@localhost');
		expect(first?.oneTimePassword).toMatch(/^[a-z2-7]{16}$/);
		const login = users.findForLogin(db, 'ADMIN@localhost')!;
		expect(await verifyPassword(login.passwordHash, first!.oneTimePassword!)).toBe(true);
		expect(users.get(db, login.id)?.mustChangePassword).toBe(true);
		expect(await users.ensureFirstAdmin(db, {})).toBeUndefined();
	});

	it('takes ADMIN_EMAIL and ADMIN_PASSWORD when given', async () => {
		const first = await users.ensureFirstAdmin(db, { ADMIN_EMAIL: 'it@city.example', ADMIN_PASSWORD: 'given long password' });
		expect(first).toEqual({ email: 'it@city.example', oneTimePassword: undefined });
		const login = users.findForLogin(db, 'it@city.example')!;
		expect(await verifyPassword(login.passwordHash, 'given long password')).toBe(true);
		expect(users.get(db, login.id)?.mustChangePassword).toBe(false);
	});
});

describe('the audit log', () => {
	it('records who did what, and filters by kinds, person and Japanese dates', async () => {
		audit.record(db, { id: null, email: 'x@y' }, 'login.failure', '', { reason: 'unknown-id' });
		audit.record(db, null, 'user.first-admin');
		audit.record(db, { id: null, email: 'hanako@city.example' }, 'login.success');
		const staff = { id: await makeUser(['analyst'], 'it@city.example'), email: 'it@city.example' };
		audit.record(db, staff, 'logout');
		db.prepare("UPDATE audit_event SET at = '2026-04-01T14:59:59.000Z' WHERE id = 1").run(); // 23:59:59 JST
		db.prepare("UPDATE audit_event SET at = '2026-04-01T15:00:00.000Z' WHERE id = 2").run(); // next day JST
		expect(audit.list(db, { actions: ['login.success', 'login.failure'] }).events.map((e) => e.action)).toEqual(['login.success', 'login.failure']);
		expect(audit.list(db, { actions: [] }).total).toBe(0);
		expect(audit.list(db, { person: 'unregistered' }).events.map((e) => e.actor)).toEqual(['hanako@city.example', 'x@y']);
		expect(audit.list(db, { person: 'system' }).events.map((e) => e.action)).toEqual(['user.first-admin']);
		expect(audit.list(db, { person: { id: staff.id } }).events.map((e) => e.action)).toEqual(['logout']);
		expect(audit.list(db, { from: '2026-04-01', to: '2026-04-01' }).events.map((e) => e.id)).toEqual([1]);
		expect(audit.list(db, { from: '2026-04-02', to: '2026-04-02' }).events.map((e) => e.id)).toEqual([2]);
		expect([...audit.iterate(db, {})].map((e) => e.id)).toEqual([1, 2, 3, 4]);
		expect(audit.list(db, {}).events[3].detail).toEqual({ reason: 'unknown-id' });
	});

	it('downloads as CSV with a BOM, formulas neutralised and numbers left alone', () => {
		expect(toCsv(['a'], [['=HYPERLINK("x")'], ['@SUM(A1)'], ['-1'], [-1], ['山口']])).toBe(
			'\uFEFFa\r\n"\'=HYPERLINK(""x"")"\r\n"\'@SUM(A1)"\r\n"\'-1"\r\n-1\r\n山口'
		);
		const csv = toCsv(['a', 'b'], [[1, '+cmd'], [-2, '改行\nあり']]);
		expect(csv).toBe('\uFEFFa,b\r\n1,"\'+cmd"\r\n-2,"改行\nあり"');
	});
});
