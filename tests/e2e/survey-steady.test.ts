// The paged survey as a resident meets it on a phone: a progress total that never grows, the
// review before sending, 次へ above 戻る, the focus shown around the whole answer card, tap
// targets of 44 px, questions named 問1… as headings; and an old phone whose script fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, launch, newPage, responseCount, routeAppScripts } from './browser';
import { SURVEY, aboutYou, agreeAndStart, choose, expectAccessible, heading, next, openSurvey, reviewAndSendWithoutScript } from './survey-steps';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

const progress = async (page: Page) => {
	const [, total, current] = /(\d+) ページ中 (\d+)/.exec(await page.locator('.progress-label').innerText())!;
	return { total: Number(total), current: Number(current) };
};

/** Links, buttons and disclosures in the page's main part shorter than 44 px. */
const smallTargets = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll('main a, main button, main summary')]
			.filter((e) => (e as HTMLElement).offsetParent !== null && !e.classList.contains('default-button'))
			.map((e) => ({ text: (e as HTMLElement).innerText.slice(0, 30), height: e.getBoundingClientRect().height }))
			.filter((e) => e.height < 44)
	);

/** Relative luminance contrast of a CSS rgb() colour against white. */
function contrastOnWhite(rgb: string): number {
	const [r, g, b] = rgb.match(/\d+/g)!.slice(0, 3).map((v) => {
		const c = Number(v) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

describe('the paged survey', () => {
	it('keeps its progress total while sections appear, and lists every answer before sending', async () => {
		const { context, page, errors } = await newPage(browser);
		await openSurvey(page);
		const seen = [await progress(page)];
		// The bar repeats the words only for the eye: a screen reader hears the progress once.
		await expect(page.locator('.progress [role=progressbar]').count()).resolves.toBe(0);
		await expect(page.locator('.progress-bar').getAttribute('aria-hidden')).resolves.toBe('true');
		expect(await smallTargets(page)).toEqual([]);
		await agreeAndStart(page);
		seen.push(await progress(page));
		await aboutYou(page, 3, 17, 3);
		// Questions are headings, named as residents count them.
		await expect(page.locator('#q-F1 h3').innerText()).resolves.toMatch(/^問1/);
		await expect(page.locator('.qkey').allInnerTexts()).resolves.toEqual(['問1', '問2', '問3', '問4', '問5', '問6']);
		// On a phone the way on comes first.
		const [nextBox, backBox] = [await page.locator('.actions .primary').boundingBox(), await page.locator('.actions .secondary').boundingBox()];
		expect(nextBox!.y).toBeLessThan(backBox!.y);
		expect(await smallTargets(page)).toEqual([]);
		await next(page);
		seen.push(await progress(page));
		// A daily internet user: section A (for users only) appears; the total must not grow.
		await choose(page, 'D2', 1);
		await next(page);
		expect(await heading(page)).toBe('この3か月間にしたこと');
		seen.push(await progress(page));
		while (!(await page.locator('#review-heading').count())) {
			await next(page);
			seen.push(await progress(page));
		}
		expect(new Set(seen.map((p) => p.total)).size).toBe(1);
		for (let i = 1; i < seen.length; i++) expect(seen[i].current).toBeGreaterThan(seen[i - 1].current);
		expect(seen.at(-1)!.current).toBe(seen[0].total);

		// The review: every section asked, the answers in words, a way back to each.
		const review = page.locator('.review');
		await expect(review.innerText()).resolves.toContain('30〜39歳');
		await expect(review.locator('.review-section').count()).resolves.toBe(7);
		expect(await smallTargets(page)).toEqual([]);
		await expectAccessible(page, 'the review');
		await review.getByRole('button', { name: /修正する.*あなたご自身について/ }).click();
		await page.waitForFunction(() => document.querySelector('.page-heading')?.textContent === 'あなたご自身について');
		await choose(page, 'F1', 4);
		await expect(page.locator('.actions .primary').innerText()).resolves.toBe('確認画面に戻る');
		await next(page);
		expect(await heading(page)).toBe('回答内容の確認');
		await expect(review.innerText()).resolves.toContain('40〜49歳');
		const before = responseCount();
		await page.locator('button[value=send]').click();
		await page.waitForURL('**/thanks');
		expect(responseCount()).toBe(before + 1);
		// The thanks are said once.
		const thanks = await page.locator('main').innerText();
		expect(thanks.match(/ありがとうございました/g)).toHaveLength(1);
		expect(await smallTargets(page)).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('outlines the whole answer card in focus, at 3:1 or more', async () => {
		for (const viewport of [PHONE, DESKTOP]) {
			const { context, page } = await newPage(browser, { viewport });
			await openSurvey(page);
			await agreeAndStart(page);
			await page.locator('#in-F1-2').focus();
			await page.keyboard.press('ArrowDown');
			const style = await page.locator('#q-F1').evaluate((e) => {
				const s = getComputedStyle(e);
				return { width: s.outlineWidth, style: s.outlineStyle, color: s.outlineColor };
			});
			expect(style.style).toBe('solid');
			expect(parseFloat(style.width)).toBeGreaterThanOrEqual(2);
			expect(contrastOnWhite(style.color)).toBeGreaterThanOrEqual(3);
			await context.close();
		}
	});

	it('says in the title that answers need checking', async () => {
		const { context, page } = await newPage(browser);
		await openSurvey(page);
		await agreeAndStart(page);
		await page.locator('.actions .primary').click();
		await page.waitForSelector('.error-summary');
		expect(await page.title()).toMatch(/^入力内容を確認してください/);
		await aboutYou(page, 3, 17, 3);
		await page.waitForFunction(() => !document.title.startsWith('入力内容'));
		await context.close();
	});
});

describe('an old phone whose script fails', () => {
	it('keeps the full server form working when no script can run', async () => {
		const { context, page } = await newPage(browser);
		// As a browser that cannot parse the bundle: every app script fails.
		await routeAppScripts(page, (route) => route.abort());
		await page.goto(SURVEY);
		await expect(page.locator('section.page').count()).resolves.toBe(8);
		await page.locator('#consent').check();
		await aboutYou(page, 5, 3, 3);
		await choose(page, 'D2', 5);
		const before = responseCount();
		await reviewAndSendWithoutScript(page);
		await page.waitForURL('**/thanks');
		expect(responseCount()).toBe(before + 1);
		await context.close();
	});

	it('gets the enhanced form or the server form, never an error page, without newer built-ins', async () => {
		const { context, page } = await newPage(browser);
		// What Chrome 80 (Android, 2020) lacks among what the bundle may call.
		await page.addInitScript(() => {
			const drop = (o: object, k: string) => delete (o as Record<string, unknown>)[k];
			drop(Object, 'hasOwn');
			drop(globalThis, 'structuredClone');
			drop(Array.prototype, 'at');
			drop(String.prototype, 'at');
			drop(String.prototype, 'replaceAll');
			drop(Array.prototype, 'findLast');
			drop(Array.prototype, 'findLastIndex');
			drop(Promise, 'any');
			drop(globalThis, 'WeakRef');
			drop(globalThis, 'AggregateError');
		});
		await page.goto(SURVEY);
		await page.waitForLoadState('networkidle');
		await expect(page.locator('#consent').count()).resolves.toBe(1);
		await page.locator('#consent').check();
		const paged = (await page.locator('.progress').count()) > 0;
		const before = responseCount();
		if (paged) {
			await next(page);
			await aboutYou(page, 5, 3, 3);
			await next(page);
			await choose(page, 'D2', 5);
			while (!(await page.locator('#review-heading').count())) await next(page);
			await page.locator('button[value=send]').click();
		} else {
			await aboutYou(page, 5, 3, 3);
			await choose(page, 'D2', 5);
			await reviewAndSendWithoutScript(page);
		}
		await page.waitForURL('**/thanks');
		expect(responseCount()).toBe(before + 1);
		await context.close();
	});
});
