// With JavaScript off the survey is one long form, checked on the server with the same
// messages: 回答内容を確認する lists the answers, whose page sends them; Enter sends nothing; the
// language and size switches re-draw the form with what was typed.
import { ANSWER_ROWS } from '../support/answer-rows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
	launch,
	newPage,
	readDatabase,
	responseCount,
	seriousViolationsWithoutScripts
} from './browser';
import { SURVEY, aboutYou, choose, reviewAndSendWithoutScript } from './survey-steps';
import { chooseInHeader } from './site-header';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

describe('the survey without JavaScript', () => {
	it('is one page; errors come back from the server; a corrected form is stored once', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(SURVEY);
		// Every section is on the page, with conditions written out in words.
		await expect(page.locator('section.page').count()).resolves.toBe(8);
		await expect(page.locator('button[value=review]').count()).resolves.toBe(1);
		await expect(page.locator('button[value=send]').count()).resolves.toBe(0);
		// Conditions name questions as residents see them (問8), not by their keys (D2).
		await expect(page.locator('#q-D3 .note').innerText()).resolves.toContain(
			'問8で「ほとんど使わない」「使ったことがない」と答えた方'
		);
		expect(await seriousViolationsWithoutScripts(browser, page)).toEqual([]);

		const before = responseCount();
		const d3Answers = () =>
			readDatabase((db) => db.prepare(`SELECT count(*) FROM ${ANSWER_ROWS} WHERE question_key = 'D3'`).pluck().get() as number);
		const d3Before = d3Answers();
		await choose(page, 'F1', 2);
		await choose(page, 'G3', 1, 2, 3, 4);
		await page.locator('button[value=review]').click();
		await page.waitForLoadState();
		const summary = page.locator('.error-summary');
		await expect(summary.innerText()).resolves.toContain('同意の確認欄にチェック');
		// The box is below the summary: nothing there says 「上の」.
		await expect(summary.innerText()).resolves.not.toContain('上の');
		expect(await page.title()).toMatch(/^入力内容を確認してください/);
		await expect(page.locator('#err-F3').innerText()).resolves.toContain('この設問は必須です。選んでください。');
		await expect(page.locator('#err-G3').innerText()).resolves.toContain('選べるのは 3 つまでです');
		// What was entered is still there.
		expect(await page.locator('#in-F1-2').isChecked()).toBe(true);
		expect(await seriousViolationsWithoutScripts(browser, page)).toEqual([]);
		expect(responseCount()).toBe(before);

		await page.locator('#consent').check();
		await page.locator('#in-F3').selectOption('5');
		await choose(page, 'F4', 2);
		await choose(page, 'D2', 2);
		await page.locator('#in-G3-4').uncheck();
		// Answers to questions that conditions hide (D3 is for non-users) are dropped.
		await choose(page, 'D3', 1);
		await page.locator('#in-C4').fill('紙のアンケートも続けてください。');
		await reviewAndSendWithoutScript(page);
		await page.waitForURL('**/thanks');
		await expect(page.locator('h2').innerText()).resolves.toBe('ご回答ありがとうございました');
		await expect(page.locator('main').innerText()).resolves.not.toMatch(/ありがとうございました[\s\S]*ありがとうございました/);
		expect(responseCount()).toBe(before + 1);
		expect(d3Answers()).toBe(d3Before);

		// The same filled-in form sent again (a resubmission after the back button) adds nothing.
		const form = {
			consent: 'yes', F1: '3', F3: '1', F4: '1', D2: '1', versionId: '1', lang: 'ja',
			submissionKey: 'resubmitted-form-key-0001'
		};
		const headers = { origin: new URL(page.url()).origin, accept: 'text/html' };
		for (let i = 0; i < 2; i++) {
			const res = await page.request.post(SURVEY, { form, headers, maxRedirects: 0 });
			expect(res.status()).toBe(303);
			expect(res.headers().location).toBe('/s/digital-2022/thanks');
		}
		expect(responseCount()).toBe(before + 2);
		await context.close();
	});

	it('switches language and text size with buttons of the form, keeping what was typed', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(SURVEY);
		const before = responseCount();
		await page.locator('#consent').check();
		await choose(page, 'F1', 4);
		await page.locator('#in-F3').selectOption('17');
		await page.locator('#in-C4').fill('バスの本数を増やしてほしい');
		await chooseInHeader(page, 'English');
		await page.waitForLoadState();
		await expect(page.locator('h1').innerText()).resolves.toContain('Yamaguchi City Survey');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		// The form is drawn again in English with everything typed, and nothing is stored.
		await expect(page.locator('#q-F1 legend').innerText()).resolves.toContain('Q1');
		expect(await page.locator('#consent').isChecked()).toBe(true);
		expect(await page.locator('#in-F1-4').isChecked()).toBe(true);
		await expect(page.locator('#in-F3').inputValue()).resolves.toBe('17');
		await expect(page.locator('#in-C4').inputValue()).resolves.toBe('バスの本数を増やしてほしい');
		await expect(page.locator('.error-summary').count()).resolves.toBe(0);
		await chooseInHeader(page, 'Large');
		await page.waitForLoadState();
		expect(await page.evaluate(() => document.documentElement.dataset.size)).toBe('large');
		await expect(page.locator('#in-C4').inputValue()).resolves.toBe('バスの本数を増やしてほしい');
		expect(responseCount()).toBe(before);
		// Remembered on the device for the next visit.
		await page.goto(SURVEY);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		await context.close();
	});

	it('sends nothing when Enter is pressed in a text box of a filled-in form', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(SURVEY);
		await page.locator('#consent').check();
		await aboutYou(page, 4, 17, 3);
		await choose(page, 'D2', 5);
		await choose(page, 'D3', 7);
		const before = responseCount();
		const other = page.locator('#in-D3-other');
		await other.fill('目が見えにくい');
		await other.press('Enter');
		await page.waitForTimeout(500);
		await page.waitForLoadState();
		expect(page.url()).not.toContain('thanks');
		expect(responseCount()).toBe(before);
		await expect(other.inputValue()).resolves.toBe('目が見えにくい');
		await context.close();
	});

	it('lists the answers before sending, with a way back to each section', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(SURVEY);
		await page.locator('#consent').check();
		await aboutYou(page, 4, 17, 3);
		await choose(page, 'D2', 1);
		await page.locator('#in-C4').fill('図書館の予約をネットで');
		const before = responseCount();
		const ids = readDatabase((db) => db.prepare('SELECT id FROM response').pluck().all() as string[]);
		await page.locator('button[value=review]').click();
		await page.waitForSelector('#review-heading');
		// Nothing is stored before the review's own button.
		expect(responseCount()).toBe(before);
		const review = page.locator('.review');
		await expect(review.innerText()).resolves.toContain('40〜49歳');
		await expect(review.innerText()).resolves.toContain('図書館の予約をネットで');
		await expect(review.innerText()).resolves.toContain('（回答なし）');
		expect(await page.title()).toBe('令和4年度 山口市 市民のデジタル活用に関するアンケート');
		expect(await seriousViolationsWithoutScripts(browser, page)).toEqual([]);
		// 修正する for the first section: the form again, as filled in, at that section.
		await page.getByRole('button', { name: /修正する.*あなたご自身について/ }).click();
		await page.waitForSelector('#section-F');
		expect(page.url()).toContain('#section-F');
		expect(await page.locator('#in-F1-4').isChecked()).toBe(true);
		await choose(page, 'F1', 5);
		await reviewAndSendWithoutScript(page);
		await page.waitForURL('**/thanks');
		expect(responseCount()).toBe(before + 1);
		const f1 = readDatabase((db) =>
			db.prepare(`SELECT code FROM ${ANSWER_ROWS} WHERE question_key = 'F1' AND response_id NOT IN (${[...ids].map(() => '?').join(',') || "''"})`).pluck().all(...ids)
		);
		expect(f1).toEqual([5]);
		await context.close();
	});

	it('brings the whole question into view from an error link', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(SURVEY);
		await page.locator('button[value=review]').click();
		await page.waitForSelector('.error-summary');
		await page.locator('.error-summary a', { hasText: '問3' }).click();
		await page.waitForFunction(() => location.hash === '#q-F3');
		const heading = await page.locator('#q-F3 .qheading').boundingBox();
		const input = await page.locator('#in-F3').boundingBox();
		expect(heading!.y).toBeGreaterThanOrEqual(0);
		expect(input!.y + input!.height).toBeLessThanOrEqual(844);
		await context.close();
	});
});
