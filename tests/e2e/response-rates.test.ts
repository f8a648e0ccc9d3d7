// Response rates in Chromium: a designer issues letters for one district, an analyst finds
// 配布数・回収数・回収率 first on the results overview and in the report, by channel and by
// district with the small districts hidden, and downloads them as CSV. Expected figures are
// those the test itself put in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { DESKTOP, PHONE, launch, newPage, scrollsSideways, writeDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';
import * as surveys from '../../src/lib/server/surveys';
import * as invitations from '../../src/lib/server/invitations';
import { insertResponse } from '../../src/lib/server/responses';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';
import { storedAnswer } from '../../src/lib/survey/stored-answers';

const SLUG = 'rates-test';
const [OODONO, OGORI, TOKUJI] = [1, 17, 20];
let browser: Browser;
let analyst: TestStaff;
let designer: TestStaff;
let surveyId = 0;

beforeAll(async () => {
	browser = await launch();
	analyst = await createStaff(['analyst'], 'rates-analyst');
	designer = await createStaff(['designer'], 'rates-designer');
	surveyId = writeDatabase((db) => {
		const { surveyId: id } = surveys.clone(db, 1, { slug: SLUG, fiscalYear: 2025 });
		const versionId = surveys.publishDraft(db, id);
		// Letters to three districts; responses from them on the web, on paper and imported.
		invitations.issue(db, id, 40, '2025-09-20', { key: 'F3', code: OODONO });
		invitations.issue(db, id, 60, '2025-09-20', { key: 'F3', code: OGORI });
		invitations.issue(db, id, 100, '2025-09-20', { key: 'F3', code: TOKUJI });
		const add = (n: number, channel: 'web' | 'paper' | 'import', district: number) => {
			for (let i = 0; i < n; i++) insertResponse(db, { versionId, channel, language: 'ja', day: '2025-10-02' }, [storedAnswer('F3', { code: district })]);
		};
		db.transaction(() => {
			add(11, 'web', OODONO);
			add(30, 'web', TOKUJI);
			add(6, 'paper', OGORI);
			add(5, 'import', TOKUJI);
		})();
		addSynthetic(db, id, { count: 20, seed: 18, from: '2025-10-01', to: '2025-10-31' });
		surveys.close(db, id);
		return id;
	});
});
afterAll(async () => {
	await browser?.close();
});

const cells = (row: import('playwright-core').Locator) => row.locator('th, td').allInnerTexts();

describe('response rates', () => {
	it('count a batch issued for one district, and show the rates first on the overview and in the report', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		await page.goto(`/admin/surveys/${surveyId}/invitations`);
		await page.getByLabel('発行する数').fill('2');
		await page.getByLabel('抽出の層').selectOption(`F3:${TOKUJI}`);
		await page.getByRole('button', { name: '発行する', exact: true }).click();
		await page.getByRole('heading', { name: '2 件の招待コードを発行しました' }).waitFor();
		await page.goto(`/admin/surveys/${surveyId}/invitations`);
		await expect(page.locator('table.data tbody tr').first().innerText()).resolves.toContain('F3：徳地');
		await context.close();

		const analystPage = await newPage(browser, { viewport: DESKTOP });
		const p = analystPage.page;
		await logIn(p, analyst);
		await p.goto(`/admin/results/${surveyId}`);
		const rates = p.locator('.response-rates');
		// Before the counts and charts of the overview.
		expect(await p.evaluate(() => !!(document.querySelector('.response-rates')!.compareDocumentPosition(document.querySelector('.summary-cards')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
		const rows = rates.locator('table').first().locator('tbody tr');
		// 202 letters; 52 real responses (the 20 synthetic ones left out), each with an answer.
		expect(await cells(rows.nth(0))).toEqual(['全体', '202', '52', '25.7%', '52', '25.7%']);
		expect(await cells(rows.nth(1))).toEqual(['うちウェブ', '202', '41', '20.3%', '41', '20.3%']);
		expect(await cells(rows.nth(2))).toEqual(['うち紙（手入力）', '202', '6', '3.0%', '6', '3.0%']);
		await expect(rates.innerText()).resolves.toContain('合成データ（デモ用）20 件は含みません');
		// By district: 6 from 小郡 is under k = 10, hidden with 大殿's 11 so the total does not give it away.
		const districts = rates.locator('table').nth(1).locator('tbody tr');
		expect(await cells(districts.nth(0))).toEqual(['大殿', '40', 'x', 'x']);
		expect(await cells(districts.nth(1))).toEqual(['小郡', '60', 'x', 'x']);
		expect(await cells(districts.nth(2))).toEqual(['徳地', '102', '35', '34.3%']);
		await expectAccessible(p, 'the results overview with response rates');

		const csv = await p.request.get(`/admin/results/${surveyId}/response-rates?encoding=utf8bom`);
		expect(csv.headers()['content-disposition']).toMatch(/attachment; filename="rates-test_response_rates_\d{4}-\d{2}-\d{2}\.csv"/);
		const table = parse((await csv.text()).replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
		expect(table[2]).toEqual(['全体', '全体', '202', '52', '25.7', '52', '25.7']);
		expect(table.filter((r) => r[0].startsWith('抽出の層：')).map((r) => r.slice(1, 4))).toEqual([
			['大殿', '40', 'x'],
			['小郡', '60', 'x'],
			['徳地', '102', '35'],
			['不明（無回答など）', '', '0']
		]);

		await p.goto(`/admin/results/${surveyId}/report`);
		expect(await p.evaluate(() => !!(document.querySelector('.report .response-rates')!.compareDocumentPosition(document.querySelector('.report section.panel:not(.response-rates)')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
		expect(await cells(p.locator('.response-rates tbody tr').first())).toEqual(['全体', '202', '52', '25.7%', '52', '25.7%']);
		await expectAccessible(p, 'the report with response rates');
		await p.setViewportSize(PHONE);
		expect(await scrollsSideways(p)).toBe(false);
		expect([...errors, ...analystPage.errors]).toEqual([]);
		await analystPage.context.close();
	});
});
