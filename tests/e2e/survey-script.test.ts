// The survey page runs one small script of its own instead of SvelteKit's client (issue 16:
// at most 45 KB of JavaScript in gzip for a slow phone). It must bring the server's form to
// life where it stands (hydrate, not draw it again), be kept by the browser for a year under
// a name that changes with its content, and be the only script the page loads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newPage, slowScripts } from './browser';
import { decode, get } from './wire';
import { SURVEY, agreeAndStart, openSurvey } from './survey-steps';
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
