// The data page offers each table as an Excel workbook and the R and SPSS scripts for the wide
// CSV, on a phone and on a PC; a workbook downloads, opens in a second reader and is audited.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { DESKTOP, launch, newPage, PHONE, readDatabase, writeDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';
import { insertResponse } from '../../src/lib/server/responses';
import { storedAnswer } from '../../src/lib/survey/stored-answers';

let browser: Browser;
let analyst: TestStaff;
beforeAll(async () => {
	browser = await launch();
	analyst = await createStaff(['analyst'], 'workbooks');
	writeDatabase((db) =>
		insertResponse(db, { versionId: 1, channel: 'web', language: 'ja', day: '2026-11-26' }, [['F1', 4], ['F3', 2], ['F4', 2], ['D2', 1]].map(([q, code]) => storedAnswer(q as string, { code: code as number })))
	);
});
afterAll(async () => {
	await browser?.close();
});

describe('the data page', () => {
	it('offers Excel workbooks and the R and SPSS scripts; the wide workbook downloads with its value labels', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, analyst);
		await page.goto('/admin/data/1');
		await expect(page.getByRole('button', { name: 'Excel（.xlsx）をダウンロード' }).isVisible()).resolves.toBe(true);
		await expectAccessible(page, 'the download page');

		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Excel（.xlsx）をダウンロード' }).click()]);
		expect(file.suggestedFilename()).toMatch(/^digital-2022_wide_\d{4}-\d{2}-\d{2}\.xlsx$/);
		const sheets = await readXlsxFile(fs.readFileSync((await file.path())!));
		expect(sheets.map((s) => s.sheet)).toEqual(['個票', '値ラベル']);
		const [header, ...rows] = sheets[0].data;
		expect(header.slice(0, 7)).toEqual(['response_id', 'version', 'channel', 'language', 'submitted_on', 'synthetic', 'F1']);
		expect(rows.some((r) => r[header.indexOf('F1')] === 4 && r[header.indexOf('submitted_on')] === '2026-11-26')).toBe(true);

		for (const [name, extension, words] of [['R のスクリプト（.R）', 'R', 'read.csv('], ['SPSS のシンタックス（.sps）', 'sps', 'GET DATA']] as const) {
			const [script] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
			expect(script.suggestedFilename()).toMatch(new RegExp(`^digital-2022_wide_\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
			expect(fs.readFileSync((await script.path())!, 'utf8')).toContain(words);
		}
		const logged = readDatabase((db) =>
			db.prepare("SELECT action, json_extract(detail, '$.format') AS format FROM audit_event WHERE actor = ? AND action LIKE 'export.%' ORDER BY id").all(analyst.email)
		);
		expect(logged).toEqual([
			{ action: 'export.raw', format: 'xlsx' },
			{ action: 'export.codebook', format: 'r' },
			{ action: 'export.codebook', format: 'sps' }
		]);
		await context.close();
	});

	it('on a phone, keeps the long table as CSV only and says why', async () => {
		const { context, page } = await newPage(browser, { viewport: PHONE });
		await logIn(page, analyst);
		await page.goto('/admin/data/1');
		await page.locator('input[name=kind][value=long]').check();
		await page.getByRole('button', { name: 'Excel（.xlsx）をダウンロード' }).click();
		await page.waitForLoadState();
		await expect(page.getByRole('alert').innerText()).resolves.toContain('CSV でダウンロードしてください');
		await expectAccessible(page, 'the download page on a phone, with its message');
		await context.close();
	});
});
