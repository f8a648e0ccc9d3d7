// Staff log in, change a first password, meet the role checks, and log out.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, baseUrl, launch, newPage, readDatabase, slowScripts } from './browser';
import { createStaff, logIn, logOut, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const logInWith = (page: Page, email: string, password: string) => logIn(page, { email, password });

const lastAudit = (action: string) =>
	readDatabase((db) => db.prepare('SELECT actor FROM audit_event WHERE action = ? ORDER BY id DESC LIMIT 1').pluck().get(action));

describe('staff accounts', () => {
	it('the first administrator logs in with the printed password and must change it', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await page.goto('/admin');
		expect(new URL(page.url()).pathname).toBe('/admin/login');
		await expectAccessible(page, 'the login page');

		await logInWith(page, 'admin@localhost', 'not-the-password');
		await expect(page.locator('.alert').innerText()).resolves.toBe('ログインIDまたはパスワードが正しくありません。');
		await logInWith(page, 'nobody@city.example', inject('adminPassword'));
		await expect(page.locator('.alert').innerText()).resolves.toBe('ログインIDまたはパスワードが正しくありません。');

		await logInWith(page, 'admin@localhost', inject('adminPassword'));
		expect(new URL(page.url()).pathname).toBe('/admin/account');
		await expect(page.locator('.notice').innerText()).resolves.toContain('新しいパスワードを設定してください');
		// Until it is changed, every other staff page leads back here.
		await page.goto('/admin/users');
		expect(new URL(page.url()).pathname).toBe('/admin/account');
		await expectAccessible(page, 'the forced password change');

		await page.locator('input[name=current]').fill(inject('adminPassword'));
		await page.locator('input[name=password]').fill('password1234');
		await page.locator('input[name=confirm]').fill('password1234');
		await page.locator('form[action="?/changePassword"] button').click();
		await page.waitForLoadState();
		await expect(page.locator('.alert').innerText()).resolves.toContain('よく使われているパスワード');

		await page.locator('input[name=current]').fill(inject('adminPassword'));
		await page.locator('input[name=password]').fill('yamaguchi-sabo-2026!');
		await page.locator('input[name=confirm]').fill('yamaguchi-sabo-2026!');
		await page.locator('form[action="?/changePassword"] button').click();
		await page.waitForURL('**/admin?changed');
		await expect(page.locator('h1').innerText()).resolves.toBe('ダッシュボード');
		await expect(page.locator('table.data').innerText()).resolves.toContain('令和4年度 山口市 市民のデジタル活用に関するアンケート');
		await expect(page.getByRole('link', { name: 'ユーザー管理' }).count()).resolves.toBe(1);
		await expectAccessible(page, 'the dashboard');
		expect(lastAudit('user.password')).toBe('admin@localhost');

		// The one-time password no longer works.
		await logOut(page);
		await logInWith(page, 'admin@localhost', inject('adminPassword'));
		await expect(page.locator('.alert').count()).resolves.toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps a login id typed before the page’s script arrived', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await slowScripts(page, 1500);
		await page.goto('/admin/login', { waitUntil: 'commit' });
		await page.locator('input[name=email]').fill('someone@city.example');
		// The scripts arrive and start (no request for half a second after them).
		await page.waitForLoadState('networkidle');
		await expect(page.locator('input[name=email]').inputValue()).resolves.toBe('someone@city.example');
		await context.close();
	});

	it('an analyst sees no link to user management and gets 403 there', async () => {
		const analyst = await createStaff(['analyst']);
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logInWith(page, analyst.email, analyst.password);
		expect(new URL(page.url()).pathname).toBe('/admin');
		await expect(page.locator('.staff-nav').innerText()).resolves.not.toContain('ユーザー管理');
		await expect(page.locator('.staff-nav').innerText()).resolves.not.toContain('監査ログ');
		const response = await page.goto('/admin/users');
		expect(response?.status()).toBe(403);
		await expect(page.locator('h1').innerText()).resolves.toBe('権限がありません');
		await expectAccessible(page, 'the 403 page');
		await context.close();
	});

	it('an administrator creates an account whose one-time password must be changed at first login', async () => {
		const admin = await createStaff(['admin']);
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logInWith(page, admin.email, admin.password);
		// Typed and ticked before the page's script arrived: starting the script keeps all of it.
		await slowScripts(page, 1500);
		await page.goto('/admin/users', { waitUntil: 'commit' });
		await page.locator('input[name=email]').fill('clerk-new@city.example');
		await page.locator('input[name=displayName]').fill('入力 太郎');
		await page.locator('input[name=roles][value=clerk]').check();
		await page.waitForLoadState('networkidle');
		await page.unrouteAll();
		await Promise.all([page.waitForURL('**/admin/users?/create'), page.locator('form[action="?/create"] button').click()]);
		const password = await page.locator('.secret').innerText();
		expect(password).toMatch(/^[a-z2-7]{16}$/);
		await expectAccessible(page, 'user management');
		expect(lastAudit('user.create')).toBe(admin.email);

		const clerk = await newPage(browser, { viewport: DESKTOP });
		await logInWith(clerk.page, 'clerk-new@city.example', password);
		expect(new URL(clerk.page.url()).pathname).toBe('/admin/account');
		await clerk.context.close();
		await context.close();
	});

	it('logging out ends the session: the old cookie opens nothing', async () => {
		const designer = await createStaff(['designer']);
		const { context, page } = await newPage(browser);
		await logInWith(page, designer.email, designer.password);
		const cookie = (await context.cookies()).find((c) => c.name === 'staff_session')!;
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
		await logOut(page);
		const replay = await fetch(`${baseUrl()}/admin`, {
			headers: { cookie: `staff_session=${cookie.value}` },
			redirect: 'manual'
		});
		expect(replay.status).toBe(303);
		expect(replay.headers.get('location')).toContain('/admin/login');
		await context.close();
	});

	it('a stolen cookie stops working after "log out everywhere"', async () => {
		const analyst: TestStaff = await createStaff(['analyst']);
		const owner = await newPage(browser, { viewport: DESKTOP });
		await logInWith(owner.page, analyst.email, analyst.password);
		const thief = await newPage(browser, { viewport: DESKTOP });
		await logInWith(thief.page, analyst.email, analyst.password);
		const stolen = (await thief.context.cookies()).find((c) => c.name === 'staff_session')!;
		await thief.context.close();
		const withStolen = () =>
			fetch(`${baseUrl()}/admin`, { headers: { cookie: `staff_session=${stolen.value}` }, redirect: 'manual' });
		expect((await withStolen()).status).toBe(200);

		await owner.page.goto('/admin/account');
		await owner.page.getByRole('button', { name: 'すべての端末からログアウトする' }).click();
		await owner.page.waitForURL('**/admin/login');
		expect((await withStolen()).status).toBe(303);
		expect(lastAudit('session.logout-all')).toBe(analyst.email);
		await owner.context.close();
	});
});
