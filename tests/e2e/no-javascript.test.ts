// With JavaScript off the survey is one long form with one submit button, checked on the
// server with the same messages.
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
import { SURVEY, choose } from './survey-steps';
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
		await expect(page.locator('button[type=submit]').count()).resolves.toBe(1);
		await expect(page.locator('#q-D3 .note').innerText()).resolves.toContain(
			'D2で「ほとんど使わない」「使ったことがない」と答えた方'
		);
		expect(await seriousViolationsWithoutScripts(browser, page)).toEqual([]);

		const before = responseCount();
		const d3Answers = () =>
			readDatabase((db) => db.prepare(`SELECT count(*) FROM ${ANSWER_ROWS} WHERE question_key = 'D3'`).pluck().get() as number);
		const d3Before = d3Answers();
		await choose(page, 'F1', 2);
		await choose(page, 'G3', 1, 2, 3, 4);
		await page.locator('button[type=submit]').click();
		await page.waitForLoadState();
		const summary = page.locator('.error-summary');
		await expect(summary.innerText()).resolves.toContain('同意するチェック');
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
		await page.locator('button[type=submit]').click();
		await page.waitForURL('**/thanks');
		await expect(page.locator('h2').innerText()).resolves.toBe('ご回答ありがとうございました');
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

	it('switches language and text size with plain links', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(SURVEY);
		await chooseInHeader(page, 'English');
		await page.waitForLoadState();
		await expect(page.locator('h1').innerText()).resolves.toContain('Yamaguchi City Survey');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		await chooseInHeader(page, 'Large');
		await page.waitForLoadState();
		expect(await page.evaluate(() => document.documentElement.dataset.size)).toBe('large');
		// Remembered on the device for the next visit.
		await page.goto(SURVEY);
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		await context.close();
	});
});
