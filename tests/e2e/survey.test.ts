// A resident answers the bundled survey on a phone, through two condition branches, with
// errors, a language switch, a reload and the clear action.
import { ANSWER_ROWS } from '../support/answer-rows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, launch, newPage, readDatabase, responseCount, scrollsSideways } from './browser';
import { SURVEY, aboutYou, agreeAndStart, answerBeforeTheScript, openSurvey, choose, expectAccessible, heading, next, rate, reviewAndSend } from './survey-steps';
import { chooseInHeader } from './site-header';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

interface StoredAnswer {
	question_key: string;
	row_key: string;
	code: number | null;
	number: number | null;
	text: string | null;
}

/** The answers of the response stored last (responses keep no time, so compare counts). */
function answersOfNewest(before: Set<string>) {
	return readDatabase((db) => {
		const ids = db.prepare('SELECT id FROM response').pluck().all() as string[];
		const fresh = ids.filter((id) => !before.has(id));
		expect(fresh).toHaveLength(1);
		const response = db.prepare('SELECT * FROM response WHERE id = ?').get(fresh[0]) as Record<string, unknown>;
		const answers = db
			.prepare(`SELECT question_key, row_key, code, number, text FROM ${ANSWER_ROWS} WHERE response_id = ?`)
			.all(fresh[0]) as StoredAnswer[];
		return { response, answers };
	});
}

const responseIds = () =>
	new Set(readDatabase((db) => db.prepare('SELECT id FROM response').pluck().all() as string[]));

describe('the resident survey on a phone', () => {
	it('an older resident who never uses the internet: D3 and T3 shown, section A skipped', async () => {
		const { context, page, errors } = await newPage(browser);
		const before = responseIds();
		await openSurvey(page);
		expect(await heading(page)).toBe('アンケートにご協力いただく前に');
		await expect(page.locator('.consent-summary').innerText()).resolves.toContain('無記名');
		await expect(page.locator('.consent-full').textContent()).resolves.toContain('IPアドレス');
		await expectAccessible(page, 'the consent page');
		await agreeAndStart(page);

		expect(await heading(page)).toBe('あなたご自身について');
		await choose(page, 'F1', 8);
		await choose(page, 'F2', 2);
		await page.locator('#in-F3').selectOption('20');
		await choose(page, 'F4', 1);
		await choose(page, 'F5', 1, 5); // "いない" is exclusive: it clears 未就学児
		expect(await page.locator('#in-F5-1').isChecked()).toBe(false);
		await choose(page, 'F6', 6);
		await expectAccessible(page, 'section F');
		expect(await scrollsSideways(page)).toBe(false);
		await next(page);

		expect(await heading(page)).toBe('情報機器とインターネット');
		await expect(page.locator('#q-D3').count()).resolves.toBe(0);
		await choose(page, 'D1', 2);
		await choose(page, 'D2', 5);
		await expect(page.locator('#q-D3').count()).resolves.toBe(1);
		await choose(page, 'D3', 2, 7);
		const other = page.locator('#in-D3-other');
		await other.fill('目が見えにくい');
		// Enter (as when confirming a kana-kanji conversion) neither submits nor turns the page.
		await other.press('Enter');
		await other.dispatchEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true });
		expect(await heading(page)).toBe('情報機器とインターネット');
		await expectAccessible(page, 'section D');
		await next(page);

		// Section A is only for internet users.
		expect(await heading(page)).toBe('行政のデジタル化');
		// Section A is counted as passed: the total stays that of every page the survey can have.
		await expect(page.locator('.progress-label').innerText()).resolves.toBe('9 ページ中 5 ページ目');
		await choose(page, 'G1', 4);
		await choose(page, 'G2', 7);
		await expectAccessible(page, 'section G');
		await next(page);

		expect(await heading(page)).toBe('デジタル化への期待と不安');
		await rate(page, 'T1', { T1_1: 3, T1_2: 1, T1_3: 1, T1_4: 2, T1_5: 3 });
		await choose(page, 'T2', 3);
		await choose(page, 'T3', 1, 3);
		expect(await scrollsSideways(page)).toBe(false);
		await expectAccessible(page, 'section T with the matrix');
		await next(page);

		expect(await heading(page)).toBe('地域と家族');
		await choose(page, 'C0', 1);
		await choose(page, 'C1', 1, 5);
		await choose(page, 'C2', 1);
		await page.locator('#in-C4').fill('公民館でスマホ教室を\n開いてほしいです。');
		await expectAccessible(page, 'section C');
		await next(page);

		expect(await heading(page)).toBe('暮らしの満足度');
		await choose(page, 'W1', 5);
		await expectAccessible(page, 'section W');
		await next(page);
		expect(await heading(page)).toBe('回答内容の確認');
		await expectAccessible(page, 'the review');
		await page.locator('button[value=send]').click();

		await page.waitForURL('**/s/digital-2022/thanks');
		await expect(page.locator('h2').innerText()).resolves.toBe('ご回答ありがとうございました');
		await expectAccessible(page, 'the thank-you page');
		expect(await page.evaluate(() => localStorage.getItem('survey-draft:digital-2022'))).toBeNull();

		const { response, answers } = answersOfNewest(before);
		expect(response).toMatchObject({ channel: 'web', language: 'ja', synthetic: 0 });
		expect(response.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const keys = new Set(answers.map((a) => a.question_key));
		expect(['A1', 'A2', 'A3', 'A4', 'A5'].some((k) => keys.has(k))).toBe(false);
		expect(answers).toContainEqual({ question_key: 'D3', row_key: '', code: 7, number: null, text: '目が見えにくい' });
		expect(answers).toContainEqual({ question_key: 'T3', row_key: '', code: 3, number: null, text: null });
		expect(answers).toContainEqual({ question_key: 'T1', row_key: 'T1_2', code: 1, number: null, text: null });
		expect(answers).toContainEqual({ question_key: 'F5', row_key: '', code: 5, number: null, text: null });
		expect(answers.filter((a) => a.question_key === 'F5')).toHaveLength(1);
		expect(answers).toContainEqual({ question_key: 'W1', row_key: '', code: null, number: 5, text: null });
		expect(answers).toContainEqual({
			question_key: 'C4', row_key: '', code: null, number: null, text: '公民館でスマホ教室を\n開いてほしいです。'
		});
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a young daily internet user in English: section A shown, D3 and T3 not', async () => {
		const { context, page, errors } = await newPage(browser);
		const before = responseIds();
		await openSurvey(page);
		await chooseInHeader(page, 'English');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		expect(await heading(page)).toBe('Before you start');
		await expectAccessible(page, 'the consent page in English');
		await agreeAndStart(page);

		expect(await heading(page)).toBe('About you');
		await aboutYou(page, 3, 17, 3);
		await choose(page, 'F5', 1, 2);
		await choose(page, 'F6', 1);
		await next(page);

		await choose(page, 'D1', 1, 3);
		await choose(page, 'D2', 1);
		await expect(page.locator('#q-D3').count()).resolves.toBe(0);
		await next(page);

		expect(await heading(page)).toBe('What you did in the last three months');
		await choose(page, 'A1', 1, 2, 3);
		await choose(page, 'A2', 1, 2, 3);
		await choose(page, 'A3', 1);
		await choose(page, 'A4', 1, 2, 4);
		await choose(page, 'A5', 1, 2, 3, 5);
		await expectAccessible(page, 'section A in English');
		await next(page);

		await choose(page, 'G1', 1);
		await choose(page, 'G2', 1, 4);
		await choose(page, 'G3', 1, 3, 6);
		await next(page);

		await rate(page, 'T1', { T1_1: 1, T1_2: 2, T1_3: 4, T1_4: 5, T1_5: 1 });
		await choose(page, 'T2', 1);
		await expect(page.locator('#q-T3').count()).resolves.toBe(0);
		await next(page);
		await choose(page, 'C1', 3, 4);
		await next(page);
		await choose(page, 'W1', 8);
		await reviewAndSend(page);
		await page.waitForURL('**/thanks');
		await expect(page.locator('h2').innerText()).resolves.toBe('Thank you for your answers');

		const { response, answers } = answersOfNewest(before);
		expect(response.language).toBe('en');
		const keys = new Set(answers.map((a) => a.question_key));
		expect(keys.has('D3')).toBe(false);
		expect(keys.has('T3')).toBe(false);
		expect(answers.filter((a) => a.question_key === 'A5').map((a) => a.code)).toEqual([1, 2, 3, 5]);
		expect(answers.filter((a) => a.question_key === 'G3')).toHaveLength(3);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('shows errors in plain Japanese at the question and at the top, and clears them once fixed', async () => {
		const { context, page, errors } = await newPage(browser);
		await openSurvey(page);
		await page.locator('.actions .primary').click();
		await expect(page.locator('.error-summary').innerText()).resolves.toContain('同意の確認欄にチェック');
		// The summary takes the focus, so a screen reader announces it.
		await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
		await expectAccessible(page, 'the consent page with its error');
		await agreeAndStart(page);

		await page.locator('.actions .primary').click();
		const summary = page.locator('.error-summary');
		await expect(summary.locator('li').count()).resolves.toBe(3);
		await expect(summary.innerText()).resolves.toContain('3 件の入力内容を確認してください。');
		await expect(page.locator('#err-F1').innerText()).resolves.toContain('この設問は必須です。選んでください。');
		await expect(page.locator('#q-F1 fieldset').getAttribute('aria-describedby')).resolves.toContain('err-F1');
		await expectAccessible(page, 'section F with errors');
		await page.screenshot({ path: 'test-results/phone-errors.png', fullPage: true });

		// The summary's link takes the resident to the question.
		await summary.getByRole('link').nth(1).click();
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('in-F3');

		await choose(page, 'F1', 1);
		await expect(page.locator('#err-F1').count()).resolves.toBe(0);
		await expect(summary.locator('li').count()).resolves.toBe(2);
		await page.locator('#in-F3').selectOption('1');
		await choose(page, 'F4', 2);
		await expect(summary.count()).resolves.toBe(0);
		await next(page);
		expect(await heading(page)).toBe('情報機器とインターネット');

		// Too many choices on G3 (at most 3) is caught before the page is left.
		await choose(page, 'D2', 2);
		await next(page);
		await next(page);
		expect(await heading(page)).toBe('行政のデジタル化');
		await choose(page, 'G3', 1, 2, 3, 4);
		await page.locator('.actions .primary').click();
		await expect(page.locator('#err-G3').innerText()).resolves.toContain('選べるのは 3 つまでです');
		await page.locator('#in-G3-4').uncheck();
		await next(page);
		expect(await heading(page)).toBe('デジタル化への期待と不安');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps answers through a reload and a language switch, and clears them on request', async () => {
		const { context, page, errors } = await newPage(browser);
		await openSurvey(page);
		await agreeAndStart(page);
		await aboutYou(page, 10, 21, 2);
		await next(page);
		await choose(page, 'D2', 4);

		await page.reload();
		await page.waitForFunction(() => document.querySelector('.progress'));
		expect(await heading(page)).toBe('情報機器とインターネット');
		expect(await page.locator('#in-D2-4').isChecked()).toBe(true);

		await chooseInHeader(page, 'やさしい にほんご');
		await page.waitForFunction(() => document.querySelector('.page-heading')?.textContent === 'スマホと インターネット');
		expect(await page.locator('#in-D2-4').isChecked()).toBe(true);
		await expectAccessible(page, 'section D in やさしい日本語');
		await page.locator('.actions .secondary').click();
		expect(await page.locator('#in-F1-10').isChecked()).toBe(true);
		await expect(page.locator('#in-F3').inputValue()).resolves.toBe('21');

		// Text size is remembered as well.
		await chooseInHeader(page, 'とても おおきい');
		await page.waitForFunction(() => document.documentElement.dataset.size === 'huge');
		expect(await scrollsSideways(page)).toBe(false);

		page.once('dialog', (dialog) => dialog.accept());
		await page.getByRole('button', { name: 'いれた ものを けす' }).click();
		expect(await heading(page)).toBe('はじめる まえに よんで ください');
		expect(await page.locator('#consent').isChecked()).toBe(false);
		await page.reload();
		await agreeAndStart(page);
		expect(await page.locator('#in-F1-10').isChecked()).toBe(false);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps what a resident answered before the page’s script arrived, and where they were, as on a slow phone', async () => {
		const { context, page, errors } = await newPage(browser);
		// The one long form the server drew, answered at once.
		await answerBeforeTheScript(page, 2000);
		await page.locator('#in-F3').selectOption('20');
		const top = () => page.locator('#q-F3').evaluate((e) => Math.round(e.getBoundingClientRect().top));
		const before = await top();
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(300);
		// The script came, and left the resident on the long form where they were.
		await expect(page.locator('.progress').count()).resolves.toBe(0);
		expect(Math.abs((await top()) - before)).toBeLessThan(4);
		expect(await page.locator('#consent').isChecked()).toBe(true);
		expect(await page.locator('#in-F1-8').isChecked()).toBe(true);
		await expect(page.locator('#in-F3').inputValue()).resolves.toBe('20');
		// It goes on as the long form: the review (drawn by the script), then the send.
		await choose(page, 'F4', 1);
		await choose(page, 'D2', 5);
		const count = responseCount();
		await page.locator('button[value=review]').click();
		await page.waitForSelector('#review-heading');
		await expect(page.locator('.review').innerText()).resolves.toContain('70〜74歳');
		await page.locator('button[value=send]').click();
		await page.waitForURL('**/thanks');
		expect(responseCount()).toBe(count + 1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a double click on submit stores one response', async () => {
		const { context, page, errors } = await newPage(browser);
		await openSurvey(page);
		await agreeAndStart(page);
		await aboutYou(page, 5, 3, 3);
		await next(page);
		await choose(page, 'D2', 5);
		for (let i = 0; i < 5; i++) await next(page);
		expect(await heading(page)).toBe('回答内容の確認');
		const before = responseCount();
		await page.locator('button[value=send]').dblclick();
		await page.waitForURL('**/thanks');
		expect(responseCount()).toBe(before + 1);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('fits a 320 px screen and a desktop without sideways scrolling', async () => {
		for (const viewport of [{ width: 320, height: 640 }, DESKTOP]) {
			const { context, page } = await newPage(browser, { viewport });
			await openSurvey(page);
			await agreeAndStart(page);
			await aboutYou(page, 5, 3, 3);
			await next(page);
			await choose(page, 'D2', 5);
			await next(page);
			await next(page);
			expect(await heading(page)).toBe('デジタル化への期待と不安');
			expect(await scrollsSideways(page)).toBe(false);
			await expectAccessible(page, `the matrix at ${viewport.width} px`);
			await context.close();
		}
	});
});
