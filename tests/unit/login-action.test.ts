// The staff login action on a temporary SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import { tempDatabasePath } from './support/temp-db';
import { runAction } from './support/run-action';
import { FakeCookies } from './support/fake-cookies';
import { ACCOUNT_RULES, ADDRESS_RULES, PAIR_RULES } from '../../src/lib/server/auth/throttle';

const temp = tempDatabasePath();
process.env.DATABASE_PATH = temp.file;

let login: (event: never) => unknown;
let deviceCookie = '';
let users: typeof import('../../src/lib/server/users');
let db: Database.Database;

beforeAll(async () => {
	const { db: open } = await import('../../src/lib/server/db');
	users = await import('../../src/lib/server/users');
	db = open();
	await users.create(db, {
		email: 'hanako@city.example',
		displayName: '花子',
		roles: ['analyst'],
		password: 'kawa-no-nagare-2026',
		mustChangePassword: false
	});
	login = (await import('../../src/routes/admin/login/+page.server')).actions.default as never;
});
afterAll(() => {
	db.close();
	temp.remove();
});

const auditCount = () => db.prepare('SELECT count(*) FROM audit_event').pluck().get() as number;

const attempt = (email: string, password: string, client: string, url = 'http://localhost/admin/login', next = '', cookies?: FakeCookies) =>
	runAction(login, { url, fields: { email, password, next }, client, cookies });

describe('staff login', () => {
	it('answers a wrong id and a wrong password alike, and logs both', async () => {
		const unknown = await attempt('nobody@city.example', 'kawa-no-nagare-2026', '198.51.100.1');
		const wrong = await attempt('hanako@city.example', 'not-the-password', '198.51.100.2');
		for (const { result } of [unknown, wrong]) {
			expect(isActionFailure(result) && result.status).toBe(400);
			expect(isActionFailure(result) && (result.data as { message?: string } | undefined)?.message).toBe('ログインIDまたはパスワードが正しくありません。');
		}
		const reasons = db
			.prepare("SELECT json_extract(detail, '$.reason') FROM audit_event WHERE action = 'login.failure' ORDER BY id")
			.pluck()
			.all();
		expect(reasons).toEqual(['unknown-id', 'wrong-password']);
	});

	it('logs in with a session cookie (HttpOnly, SameSite=Lax, Secure on https) and goes back where asked', async () => {
		const { result, cookies } = await attempt(
			'HANAKO@city.example', 'kawa-no-nagare-2026', '198.51.100.3', 'https://survey.example/admin/login', '/admin/audit'
		);
		expect(isRedirect(result) && result.location).toBe('/admin/audit');
		expect(cookies.get('staff_session')).toMatch(/^[a-z2-7]{32}$/);
		expect(cookies.options.get('staff_session')).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
		const plain = await attempt('hanako@city.example', 'kawa-no-nagare-2026', '198.51.100.3');
		expect(plain.cookies.options.get('staff_session')).toMatchObject({ secure: false });
		// The browser is remembered for the account, for the login page only.
		deviceCookie = plain.cookies.get('staff_device')!;
		expect(deviceCookie).toMatch(/^\d+\.[\w-]+\.[\w-]{43}$/);
		expect(plain.cookies.options.get('staff_device')).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/admin/login' });
	});

	it('slows down a login id tried from many addresses, even for the right password, but never locks it', async () => {
		for (let i = 0; i <= ACCOUNT_RULES.free; i++) await attempt('hanako@city.example', `wrong-${i}`, `192.0.2.${i}`);
		const { result } = await attempt('hanako@city.example', 'kawa-no-nagare-2026', '192.0.2.99');
		expect(isActionFailure(result) && result.status).toBe(429);
		expect(isActionFailure(result) && (result.data as { message?: string } | undefined)?.message).toContain('一時的に制限しています');
		expect(ACCOUNT_RULES.lockAfter).toBe(Infinity);
		expect(ACCOUNT_RULES.maxDelayMs).toBeLessThanOrEqual(30_000);
	});

	it('lets the real user in from a browser that logged in before, while that login id is held back', async () => {
		// hanako is held back now (the test above); her browser logged in earlier in this file.
		const earlier = await attempt('hanako@city.example', 'kawa-no-nagare-2026', '192.0.2.99');
		expect(isActionFailure(earlier.result) && earlier.result.status).toBe(429);
		const device = new FakeCookies();
		device.values.set('staff_device', deviceCookie);
		const known = await attempt('hanako@city.example', 'kawa-no-nagare-2026', '198.18.0.1', undefined, '', device);
		expect(isRedirect(known.result)).toBe(true);
		// A forged or another account's cookie counts for nothing.
		const forged = new FakeCookies();
		forged.values.set('staff_device', deviceCookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
		for (let i = 0; i <= ACCOUNT_RULES.free; i++) await attempt('hanako@city.example', `wrong-again-${i}`, `192.0.3.${i}`);
		const refused = await attempt('hanako@city.example', 'kawa-no-nagare-2026', '198.18.0.2', undefined, '', forged);
		expect(isActionFailure(refused.result) && refused.result.status).toBe(429);
	});

	it('slows down one address trying many accounts', async () => {
		for (let i = 0; i <= ADDRESS_RULES.free; i++) await attempt(`guess-${i}@city.example`, 'password', '203.0.113.50');
		const { result } = await attempt('someone-else@city.example', 'password', '203.0.113.50');
		expect(isActionFailure(result) && result.status).toBe(429);
	});

	it('checks no more passwords than allowed when 200 tries arrive at once, and the real user still logs in from elsewhere', async () => {
		await users.create(db, {
			email: 'taro@city.example', displayName: '太郎', roles: ['clerk'], password: 'yama-no-kaze-2026', mustChangePassword: false
		});
		const before = auditCount();
		const results = await Promise.all(
			Array.from({ length: 200 }, (_, i) => attempt('taro@city.example', `guess-${i}`, '198.51.100.200'))
		);
		const status = (r: unknown) => (isActionFailure(r) ? r.status : 0);
		const checked = results.filter(({ result }) => status(result) === 400).length;
		expect(checked).toBe(PAIR_RULES.free + 1);
		expect(results.filter(({ result }) => status(result) === 429).length).toBe(200 - checked);
		// Folded: one event for the failures and one for the refusals, each with its count.
		expect(auditCount() - before).toBe(2);
		const counts = db
			.prepare("SELECT action, json_extract(detail, '$.count') AS n FROM audit_event WHERE actor = 'taro@city.example' ORDER BY action")
			.all();
		expect(counts).toEqual([
			{ action: 'login.failure', n: checked },
			{ action: 'login.throttled', n: 200 - checked }
		]);
		const real = await attempt('taro@city.example', 'yama-no-kaze-2026', '198.51.100.201');
		expect(isRedirect(real.result)).toBe(true);
	});

	it('refuses an overlong login id without checking it or writing it anywhere', async () => {
		const before = auditCount();
		const { result } = await attempt(`${'x'.repeat(300)}@city.example`, 'password', '198.51.100.77');
		expect(isActionFailure(result) && result.status).toBe(400);
		expect(auditCount()).toBe(before);
	});
});
