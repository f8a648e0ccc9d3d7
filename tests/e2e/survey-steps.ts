// Steps a resident takes on the survey pages, named as they would say them.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations, slowScripts } from './browser';

export const SURVEY = '/s/digital-2022';

export const heading = (page: Page) => page.locator('.page-heading').first().innerText();

export async function choose(page: Page, key: string, ...codes: (number | string)[]) {
	for (const code of codes) await page.locator(`#in-${key}-${code}`).check();
}

export async function rate(page: Page, key: string, rows: Record<string, number>) {
	for (const [row, code] of Object.entries(rows)) await page.locator(`#in-${key}-${row}-${code}`).check();
}

/** Presses the main button (start, next) and waits for the next page's heading. */
export async function next(page: Page) {
	const before = await heading(page);
	await page.locator('.actions .primary').click();
	await page.waitForFunction(
		(old) => document.querySelector('.page-heading')?.textContent !== old,
		before
	);
}

export async function expectAccessible(page: Page, where: string) {
	const violations = await seriousViolations(page);
	expect(violations, `axe on ${where}`).toEqual([]);
}

export async function agreeAndStart(page: Page) {
	await page.locator('#consent').check();
	await next(page);
}

/** Answers the three required questions about the resident (age, district, household). */
export async function aboutYou(page: Page, age: number, district: number, household: number) {
	await choose(page, 'F1', age);
	await page.locator('#in-F3').selectOption(String(district));
	await choose(page, 'F4', household);
}

/** Opens a survey and waits until its script has taken over (paged mode, progress bar). */
export async function openSurvey(page: Page, url = SURVEY) {
	await page.goto(url);
	await page.waitForSelector('.progress');
}

/** From any page of the paged form: 次へ until the review, then 回答を送信する. */
export async function reviewAndSend(page: Page) {
	while (!(await page.locator('#review-heading').count())) await next(page);
	await page.locator('button[value=send]').click();
}

/** Without JavaScript: 回答内容を確認する, then 回答を送信する on the review the server draws. */
export async function reviewAndSendWithoutScript(page: Page) {
	await page.locator('button[value=review]').click();
	await page.waitForSelector('#review-heading');
	await page.locator('button[value=send]').click();
}

/** Opens the survey and answers only what it requires (age, district, household, internet use): on section D after. */
export async function answerOnlyTheRequired(page: Page, url = SURVEY) {
	await openSurvey(page, url);
	await agreeAndStart(page);
	await aboutYou(page, 5, 3, 3);
	await next(page);
	await choose(page, 'D2', 5);
}

/** As on a slow phone: the server's long form answered (consent, age 70〜74) while the page's script is held back `ms`. */
export async function answerBeforeTheScript(page: Page, ms: number) {
	await slowScripts(page, ms);
	await page.goto(SURVEY, { waitUntil: 'commit' });
	await page.locator('#consent').check();
	await choose(page, 'F1', 8);
}
