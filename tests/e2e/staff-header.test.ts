// The staff header: one row at 1280 px for an administrator, who sees the most links; below
// 900 px the links fold under a 「メニュー」 disclosure that opens by keyboard, and without
// JavaScript too; 44 px targets; the current page marked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launch, newPage } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';

let browser: Browser;
let admin: TestStaff;
beforeAll(async () => {
	browser = await launch();
	admin = await createStaff(['admin'], 'header');
});
afterAll(async () => {
	await browser?.close();
});

const NARROW = { width: 800, height: 900 };
const SMALL_PC = { width: 1024, height: 768 };
const links = (page: Page) => page.locator('.staff-nav a');
const boxes = (page: Page, selector: string) =>
	page.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent).map((e) => e.getBoundingClientRect().toJSON() as DOMRect));

/** Tabs from the top of the page until the element matching `selector` has the focus. */
async function tabTo(page: Page, selector: string) {
	for (let i = 0; i < 10; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
	}
	throw new Error(`${selector} never had the focus`);
}

describe('the staff header', () => {
	it('is one row at 1280 px for an administrator, the current page marked', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, admin);
		await page.goto('/admin/audit');
		const header = await page.locator('.staff-header').boundingBox();
		expect(header!.height).toBeLessThan(70);
		const tops = (await boxes(page, '.staff-nav a, .staff-header .brand, .staff-account summary')).map((b) => Math.round(b.top));
		expect(tops.length).toBe(10);
		expect(new Set(tops).size).toBe(1);
		await expect(links(page).count()).resolves.toBe(8);
		await expect(page.locator('.staff-header [aria-current=page]').allInnerTexts()).resolves.toEqual(['監査ログ']);
		for (const b of await boxes(page, '.staff-nav a, .staff-header .brand, .staff-header summary')) expect(b.height).toBeGreaterThanOrEqual(44);
		await page.goto('/admin');
		await expect(page.locator('.staff-header [aria-current=page]').allInnerTexts()).resolves.toEqual(['市民アンケート 管理']);
		// The menu button is for narrow screens only.
		await expect(page.getByText('メニュー', { exact: true }).isVisible()).resolves.toBe(false);

		// The account menu: who is logged in, the password change and logging out.
		await page.locator('.staff-account summary').click();
		await expect(page.locator('.staff-account .panel').innerText()).resolves.toContain(admin.email);
		await expect(page.getByRole('link', { name: 'パスワード変更' }).isVisible()).resolves.toBe(true);
		await expect(page.getByRole('button', { name: 'ログアウト' }).isVisible()).resolves.toBe(true);
		await expectAccessible(page, 'the header with its account menu open');
		await page.keyboard.press('Escape');
		await expect(page.getByRole('button', { name: 'ログアウト' }).isVisible()).resolves.toBe(false);
		await context.close();
	});

	it('folds its links into a menu below 1200 px that opens by keyboard', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: SMALL_PC });
		await logIn(page, admin);
		// One row at 1024 px too, the links behind the menu button; and so at 800 px.
		await page.goto('/admin/users');
		const tops = (await boxes(page, '.staff-header .brand, .staff-header summary')).map((b) => Math.round(b.top));
		expect(new Set(tops).size).toBe(1);
		expect((await page.locator('.staff-header').boundingBox())!.height).toBeLessThan(70);
		await page.setViewportSize(NARROW);
		await page.goto('/admin/users');
		await expect(links(page).first().isVisible()).resolves.toBe(false);
		expect((await page.locator('.staff-header').boundingBox())!.height).toBeLessThan(70);
		await tabTo(page, '.staff-menu summary');
		await expect(page.locator('.staff-menu summary').innerText()).resolves.toBe('メニュー');
		await page.keyboard.press('Enter');
		await expect(links(page).count()).resolves.toBe(8);
		for (const b of await boxes(page, '.staff-nav a')) expect(b.height).toBeGreaterThanOrEqual(44);
		expect((await boxes(page, '.staff-nav a')).length).toBe(8);
		await expect(page.locator('.staff-nav [aria-current=page]').innerText()).resolves.toBe('ユーザー管理');
		await expectAccessible(page, 'the open menu at 800 px');
		// The next Tab goes into the links; Escape closes the menu and gives the focus back.
		await page.keyboard.press('Tab');
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('調査票');
		await page.keyboard.press('Escape');
		await expect(links(page).first().isVisible()).resolves.toBe(false);
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('メニュー');
		// A link followed closes the menu.
		await page.keyboard.press('Enter');
		await Promise.all([page.waitForURL('**/admin/audit'), links(page).filter({ hasText: '監査ログ' }).click()]);
		await expect(links(page).first().isVisible()).resolves.toBe(false);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('opens its menu without JavaScript', async () => {
		const { context, page } = await newPage(browser, { viewport: NARROW, javaScriptEnabled: false });
		await logIn(page, admin);
		await page.goto('/admin');
		await expect(links(page).first().isVisible()).resolves.toBe(false);
		await page.locator('.staff-menu summary').click();
		await expect(links(page).filter({ hasText: 'バックアップ' }).isVisible()).resolves.toBe(true);
		await context.close();
	});
});
