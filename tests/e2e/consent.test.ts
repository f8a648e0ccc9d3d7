// The consent page as residents meet it on a phone: a summary that fits one screen at 標準,
// the full notice folded under it (opening without JavaScript too), a way to decline, and the
// notice's own page linked from every page of the survey. Screenshots of each language and
// size, with and without JavaScript, go to test-results/consent/ to be looked at.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PHONE, launch, newPage, seriousViolations, seriousViolationsWithoutScripts } from './browser';
import { SURVEY } from './survey-steps';
import { RESPONSE_COLUMNS } from '../../src/lib/survey/stored-data';

const SHOTS = path.resolve('test-results/consent');
let browser: Browser;
beforeAll(async () => {
	browser = await launch();
	fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
	await browser?.close();
});

const LANGS = ['ja', 'easy', 'en'] as const;
const SIZES = [['normal', '標準'], ['huge', '特大']] as const;

/** The summary's top and bottom on the page, from the consent heading down. */
const summaryBox = (page: Page) =>
	page.evaluate(() => {
		const heading = document.querySelector('#consent-heading')!.getBoundingClientRect();
		const list = document.querySelector('.consent-summary')!.getBoundingClientRect();
		return { top: heading.top + window.scrollY, bottom: list.bottom + window.scrollY };
	});

describe('the consent page', () => {
	for (const javaScriptEnabled of [true, false])
		it(`has a one-screen summary and the full notice folded under it, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
			const { context, page, errors } = await newPage(browser, { javaScriptEnabled });
			for (const lang of LANGS)
				for (const [size, name] of SIZES) {
					await page.goto(`${SURVEY}?lang=${lang}&size=${size}`);
					// With JavaScript, the one long form becomes pages once the app has started.
					await page.locator(javaScriptEnabled ? '.progress' : '.consent-summary').waitFor();
					const { top, bottom } = await summaryBox(page);
					if (size === 'normal') expect(bottom - top, `${lang} ${name}: the summary is taller than the screen`).toBeLessThanOrEqual(PHONE.height);
					const file = `consent-${lang}-${size}-${javaScriptEnabled ? 'js' : 'nojs'}.png`;
					// The consent section alone: without JavaScript the whole survey follows it on one page.
					await page.locator('section.consent').screenshot({ path: path.join(SHOTS, file) });
					// Folded: the list of what is stored is not shown until asked for.
					const stored = page.getByText(RESPONSE_COLUMNS.at(-1)!.told[lang], { exact: true });
					await expect(stored.isVisible()).resolves.toBe(false);
					await page.locator('.consent-full summary').click();
					await expect(stored.isVisible()).resolves.toBe(true);
					if (size === 'normal' && lang === 'ja')
						await page.locator('section.consent').screenshot({ path: path.join(SHOTS, `consent-ja-opened-${javaScriptEnabled ? 'js' : 'nojs'}.png`) });
				}
			if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
			else expect(await seriousViolationsWithoutScripts(browser, page)).toEqual([]);
			expect(errors).toEqual([]);
			await context.close();
		});

	it('offers a way to decline that leaves the survey', async () => {
		const { context, page } = await newPage(browser);
		await page.goto(SURVEY);
		await page.getByRole('link', { name: '同意しないで終わる（トップページへ）' }).click();
		await page.waitForURL((url) => url.pathname === '/');
		await context.close();
	});
});

describe('the privacy page', () => {
	it('is linked from every page of the survey, and holds the full notice in each language', async () => {
		const { context, page, errors } = await newPage(browser);
		await page.goto(SURVEY);
		const footerLink = page.locator('footer').getByRole('link', { name: 'このアンケートの個人情報の取扱い' });
		await expect(footerLink.getAttribute('href')).resolves.toBe('/s/digital-2022/privacy');
		// Further into the survey, on a question page, the footer still links it.
		await page.locator('#consent').check();
		await page.getByRole('button', { name: '回答を始める' }).click();
		await page.locator('#section-F').waitFor();
		await expect(footerLink.count()).resolves.toBe(1);
		await footerLink.click();
		await page.waitForURL('**/s/digital-2022/privacy');
		await expect(page.getByRole('heading', { name: 'このアンケートの個人情報の取扱い' }).count()).resolves.toBe(1);
		for (const c of RESPONSE_COLUMNS) await expect(page.getByText(c.told.ja, { exact: true }).isVisible(), c.column).resolves.toBe(true);
		const text = await page.locator('main').innerText();
		expect(text).toContain('山口市 総合政策部 スマートシティ推進室');
		expect(text).toContain('調査の終了から 5 年間保存し');
		expect(text).toContain('10 人未満');
		expect(await seriousViolations(page)).toEqual([]);
		await page.screenshot({ path: path.join(SHOTS, 'privacy-ja.png'), fullPage: true });
		for (const [lang, heading] of [['easy', 'この アンケートの じょうほうの あつかい'], ['en', 'How this survey handles your information']] as const) {
			await page.goto(`/s/digital-2022/privacy?lang=${lang}`);
			await expect(page.getByRole('heading', { name: heading }).count()).resolves.toBe(1);
			await expect(page.getByText(RESPONSE_COLUMNS[0].told[lang], { exact: true }).isVisible()).resolves.toBe(true);
		}
		// The thank-you page links it too.
		await page.goto('/s/digital-2022/thanks?lang=ja');
		await expect(page.locator('footer a[href="/s/digital-2022/privacy"]').count()).resolves.toBe(1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('is not there for a survey that does not exist', async () => {
		const { context, page } = await newPage(browser);
		const reply = await page.goto('/s/no-such-survey/privacy');
		expect(reply?.status()).toBe(404);
		await context.close();
	});
});
