// やさしい日本語 is written with spaces between words; a line may break only there, never inside
// a word (「こ／と」「しやくし／ょ」), and names residents see on signs keep their kanji with
// furigana. Measured in Chromium: every word's characters must sit on one line box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, writeDatabase } from './browser';
import * as surveys from '../../src/lib/server/surveys';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';
import { SURVEY } from './survey-steps';

let browser: Browser;
const RESULTS = '/s/easy-results/results';
beforeAll(async () => {
	browser = await launch();
	// A closed edition with public results, for the results page.
	writeDatabase((db) => {
		const closed = surveys.clone(db, 1, { slug: 'easy-results', fiscalYear: 2023 }).surveyId;
		surveys.publishDraft(db, closed);
		surveys.close(db, closed);
		db.prepare('UPDATE survey SET results_public = 1 WHERE id = ?').run(closed);
		addSynthetic(db, closed, { count: 60, seed: 5, from: '2023-10-01', to: '2023-10-31' });
	});
});
afterAll(async () => {
	await browser?.close();
});

/**
 * The words of the page's easy-Japanese text that are drawn across two lines. A word is a run
 * of characters between spaces (across <ruby> and other inline elements, furigana left out);
 * a line may also end after 、。」）：・ or before 「（, as in any Japanese. Each character's box
 * is measured with a Range; a word is broken when a character starts below the previous one's
 * line. A token wider than its whole line (none in the bundled survey) may break, and is left out.
 */
async function brokenWords(page: Page): Promise<string[]> {
	const { broken, tooWide } = await page.evaluate(() => {
		const broken: string[] = [];
		const tooWide: string[] = [];
		const blockOf = (node: Node) => {
			let el = node.parentElement;
			while (el && /^(inline|ruby|contents)/.test(getComputedStyle(el).display)) el = el.parentElement;
			return el;
		};
		const skip = (el: Element | null) =>
			!el ||
			// Standard Japanese inside an easy page (the office's name as on its signs) breaks as Japanese does.
			el.closest('rt, rp, nav, script, style, select, textarea, [hidden], [lang="en"], body [lang="ja"], [aria-hidden="true"]') !== null;
		// Text, and the line breaks (<br>) that end a word as a space does.
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
		type Char = { rect: DOMRect; c: string };
		let word: Char[] = [];
		let block: Element | null = null;
		const check = () => {
			if (word.length > 1) {
				const style = getComputedStyle(block as Element);
				const width = (block as HTMLElement).clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
				const wide = word.reduce((sum, ch) => sum + ch.rect.width, 0) > width - 1;
				const at = word.findIndex((ch, i) => i > 0 && ch.rect.top >= word[i - 1].rect.bottom - 1);
				const shown = word.map((ch, j) => (j === at ? '／' : '') + ch.c).join('');
				if (at > 0) (wide ? tooWide : broken).push(shown);
			}
			word = [];
		};
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (node.nodeType === Node.ELEMENT_NODE) {
				if (node.nodeName === 'BR') check();
				continue;
			}
			const el = node.parentElement;
			if (skip(el) || !(el as HTMLElement).offsetParent) continue;
			const here = blockOf(node);
			if (here !== block) {
				check();
				block = here;
			}
			const text = node.textContent ?? '';
			for (let i = 0; i < text.length; i++) {
				const c = text[i];
				if (/\s/.test(c)) {
					check();
					continue;
				}
				if ('「『（'.includes(c)) check();
				const range = document.createRange();
				range.setStart(node, i);
				range.setEnd(node, i + 1);
				const rect = range.getBoundingClientRect();
				if (rect.width > 0) word.push({ rect, c });
				if ('、。」』）：・，'.includes(c)) check();
			}
		}
		check();
		return { broken, tooWide };
	});
	if (tooWide.length) console.info(`${page.url()}: wider than their line: ${tooWide.join(' ')}`);
	return broken;
}

const sizes = [
	{ width: 320, size: 'huge' },
	{ width: 390, size: 'normal' }
] as const;

describe('やさしい日本語 on the survey pages', () => {
	for (const { width, size } of sizes)
		it(`breaks lines only between words at ${width} px, ${size === 'huge' ? '特大' : '標準'}`, async () => {
			const viewport = { width, height: 640 };
			// The consent page with JavaScript, the whole form without it, and the privacy notice.
			const scripted = await newPage(browser, { viewport });
			await scripted.page.goto(`${SURVEY}?lang=easy&size=${size}`);
			await scripted.page.waitForSelector('.actions .primary');
			await expect(scripted.page.locator('html').getAttribute('lang')).resolves.toBe('ja-x-easy');
			const consent = await brokenWords(scripted.page);
			await scripted.page.goto(`${SURVEY}/privacy?lang=easy&size=${size}`);
			const privacy = await brokenWords(scripted.page);
			await scripted.context.close();

			const plain = await newPage(browser, { viewport, javaScriptEnabled: false });
			await plain.page.goto(`${SURVEY}?lang=easy&size=${size}`);
			const form = await brokenWords(plain.page);
			await plain.context.close();

			expect({ consent, privacy, form }).toEqual({ consent: [], privacy: [], form: [] });
		});

	for (const { width, size } of sizes)
		it(`breaks lines only between words on the home, results and error pages at ${width} px, ${size === 'huge' ? '特大' : '標準'}`, async () => {
			const { context, page } = await newPage(browser, { viewport: { width, height: 640 } });
			const broken: Record<string, string[]> = {};
			for (const path of ['/', RESULTS, '/s/no-such-survey']) {
				await page.goto(`${path}?lang=easy&size=${size}`);
				await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja-x-easy');
				broken[path] = await brokenWords(page);
			}
			await context.close();
			expect(broken).toEqual({ '/': [], [RESULTS]: [], '/s/no-such-survey': [] });
		});

	it('shows names residents see on signs in kanji with furigana', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(`${SURVEY}?lang=easy`);
		const ruby = await page.locator('main ruby').evaluateAll((all) =>
			all.map((r) => `${r.firstChild?.textContent}:${r.querySelector('rt')?.textContent}`)
		);
		expect(ruby).toEqual(expect.arrayContaining(['山口市:やまぐちし', '市役所:しやくしょ', '山口県:やまぐちけん', '市報:しほう']));
		// The district list is a dropdown (no ruby in <option>): the reading follows in brackets.
		await expect(page.locator('#in-F3 option', { hasText: '嘉川' }).innerText()).resolves.toBe('嘉川（かがわ）');
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja-x-easy');
		// The city's name in the header, as on its signs.
		await expect(page.locator('header .city ruby').innerText()).resolves.toContain('山口市');
		await context.close();
	});
});
