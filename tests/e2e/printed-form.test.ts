// The printed questionnaire numbers its questions as the web form does (問1, 問2…), so a
// resident who phones about 「問5」 means the same question on paper and on a phone; the key
// (the CSV column) is printed small beside it for the staff who type the forms in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, launch, newPage } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { SURVEY } from './survey-steps';

let browser: Browser;
let designer: TestStaff;
beforeAll(async () => {
	browser = await launch();
	designer = await createStaff(['designer'], 'printer');
});
afterAll(async () => {
	await browser?.close();
});

it('numbers the questions as the web form does, with the key beside each for data entry', async () => {
	const { context, page } = await newPage(browser, { viewport: DESKTOP, javaScriptEnabled: false });
	await page.goto(SURVEY);
	const web = await page.locator('main .qkey').allInnerTexts();
	await logIn(page, designer);
	await page.goto('/admin/surveys/1/print');
	const printed = await page.locator('.q .label').evaluateAll((labels) =>
		labels.map((l) => ({ number: l.querySelector('strong')?.textContent, key: l.querySelector('.key')?.textContent }))
	);
	const conditions = await page.locator('.cond').allInnerTexts();
	await context.close();
	expect(printed.length).toBeGreaterThan(20);
	expect(printed.map((p) => p.number)).toEqual(printed.map((_, i) => `問${i + 1}`));
	expect(printed[0].key).toBe('F1');
	expect(web.slice(0, 3)).toEqual(['問1', '問2', '問3']);
	// A condition names the question by its number too.
	expect(conditions.length).toBeGreaterThan(0);
	expect(conditions.every((c) => !/問[A-Z]/.test(c))).toBe(true);
});
