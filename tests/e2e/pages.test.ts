// The home page, the pages for a survey that is closed, not yet open or unknown, and the
// survey used with a keyboard alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, launch, newPage, writeDatabase } from './browser';
import { SURVEY, expectAccessible, heading } from './survey-steps';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
	// Two more editions of the bundled survey: one closed, one scheduled for later.
	writeDatabase((db) => {
		const add = db.transaction((slug: string, year: number, status: string, opensAt: string | null) => {
			const surveyId = db
				.prepare('INSERT INTO survey (slug, fiscal_year, status, opens_at) VALUES (?, ?, ?, ?)')
				.run(slug, year, status, opensAt).lastInsertRowid;
			const versionId = db
				.prepare(
					`INSERT INTO survey_version (survey_id, version, document, published_at)
					 SELECT ?, 1, document, '2026-01-01T00:00:00Z' FROM survey_version WHERE id = 1`
				)
				.run(surveyId).lastInsertRowid;
			db.prepare('UPDATE survey SET published_version_id = ? WHERE id = ?').run(versionId, surveyId);
		});
		add('closed-2021', 2021, 'closed', null);
		add('later-2099', 2099, 'open', '2099-04-01T00:00:00Z');
	});
});
afterAll(async () => {
	await browser?.close();
});

describe('pages around the survey', () => {
	it('the home page lists open, upcoming and closed surveys in Japanese', async () => {
		for (const viewport of [undefined, DESKTOP]) {
			const { context, page } = await newPage(browser, { viewport });
			await page.goto('/');
			await expect(page.locator('h1').innerText()).resolves.toBe('市民アンケート');
			const open = page.locator('section[aria-labelledby=open-heading]');
			// Other tests may have opened surveys of their own: look for the bundled one.
			await expect(open.locator(`a.button[href="${SURVEY}"]`).innerText()).resolves.toBe('回答する');
			await expect(page.locator('section[aria-labelledby=upcoming-heading]').innerText()).resolves.toContain('2099年4月1日から');
			await expect(page.locator('section[aria-labelledby=closed-heading]').innerText()).resolves.toContain('受付を終了しました');
			await expectAccessible(page, 'the home page');
			await context.close();
		}
	});

	it('a closed survey says so and offers no form', async () => {
		const { context, page } = await newPage(browser);
		const response = await page.goto('/s/closed-2021');
		expect(response?.status()).toBe(200);
		await expect(page.locator('main h2').innerText()).resolves.toBe('このアンケートは終了しました');
		await expect(page.locator('form').count()).resolves.toBe(0);
		await expectAccessible(page, 'the closed page');
		await context.close();
	});

	it('a survey not yet open gives its opening date', async () => {
		const { context, page } = await newPage(browser);
		await page.goto('/s/later-2099');
		await expect(page.locator('main').innerText()).resolves.toContain('2099年4月1日 から回答できます。');
		await expectAccessible(page, 'the not-yet-open page');
		await context.close();
	});

	it('an unknown survey is a 404 page in Japanese', async () => {
		const { context, page } = await newPage(browser);
		const response = await page.goto('/s/no-such-survey');
		expect(response?.status()).toBe(404);
		await expect(page.locator('h1').innerText()).resolves.toBe('ページが見つかりません');
		await expectAccessible(page, 'the 404 page');
		await context.close();
	});

	it('the survey can be answered with a keyboard alone', async () => {
		const { context, page, errors } = await newPage(browser);
		await page.goto(SURVEY);
		await page.waitForFunction(() => document.querySelector('.progress'));
		const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim());
		const tabTo = async (target: string) => {
			for (let i = 0; i < 40 && (await focused()) !== target; i++) await page.keyboard.press('Tab');
			expect(await focused()).toBe(target);
		};
		await tabTo('consent');
		await page.keyboard.press('Space');
		await tabTo('回答を始める');
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.activeElement?.classList.contains('page-heading'));
		expect(await heading(page)).toBe('あなたご自身について');
		await tabTo('in-F1-1');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		expect(await page.locator('#in-F1-3').isChecked()).toBe(true);
		await tabTo('in-F3');
		await page.keyboard.press('ArrowDown');
		await expect(page.locator('#in-F3').inputValue()).resolves.not.toBe('');
		await tabTo('in-F4-1');
		await page.keyboard.press('Space');
		expect(await page.locator('#in-F4-1').isChecked()).toBe(true);
		await tabTo('次へ');
		await page.keyboard.press('Enter');
		await page.waitForFunction(() => document.querySelector('.page-heading')?.textContent === '情報機器とインターネット');
		expect(errors).toEqual([]);
		await context.close();
	});
});
