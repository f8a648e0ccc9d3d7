// Retention as staff meet it in the browser: an edition whose retention ended is named on the
// dashboard and on its page; a designer is told an administrator deletes; an administrator
// deletes its responses after typing its name, and the warning is gone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, launch, newPage, readDatabase, writeDatabase } from './browser';
import { createStaff, logIn } from './staff-helpers';
import { expectAccessible } from './survey-steps';

let browser: Browser;
let surveyId: number;
beforeAll(async () => {
	browser = await launch();
	// An FY2018 edition, closed at the end of January 2019 and kept for one year, with answers.
	surveyId = writeDatabase((db) => {
		const id = Number(
			db.prepare("INSERT INTO survey (slug, fiscal_year, status, closes_at, retention_years) VALUES ('digital-2018', 2018, 'closed', '2019-01-31T14:59:00Z', 1)").run().lastInsertRowid
		);
		const version = Number(
			db.prepare("INSERT INTO survey_version (survey_id, version, document, published_at) SELECT ?, 1, document, '2018-10-01T00:00:00Z' FROM survey_version WHERE id = 1").run(id).lastInsertRowid
		);
		db.prepare('UPDATE survey SET published_version_id = ? WHERE id = ?').run(version, id);
		for (const rid of ['old-response-000000001', 'old-response-000000002'])
			db.prepare("INSERT INTO response (id, survey_version_id, channel, language, submitted_on, answers) VALUES (?, ?, 'paper', 'ja', '2019-01-20', '[]')").run(rid, version);
		return id;
	});
});
afterAll(async () => {
	await browser?.close();
});

describe('the end of retention', () => {
	it('is shown to a designer, who is told an administrator deletes', async () => {
		const designer = await createStaff(['designer']);
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		await page.goto('/admin');
		await expect(page.locator('.alert', { hasText: '「digital-2018」の回答は、保存期間が 2020年1月31日 に終わりました' }).count()).resolves.toBe(1);
		await page.goto(`/admin/surveys/${surveyId}`);
		await expect(page.locator('#retention-due').innerText()).resolves.toContain('この調査の回答 2 件を削除してください');
		await expect(page.getByText('削除は管理者が行います。').count()).resolves.toBe(1);
		await expect(page.locator('form[action="?/deleteResponses"]').count()).resolves.toBe(0);
		await context.close();
	});

	it('is ended by an administrator, who types the survey’s name and deletes its responses', async () => {
		const admin = await createStaff(['admin']);
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, admin);
		await page.goto(`/admin/surveys/${surveyId}`);
		await expect(page.locator('section[aria-labelledby=retention-heading] a[href="/admin/backup"]').count()).resolves.toBe(1);
		await expectAccessible(page, 'the survey page with retention ended');
		await page.getByLabel('調査のアドレスの名前（digital-2018）').fill('digital-2018');
		await page.getByRole('button', { name: '回答 2 件を削除する' }).click();
		await page.waitForURL('**?done=responses-deleted');
		await expect(page.locator('.notice').innerText()).resolves.toContain('保存期間を過ぎた回答を削除しました');
		await expect(page.locator('#retention-due').count()).resolves.toBe(0);
		const left = readDatabase((db) =>
			db.prepare('SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?').pluck().get(surveyId)
		);
		expect(left).toBe(0);
		await page.goto('/admin');
		await expect(page.locator('.alert', { hasText: 'digital-2018' }).count()).resolves.toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});
});
