// The staff login action on a temporary SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import { tempDatabasePath } from './support/temp-db';
import { runAction } from './support/run-action';

const temp = tempDatabasePath();
process.env.DATABASE_PATH = temp.file;

let login: (event: never) => unknown;
let db: Database.Database;

beforeAll(async () => {
	const { db: open } = await import('../../src/lib/server/db');
	const users = await import('../../src/lib/server/users');
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

const attempt = (email: string, password: string, client: string, url = 'http://localhost/admin/login', next = '') =>
	runAction(login, { url, fields: { email, password, next }, client });

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
	});

	it('slows down repeated failures on one account, whatever the address, even for the right password', async () => {
		for (let i = 0; i < 4; i++) await attempt('hanako@city.example', `wrong-${i}`, `192.0.2.${i}`);
		const { result } = await attempt('hanako@city.example', 'kawa-no-nagare-2026', '192.0.2.99');
		expect(isActionFailure(result) && result.status).toBe(429);
		expect(isActionFailure(result) && (result.data as { message?: string } | undefined)?.message).toContain('一時的に制限しています');
	});

	it('slows down one address trying many accounts', async () => {
		for (let i = 0; i < 4; i++) await attempt(`guess-${i}@city.example`, 'password', '203.0.113.50');
		const { result } = await attempt('someone-else@city.example', 'password', '203.0.113.50');
		expect(isActionFailure(result) && result.status).toBe(429);
	});
});
