// The survey page runs one small script of its own instead of SvelteKit's client (issue 16:
// at most 45 KB of JavaScript in gzip for a slow phone). It must bring the server's form to
// life where it stands (hydrate, not draw it again), be kept by the browser for a year under
// a name that changes with its content, and be the only script the page loads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PHONE, baseUrl, launch, newPage, responseCount, slowScripts } from './browser';
import { decode, get } from './wire';
import { SURVEY, aboutYou, agreeAndStart, answerBeforeTheScript, answerOnlyTheRequired, choose, heading, next, openSurvey, reviewAndSend, reviewAndSendWithoutScript } from './survey-steps';
import { openSettings } from './site-header';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

/** Every script a page's HTML names: <script src>, modulepreload links and import("…"). */
const scriptsIn = (html: string) =>
	[...html.matchAll(/(?:<script[^>]*\ssrc="|<link[^>]*rel="modulepreload"[^>]*href="|import\(")([^"]+)"/g)].map((m) => m[1]);

describe('the survey page’s own script', () => {
	it('is the only script the page names, in each language, while other pages keep SvelteKit’s', async () => {
		for (const path of [SURVEY, `${SURVEY}?lang=en`, `${SURVEY}?lang=easy`]) {
			const html = (await get(path)).body.toString();
			expect(scriptsIn(html), path).toEqual([expect.stringMatching(/^\/enhance\/survey-[0-9a-f]{12}\.js$/)]);
			expect(html, path).not.toMatch(/_app\/immutable\/[^"]+\.js/);
		}
		// The home page is SvelteKit's as before, so the pattern above does find its scripts.
		expect(scriptsIn((await get('/')).body.toString()).some((s) => /_app\/immutable\/.+\.js$/.test(s))).toBe(true);
	});

	it('is at most 45 KB in gzip, kept for a year, compressed, and refused under any other name', async () => {
		const [src] = scriptsIn((await get(SURVEY)).body.toString());
		const plain = await get(src);
		expect(plain.status).toBe(200);
		expect(plain.headers['content-type']).toMatch(/^text\/javascript/);
		expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(plain.headers.vary).toMatch(/accept-encoding/i);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(Number(plain.headers['content-length'])).toBe(plain.body.byteLength);

		const gzipped = await get(src, { 'accept-encoding': 'gzip' });
		expect(gzipped.headers['content-encoding']).toBe('gzip');
		expect(decode(gzipped).equals(plain.body)).toBe(true);
		console.log(`survey page script: ${(plain.body.byteLength / 1024).toFixed(1)} KB, ${(gzipped.body.byteLength / 1024).toFixed(1)} KB gzip`);
		expect(gzipped.body.byteLength).toBeLessThanOrEqual(45 * 1024);
		const brotli = await get(src, { 'accept-encoding': 'gzip, deflate, br' });
		expect(brotli.headers['content-encoding']).toBe('br');
		expect(decode(brotli).equals(plain.body)).toBe(true);
		expect(brotli.body.byteLength).toBeLessThan(gzipped.body.byteLength);

		expect((await get('/enhance/survey-000000000000.js')).status).toBe(404);
		expect((await get('/enhance/..%2Fpackage.json')).status).toBe(404);
	});

	it('loads no other script in the browser, and brings the server’s form to life without drawing it again', async () => {
		const { context, page, errors } = await newPage(browser);
		const warnings: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
		});
		const scripts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
		});
		await slowScripts(page, 500);
		await page.goto(SURVEY, { waitUntil: 'commit' });
		// The server's form, before the script: marked, to find the same element afterwards.
		await page.waitForSelector('#survey-form');
		await page.evaluate(() => ((window as unknown as { serverForm: Element }).serverForm = document.getElementById('survey-form')!));
		await page.waitForSelector('.progress');
		const same = await page.evaluate(
			() => document.getElementById('survey-form') === (window as unknown as { serverForm: Element }).serverForm
		);
		expect(same).toBe(true);
		await agreeAndStart(page);
		expect(scripts).toEqual([expect.stringMatching(/^\/enhance\/survey-[0-9a-f]{12}\.js$/)]);
		expect(errors).toEqual([]);
		expect(warnings).toEqual([]);
		await context.close();
	});

	it('closes the header’s settings on Escape or a press elsewhere, as on the other pages', async () => {
		const { context, page, errors } = await newPage(browser);
		await openSurvey(page);
		const panel = page.locator('.site-header .panel');
		await openSettings(page);
		await expect(panel.isVisible()).resolves.toBe(true);
		await page.keyboard.press('Escape');
		await expect(panel.isVisible()).resolves.toBe(false);
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
		await openSettings(page);
		await expect(panel.isVisible()).resolves.toBe(true);
		await page.mouse.click(195, 780);
		await expect(panel.isVisible()).resolves.toBe(false);
		expect(errors).toEqual([]);
		await context.close();
	});
});

/** From the page the resident is on: on to the review, 回答を送信する, the thanks page, and one response more. */
async function sendStoresOne(page: Page) {
	const before = responseCount();
	await reviewAndSend(page);
	await page.waitForURL('**/thanks');
	expect(responseCount()).toBe(before + 1);
}

describe('the survey page’s script as residents meet it', () => {
	it('keeps the form and what was answered when the page was changed before the script came (a translating browser)', async () => {
		const { context, page, errors } = await newPage(browser);
		await answerBeforeTheScript(page, 1000);
		// As Chrome's translation does: the heading's text in <font> elements of its own.
		await page.locator('#consent-heading').evaluate((h) => (h.innerHTML = '<font><font>Before you start</font></font>'));
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(300);
		await expect(page.locator('#survey-form').count()).resolves.toBe(1);
		expect(await page.locator('#consent').isChecked()).toBe(true);
		expect(await page.locator('#in-F1-8').isChecked()).toBe(true);
		await page.locator('#in-F3').selectOption('20');
		await choose(page, 'F4', 1);
		await choose(page, 'D2', 5);
		const before = responseCount();
		// The long form's own review (the script draws it), then the send.
		await reviewAndSendWithoutScript(page);
		await page.waitForURL('**/thanks');
		expect(responseCount()).toBe(before + 1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('takes no answer from the second tap of a double tap on 回答を始める or 次へ', async () => {
		const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'ja-JP', baseURL: baseUrl() });
		const page = await context.newPage();
		await openSurvey(page);
		await page.locator('#consent').check();
		const doubleTap = async () => {
			const box = (await page.locator('.actions .primary').boundingBox())!;
			const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
			await page.touchscreen.tap(x, y);
			await page.waitForTimeout(150);
			await page.touchscreen.tap(x, y);
			await page.waitForTimeout(300);
		};
		await page.locator('.actions .primary').scrollIntoViewIfNeeded();
		await doubleTap();
		expect(await heading(page)).toBe('あなたご自身について');
		await expect(page.locator('#survey-form input:checked').count()).resolves.toBe(0);
		await aboutYou(page, 5, 3, 3);
		await page.locator('.actions .primary').scrollIntoViewIfNeeded();
		await doubleTap();
		expect(await heading(page)).toBe('情報機器とインターネット');
		await expect(page.locator('#survey-form input:checked').count()).resolves.toBe(0);
		// A single tap, at once, is taken.
		await page.locator('#in-D1-2').tap();
		expect(await page.locator('#in-D1-2').isChecked()).toBe(true);
		await context.close();
	});

	it('says the connection failed when offline, keeps the answers, and sends them once when back online', async () => {
		const { context, page, errors } = await newPage(browser);
		await answerOnlyTheRequired(page);
		while (!(await page.locator('#review-heading').count())) await next(page);
		const before = responseCount();
		await context.setOffline(true);
		await page.locator('button[value=send]').click();
		await expect(page.locator('.form-error').innerText()).resolves.toContain('通信がつながらず');
		expect(await heading(page)).toBe('回答内容の確認');
		await context.setOffline(false);
		await page.locator('button[value=send]').click();
		await page.waitForURL('**/thanks');
		expect(responseCount()).toBe(before + 1);
		expect(errors.filter((e) => !/fetch/i.test(e))).toEqual([]);
		await context.close();
	});

	it('keeps a resident who was answering on the long form there after a reload', async () => {
		const { context, page, errors } = await newPage(browser);
		await answerBeforeTheScript(page, 800);
		await page.waitForLoadState('networkidle');
		await expect(page.locator('.progress').count()).resolves.toBe(0);
		await page.reload();
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(300);
		await expect(page.locator('.progress').count()).resolves.toBe(0);
		expect(await page.locator('#in-F1-8').isChecked()).toBe(true);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('opens afresh on its first page when the resident goes back from the thanks page', async () => {
		const { context, page, errors } = await newPage(browser);
		await answerOnlyTheRequired(page);
		// Far enough down that the browser has a scroll to put back.
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await reviewAndSend(page);
		await page.waitForURL('**/thanks');
		await page.goBack();
		await page.waitForSelector('.progress');
		expect(await heading(page)).toBe('アンケートにご協力いただく前に');
		expect(await page.locator('#consent').isChecked()).toBe(false);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('carries a draft made on an earlier version over to the new one, from its first section, and says so', async () => {
		const { context, page, errors } = await newPage(browser);
		// A draft as an earlier version (number 0, never published) left it, three pages in.
		await page.addInitScript(() => {
			const draft = { versionId: 0, savedAt: Date.now(), key: 'carried-over-key-0123456', consent: true, step: 3, paged: true,
				values: { F1: '8', F3: '20', F4: '1', D2: '5', 'A1': '99' } };
			if (!sessionStorage.getItem('seeded')) localStorage.setItem('survey-draft:digital-2022', JSON.stringify(draft));
			sessionStorage.setItem('seeded', '1');
		});
		await openSurvey(page);
		await page.waitForSelector('.carried-over');
		expect(await heading(page)).toBe('あなたご自身について');
		await expect(page.locator('.carried-over').innerText()).resolves.toContain('入力済みのご回答は引き継いでいます');
		expect(await page.locator('#in-F1-8').isChecked()).toBe(true);
		// It is saved again as this version's, and sent with it.
		const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('survey-draft:digital-2022')!).versionId);
		expect(saved).toBeGreaterThan(0);
		await sendStoresOne(page);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('sends from an address that looks like a named action (?/x) as from its own', async () => {
		const { context, page, errors } = await newPage(browser);
		await answerOnlyTheRequired(page, `${SURVEY}?/x`);
		await sendStoresOne(page);
		expect(errors).toEqual([]);
		await context.close();
	});
});
