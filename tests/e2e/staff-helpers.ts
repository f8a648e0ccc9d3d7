// Staff accounts for browser and HTTP tests, made straight in the app's database.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/lib/server/auth/password';
import type { Role } from '../../src/lib/staff/roles';
import { baseUrl, writeDatabase } from './browser';

export interface TestStaff {
	id: number;
	email: string;
	password: string;
}

export async function createStaff(roles: Role[], name = roles.join('-')): Promise<TestStaff> {
	const email = `${name}-${randomBytes(4).toString('hex')}@city.example`;
	const password = `pw-${randomBytes(12).toString('hex')}`;
	const hash = await hashPassword(password);
	const id = writeDatabase((db) => {
		const id = Number(
			db
				.prepare('INSERT INTO staff_user (email, display_name, password_hash) VALUES (?, ?, ?)')
				.run(email, `テスト ${name}`, hash).lastInsertRowid
		);
		for (const role of roles) db.prepare('INSERT INTO staff_role (user_id, role) VALUES (?, ?)').run(id, role);
		return id;
	});
	return { id, email, password };
}

/** Logs in over HTTP, as the login form does; returns the session cookie ("name=value"). */
export async function loginCookie(staff: TestStaff): Promise<string> {
	const res = await fetch(`${baseUrl()}/admin/login`, {
		method: 'POST',
		body: new URLSearchParams({ email: staff.email, password: staff.password }),
		headers: { origin: baseUrl(), accept: 'text/html' },
		redirect: 'manual'
	});
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('staff_session='));
	if (res.status !== 303 || !cookie) throw new Error(`login failed for ${staff.email}: ${res.status}`);
	return cookie.split(';')[0];
}

/** Logs in through the login page, as a member of staff would. */
export async function logIn(page: import('playwright-core').Page, staff: { email: string; password: string }) {
	await page.goto('/admin/login');
	await page.locator('input[name=email]').fill(staff.email);
	await page.locator('input[name=password]').fill(staff.password);
	// Wait for the page the login leads to (the next page, or the login page with its error),
	// not just for the current one, or the next step could race the login.
	await Promise.all([page.waitForEvent('framenavigated'), page.locator('button[type=submit]').click()]);
	await page.waitForLoadState();
}

/** Logs out through the header's account menu. */
export async function logOut(page: import('playwright-core').Page) {
	await page.locator('.staff-account summary').click();
	await Promise.all([page.waitForURL('**/admin/login'), page.getByRole('button', { name: 'ログアウト' }).click()]);
}
