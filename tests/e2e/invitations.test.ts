// A survey mailed to invited residents: a designer issues codes and gets printable letters with
// QR codes and a CSV; a resident opens the letter's address on a phone, or types the code, and
// answers once; a used or mistyped code is explained; it all works without JavaScript too.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { DESKTOP, launch, newPage, readDatabase, scrollsSideways, seriousViolationsWithoutScripts, slowScripts, writeDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { aboutYou, agreeAndStart, choose, expectAccessible, next, reviewAndSend, reviewAndSendWithoutScript } from './survey-steps';
import { chooseInHeader } from './site-header';

const SLUG = 'invited-2026';
let browser: Browser;
let designer: TestStaff;
let clerk: TestStaff;
let surveyId: number;
let codes: string[] = [];

beforeAll(async () => {
	browser = await launch();
	designer = await createStaff(['designer'], 'invitations');
	clerk = await createStaff(['clerk'], 'invitations-clerk');
	// An open edition of the bundled survey that needs an invitation code.
	surveyId = writeDatabase((db) =>
		db.transaction(() => {
			const id = db.prepare("INSERT INTO survey (slug, fiscal_year, status, invitation_required) VALUES (?, 2026, 'open', 1)").run(SLUG).lastInsertRowid;
			const versionId = db
				.prepare(`INSERT INTO survey_version (survey_id, version, document, published_at) SELECT ?, 1, document, '2026-11-01T00:00:00Z' FROM survey_version WHERE id = 1`)
				.run(id).lastInsertRowid;
			db.prepare('UPDATE survey SET published_version_id = ? WHERE id = ?').run(versionId, id);
			return Number(id);
		})()
	);
});
afterAll(async () => {
	await browser?.close();
});

const usedCodes = () =>
	readDatabase((db) =>
		db.prepare('SELECT count(*) FROM invitation i JOIN invitation_batch b ON b.id = i.batch_id WHERE b.survey_id = ? AND i.used = 1').pluck().get(surveyId) as number
	);
const responses = () =>
	readDatabase((db) => db.prepare('SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?').pluck().get(surveyId) as number);

/** Answers what the survey requires, page after page, and sends it. */
async function answerAndSend(page: Page) {
	await agreeAndStart(page);
	await aboutYou(page, 9, 20, 2);
	await next(page);
	await choose(page, 'D2', 1);
	await reviewAndSend(page);
	await page.waitForURL(`**/s/${SLUG}/thanks`);
}

describe('invitation codes', () => {
	it('a designer issues codes and gets a letter for each, with its QR code, and a CSV of them', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		await page.goto(`/admin/surveys/${surveyId}`);
		// Codes are required but none issued yet: the designer is told residents cannot answer.
		await expect(page.locator('.alert', { hasText: 'このままでは市民は回答できません' }).count()).resolves.toBe(1);
		await Promise.all([page.waitForURL(`**/admin/surveys/${surveyId}/invitations`), page.getByRole('link', { name: '招待コードと案内状' }).first().click()]);
		await expect(page.locator('h1').innerText()).resolves.toBe('招待コードと案内状');
		await expect(page.locator('.notice').first().innerText()).resolves.toContain('回答に招待コードを必要とします');
		await expectAccessible(page, 'the invitations page');

		// A count that cannot be is explained and issues nothing.
		await page.getByLabel('発行する数（案内状の通数）').fill('0');
		await page.getByRole('button', { name: '発行する' }).click();
		await page.locator('.alert[role=alert]', { hasText: '1 から 2,000 までの整数' }).waitFor();
		await page.getByLabel('発行する数（案内状の通数）').fill('３');
		await expect(page.getByLabel('案内状のあいさつ文').inputValue()).resolves.toContain('無作為に選ばせていただいた方');
		await page.getByLabel('案内状のあいさつ文').fill('このご案内は、市内の全世帯にお送りしています。\nご協力をお願いいたします。');
		await page.getByRole('button', { name: '発行する' }).click();
		await page.waitForSelector('.letter');

		const letters = page.locator('.letter');
		await expect(letters.count()).resolves.toBe(3);
		codes = await page.locator('.letter .code strong').allInnerTexts();
		expect(codes.every((c) => /^\d{4}-\d{4}-\d{4}$/.test(c))).toBe(true);
		await expect(letters.first().innerText()).resolves.toContain(`/s/${SLUG}`);
		await expect(letters.first().locator('p', { hasText: '全世帯にお送りしています' }).count()).resolves.toBe(1);
		await expect(letters.first().locator('p', { hasText: 'ご協力をお願いいたします。' }).count()).resolves.toBe(1);
		await expect(letters.locator('.qr svg').count()).resolves.toBe(3);
		// The QR code as printed, read as a phone's camera would: the survey's address with this letter's code.
		const image = PNG.sync.read(await letters.first().locator('.qr').screenshot());
		const read = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
		expect(read?.data).toBe(`${new URL(page.url()).origin}/s/${SLUG}?code=${codes[0]}`);
		await expectAccessible(page, 'the issued letters');
		// Printed, only the letters are on paper.
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.staff-header').isVisible()).resolves.toBe(false);
		await expect(page.locator('#issued-heading').isVisible()).resolves.toBe(false);
		await expect(letters.first().isVisible()).resolves.toBe(true);
		await page.emulateMedia({ media: 'screen' });

		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /CSV でダウンロード/ }).click()]);
		expect(file.suggestedFilename()).toMatch(new RegExp(`^${SLUG}_invitations_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
		const text = fs.readFileSync((await file.path())!, 'utf8');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
		expect(rows.map((r) => r['招待コード'])).toEqual(codes);
		expect(rows[0]['回答用アドレス']).toMatch(new RegExp(`/s/${SLUG}\\?code=${codes[0]}$`));

		const audit = readDatabase((db) => db.prepare("SELECT action FROM audit_event WHERE actor = ? AND action LIKE '%invitation%' ORDER BY id").pluck().all(designer.email));
		expect(audit).toEqual(['invitation.issue', 'export.invitations']);
		await page.goto(`/admin/surveys/${surveyId}/invitations`);
		await expect(page.locator('table.data tbody tr').first().innerText()).resolves.toMatch(/3\s+0\s+3/);
		await page.goto(`/admin/surveys/${surveyId}`);
		await expect(page.locator('.alert', { hasText: 'このままでは市民は回答できません' }).count()).resolves.toBe(0);
		await page.goto(`/admin/surveys/${surveyId}/invitations`);
		// The codes are shown once: not on the page any more, and nowhere in the database.
		await expect(page.locator('.letter').count()).resolves.toBe(0);
		const stored = readDatabase((db) => JSON.stringify(db.prepare('SELECT * FROM invitation').all()));
		expect(codes.some((c) => stored.includes(c.replaceAll('-', '')))).toBe(false);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a resident opens the address on the letter, answers once, and the code then says it was used', async () => {
		const { context, page, errors } = await newPage(browser);
		const before = responses();
		await page.goto(`/s/${SLUG}?code=${codes[0]}`);
		await page.waitForSelector('.progress');
		await answerAndSend(page);
		expect(responses()).toBe(before + 1);
		expect(usedCodes()).toBe(1);

		await page.goto(`/s/${SLUG}?code=${codes[0]}`);
		await expect(page.locator('#invitation-error').innerText()).resolves.toContain('すでに回答に使われています');
		await expect(page.locator('.progress').count()).resolves.toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a resident types the code; a mistyped one is explained; switching language keeps it', async () => {
		const { context, page, errors } = await newPage(browser);
		// The home page says the survey is for those with a letter.
		await page.goto('/');
		const card = page.locator('li.card', { hasText: '案内状の招待コードをご用意ください' });
		await Promise.all([page.waitForURL(`**/s/${SLUG}`), card.locator(`a.button[href="/s/${SLUG}"]`).click()]);
		await expect(page.locator('main h2').innerText()).resolves.toBe('招待コードの入力');
		await expect(page.locator('#invitation-code').getAttribute('inputmode')).resolves.toBe('numeric');
		await expectAccessible(page, 'the invitation code page');
		expect(await scrollsSideways(page)).toBe(false);
		await page.setViewportSize({ width: 320, height: 640 });
		expect(await scrollsSideways(page)).toBe(false);
		await page.setViewportSize({ width: 390, height: 844 });
		await page.locator('#invitation-code').fill('1234-5678');
		await page.getByRole('button', { name: '次へ' }).click();
		await page.locator('#invitation-error', { hasText: '12 けたの数字です' }).waitFor();
		await expect(page.locator('#invitation-code').getAttribute('aria-invalid')).resolves.toBe('true');
		await expectAccessible(page, 'the invitation code page with an error');
		await page.locator('#invitation-code').fill('0000-0000-0000');
		await page.getByRole('button', { name: '次へ' }).click();
		await page.locator('#invitation-error', { hasText: '見つかりません' }).waitFor();

		// Typed as a phone may give it: full-width digits without dashes.
		const fullWidth = codes[1].replaceAll('-', '').replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
		await page.locator('#invitation-code').fill(fullWidth);
		await page.getByRole('button', { name: '次へ' }).click();
		await page.waitForSelector('.progress');
		await chooseInHeader(page, 'English');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		await expect(page.locator('.page-heading').first().innerText()).resolves.toBe('Before you start');
		expect(new URL(page.url()).searchParams.get('code')).toBe(codes[1]);

		const before = responses();
		await answerAndSend(page);
		expect(responses()).toBe(before + 1);
		expect(usedCodes()).toBe(2);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps a code typed before the page’s script arrived, as on a slow phone', async () => {
		const { context, page } = await newPage(browser);
		await slowScripts(page, 1500);
		await page.goto(`/s/${SLUG}`, { waitUntil: 'commit' });
		await page.locator('#invitation-code').fill('1234-5678');
		await page.waitForLoadState('networkidle');
		await expect(page.locator('#invitation-code').inputValue()).resolves.toBe('1234-5678');
		await context.close();
	});

	it('works without JavaScript: the code form, then the one long survey form', async () => {
		const { context, page } = await newPage(browser, { javaScriptEnabled: false });
		await page.goto(`/s/${SLUG}`);
		expect(await seriousViolationsWithoutScripts(browser, page)).toEqual([]);
		await page.locator('#invitation-code').fill(codes[2]);
		await page.getByRole('button', { name: '次へ' }).click();
		await page.waitForSelector('button[value=review]');
		await page.locator('#consent').check();
		await aboutYou(page, 3, 17, 3);
		await choose(page, 'D2', 1);
		const before = responses();
		await reviewAndSendWithoutScript(page);
		await page.waitForURL(`**/s/${SLUG}/thanks`);
		expect(responses()).toBe(before + 1);
		expect(usedCodes()).toBe(3);
		await context.close();
	});

	it('a clerk types a mailed questionnaire with its code, and a code already used online is stopped', async () => {
		// One more code, known to the test: as if printed on a questionnaire.
		const printed = '5555-6666-7777';
		writeDatabase((db) => {
			const batch = db.prepare("INSERT INTO invitation_batch (survey_id, issued, issued_on) VALUES (?, 1, '2026-12-01')").run(surveyId).lastInsertRowid;
			db.prepare('INSERT INTO invitation (code_hash, batch_id) VALUES (?, ?)').run(createHash('sha256').update(printed.replaceAll('-', '')).digest('hex'), batch);
		});
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, clerk);
		await page.goto(`/admin/paper/${surveyId}`);
		await expectAccessible(page, 'paper entry with an invitation code');
		const typeForm = async (code: string) => {
			await page.waitForFunction(() => document.activeElement?.id === 'paper-招待コード');
			await page.keyboard.type(code);
			await page.keyboard.press('Enter');
			await page.keyboard.type('8');
			await page.keyboard.press('Control+Enter');
		};
		const before = responses();
		// codes[0] was used on the web: the questionnaire is stopped, and nothing is stored.
		await typeForm(codes[0]);
		await page.locator('.alert', { hasText: 'すでに回答に使われています' }).waitFor();
		expect(responses()).toBe(before);
		await page.locator('#paper-招待コード').fill(printed);
		await page.locator('#paper-招待コード').press('Control+Enter');
		await page.locator('[role=status]', { hasText: '保存しました' }).waitFor();
		expect(responses()).toBe(before + 1);
		expect(usedCodes()).toBe(4);
		expect(errors).toEqual([]);
		await context.close();
	});
});
