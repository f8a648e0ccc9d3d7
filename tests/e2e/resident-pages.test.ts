// Every resident page (home, survey, thanks, privacy, results, error) under the compact header
// and in the three languages: the header stays within a fifth of a 320×640 screen at 特大,
// its switches work with and without JavaScript, and <html lang> and every lang attribute
// match the words on the page, also after a resident chose English once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, launch, newPage, scrollsSideways, seriousViolations, writeDatabase } from './browser';
import { chooseInHeader, openSettings } from './site-header';
import * as surveys from '../../src/lib/server/surveys';
import { htmlLang } from '../../src/lib/survey/languages';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';

const SMALL_PHONE = { width: 320, height: 640 };
const PAGES = {
	home: '/',
	survey: '/s/digital-2022',
	thanks: '/s/digital-2022/thanks',
	privacy: '/s/digital-2022/privacy',
	results: '/s/pages-results/results',
	error: '/s/no-such-survey'
};
const LANGUAGES = ['ja', 'easy', 'en'] as const;

let browser: Browser;
/** The contacts the surveys had, put back afterwards so that other test files see them as they were. */
let contactsBefore: { id: number; contact: string | null }[] = [];
beforeAll(async () => {
	browser = await launch();
	writeDatabase((db) => {
		contactsBefore = db.prepare('SELECT id, contact FROM survey').all() as typeof contactsBefore;
		// The contact filled in as the city does before a survey goes out (the bundled one's phone
		// and hours are marked 【市が記入】 for staff, in Japanese whatever the page's language).
		const contact = {
			office: { ja: '山口市 総合政策部 スマートシティ推進室', easy: 'やまぐちし スマートシティ すいしんしつ', en: 'Smart City Promotion Office, Yamaguchi City' },
			phone: '083-934-2700',
			hours: { ja: '平日 8時30分〜17時15分', easy: 'へいじつ 8じ30ぷん から 17じ15ふん まで', en: 'Weekdays 8:30–17:15' }
		};
		db.prepare('UPDATE survey SET contact = ?').run(JSON.stringify(contact));
		// A closed edition with public results.
		const closed = surveys.clone(db, 1, { slug: 'pages-results', fiscalYear: 2023 }).surveyId;
		surveys.publishDraft(db, closed);
		surveys.close(db, closed);
		db.prepare('UPDATE survey SET results_public = 1 WHERE id = ?').run(closed);
		addSynthetic(db, closed, { count: 120, seed: 3, from: '2023-10-01', to: '2023-10-31' });
		// An open survey offered in Japanese only (its document still holds translations).
		const { surveyId, versionId } = surveys.clone(db, 1, { slug: 'japanese-only', fiscalYear: 2025 });
		db.prepare(`UPDATE survey_version SET document = json_set(document, '$.languages', json('["ja"]')) WHERE id = ?`).run(versionId);
		surveys.publishDraft(db, surveyId);
		surveys.setStatus(db, surveyId, 'open');
	});
});
afterAll(async () => {
	await browser?.close();
	writeDatabase((db) => {
		const put = db.prepare('UPDATE survey SET contact = ? WHERE id = ?');
		for (const { id, contact } of contactsBefore) put.run(contact, id);
	});
});

const headerHeight = (page: Page) =>
	page.evaluate(() => {
		const header = document.querySelector('header');
		return header ? header.getBoundingClientRect().height : Infinity;
	});

/**
 * Words whose language differs from the lang that applies to them: Japanese (kana or kanji)
 * under anything but lang="ja", and a run of English words under lang="ja". Text nodes, the
 * page's title and labels given as attributes are all read.
 */
const languageProblems = (page: Page) =>
	page.evaluate(() => {
		const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
		const ENGLISH = /[A-Za-z]{3,}[\s,.’']+[A-Za-z]{3,}/;
		const langOf = (el: Element) => (el.closest('[lang]')?.getAttribute('lang') ?? '').split('-')[0];
		const problems: string[] = [];
		const check = (text: string, el: Element, what: string) => {
			const lang = langOf(el);
			if (JAPANESE.test(text) && lang !== 'ja') problems.push(`${what} in Japanese under lang="${lang}": ${text.slice(0, 60)}`);
			if (!JAPANESE.test(text) && ENGLISH.test(text) && lang !== 'en') problems.push(`${what} in English under lang="${lang}": ${text.slice(0, 60)}`);
		};
		check(document.title, document.documentElement, 'title');
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement!;
			const text = node.textContent?.trim() ?? '';
			if (text && !el.closest('script, style, noscript, template')) check(text, el, 'text');
		}
		for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]'))
			for (const name of ['aria-label', 'title', 'alt', 'placeholder'])
				if (el.getAttribute(name)) check(el.getAttribute(name)!, el, name);
		return problems;
	});

describe('the compact header', () => {
	it('takes at most a fifth of a 320×640 screen at 特大 on every resident page, in each language', async () => {
		const heights: string[] = [];
		for (const lang of LANGUAGES) {
			const { context, page } = await newPage(browser, { viewport: SMALL_PHONE });
			await page.goto(`/?lang=${lang}&size=huge`);
			for (const [name, path] of Object.entries(PAGES)) {
				await page.goto(path);
				expect(await page.evaluate(() => document.documentElement.dataset.size), `${name} ${lang}`).toBe('huge');
				const height = await headerHeight(page);
				heights.push(`${name} ${lang} ${Math.round(height)}`);
				expect(height, `${name} in ${lang}`).toBeLessThanOrEqual(640 / 5);
				expect(await scrollsSideways(page), `${name} in ${lang}`).toBe(false);
			}
			await context.close();
		}
	});

	it('opens its language and size switches in a panel that fits the screen, with large targets', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: SMALL_PHONE });
		await page.goto(`${PAGES.privacy}?size=huge`);
		await openSettings(page);
		const panel = page.locator('.site-header .panel');
		const box = (await panel.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(SMALL_PHONE.width);
		for (const link of await panel.getByRole('link').all()) expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
		// Escape closes it and gives the focus back to its button.
		await page.keyboard.press('Escape');
		await expect(panel.isVisible()).resolves.toBe(false);
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
		await chooseInHeader(page, 'English');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		// The panel closes once the page has changed, the focus back on its button, and the choice is marked.
		await expect(panel.isVisible()).resolves.toBe(false);
		expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
		await openSettings(page);
		await expect(panel.locator('[aria-current=true]').allInnerTexts()).resolves.toEqual(['English', 'Extra large']);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('works without JavaScript: the disclosure opens and its links switch language and size', async () => {
		const { context, page } = await newPage(browser, { viewport: SMALL_PHONE, javaScriptEnabled: false });
		await page.goto('/');
		await chooseInHeader(page, 'English');
		await page.waitForURL(/lang=en/);
		await expect(page.locator('h1').innerText()).resolves.toBe('Resident surveys');
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
		await chooseInHeader(page, 'Extra large');
		await page.waitForURL(/size=huge/);
		expect(await page.evaluate(() => document.documentElement.dataset.size)).toBe('huge');
		expect(await headerHeight(page)).toBeLessThanOrEqual(640 / 5);
		await context.close();
	});

	it('passes axe on every resident page on a phone and a desktop, closed and open', async () => {
		for (const viewport of [PHONE, DESKTOP])
			for (const lang of ['ja', 'en']) {
				const { context, page } = await newPage(browser, { viewport });
				await page.goto(`/?lang=${lang}`);
				for (const [name, path] of Object.entries(PAGES)) {
					await page.goto(path);
					expect(await seriousViolations(page), `${name} ${lang} ${viewport.width}`).toEqual([]);
				}
				await openSettings(page);
				expect(await seriousViolations(page), `open settings ${lang} ${viewport.width}`).toEqual([]);
				await context.close();
			}
	});
});

describe('the language of every resident page', () => {
	it('matches its words in each language, and after choosing English once', async () => {
		for (const lang of LANGUAGES) {
			const { context, page } = await newPage(browser);
			await page.goto('/');
			if (lang !== 'ja') await chooseInHeader(page, lang === 'en' ? 'English' : 'やさしい にほんご');
			await page.waitForFunction((want) => document.documentElement.lang === want, htmlLang(lang));
			for (const [name, path] of Object.entries(PAGES)) {
				await page.goto(path);
				expect(await page.evaluate(() => document.documentElement.lang), `${name} ${lang}`).toBe(htmlLang(lang));
				expect(await languageProblems(page), `${name} in ${lang}`).toEqual([]);
			}
			await context.close();
		}
	});

	it('is Japanese on a survey offered only in Japanese, with or without JavaScript, after choosing English', async () => {
		for (const javaScriptEnabled of [true, false]) {
			const { context, page } = await newPage(browser, { javaScriptEnabled });
			await page.goto('/?lang=en');
			for (const path of ['/s/japanese-only', '/s/japanese-only/privacy', '/s/japanese-only/thanks']) {
				await page.goto(path);
				expect(await page.evaluate(() => document.documentElement.lang), path).toBe('ja');
				expect(await languageProblems(page), path).toEqual([]);
			}
			// And back on a page written in English, English again.
			await page.goto('/');
			expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
			await context.close();
		}
	});

	it('gives the error pages in the resident’s language', async () => {
		const { context, page } = await newPage(browser);
		const titles = { ja: 'ページが見つかりません', easy: 'ページが ありません', en: 'Page not found' };
		for (const lang of LANGUAGES) {
			await page.goto(`/?lang=${lang}`);
			const response = await page.goto('/no/such/page');
			expect(response?.status()).toBe(404);
			await expect(page.locator('h1').innerText()).resolves.toBe(titles[lang]);
			expect(await languageProblems(page), lang).toEqual([]);
		}
		await context.close();
	});
});
