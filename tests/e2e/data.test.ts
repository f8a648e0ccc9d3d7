// An analyst downloads each CSV, and each download appears in the audit log.
import fs from 'node:fs';
import { insertResponse } from '../../src/lib/server/responses';
import { storedAnswer } from '../../src/lib/survey/stored-answers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { DESKTOP, launch, newPage, readDatabase, writeDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';

let browser: Browser;
let analyst: TestStaff;
beforeAll(async () => {
	browser = await launch();
	analyst = await createStaff(['analyst'], 'analyst');
	// Two responses of its own, so the test needs nothing from the others.
	writeDatabase((db) => {
		for (const age of [3, 9]) {
			const answers = [['F1', age], ['F3', 17], ['F4', 1], ['D2', 1], ['A1', 1]].map(([q, code]) => storedAnswer(q as string, { code: code as number }));
			answers.push(storedAnswer('W1', { number: 6 }));
			// A character Shift_JIS cannot hold, for the test below.
			if (age === 3) answers.push(storedAnswer('C4', { text: '𠮷野家の近くに住んでいます' }));
			insertResponse(db, { versionId: 1, channel: 'web', language: 'ja', day: '2026-11-25' }, answers);
		}
	});
});
afterAll(async () => {
	await browser?.close();
});

async function download(page: Page, kind: string, encoding = 'utf8bom'): Promise<Buffer> {
	await page.locator(`input[name=kind][value=${kind}]`).check();
	await page.locator(`input[name=encoding][value=${encoding}]`).check();
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV をダウンロード' }).click()]);
	expect(file.suggestedFilename()).toMatch(new RegExp(`^digital-2022_${kind}_\\d{4}-\\d{2}-\\d{2}(_sjis)?\\.csv$`));
	return fs.readFileSync((await file.path())!);
}

describe('data downloads', () => {
	it('each CSV downloads, opens in a second parser, and is written to the audit log', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, analyst);
		await page.getByRole('link', { name: 'データのダウンロード' }).click();
		await page.locator('a[href="/admin/data/1"]').click();
		await page.waitForURL('**/admin/data/1');
		await expectAccessible(page, 'the download page');

		const wide = await download(page, 'wide');
		expect([...wide.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parse(wide.subarray(3), { columns: true }) as Record<string, string>[];
		expect(rows.length).toBeGreaterThan(0);
		expect(Object.keys(rows[0]).slice(0, 8)).toEqual(['response_id', 'version', 'channel', 'language', 'submitted_on', 'synthetic', 'F1', 'F2']);
		const long = await download(page, 'long');
		expect(parse(long.subarray(3), { columns: true }).length).toBeGreaterThan(rows.length);
		const codebook = await download(page, 'codebook');
		expect(codebook.toString('utf8')).toContain('D3_7');
		const aggregate = parse((await download(page, 'aggregate')).subarray(3), { columns: true }) as Record<string, string>[];
		// No count from 1 to 9 is shown (k = 10), and bases under 30 are marked 参考値.
		expect(aggregate.filter((r) => /^[1-9]$/.test(r['n（人）']))).toEqual([]);
		for (const r of aggregate) expect(r.note.includes('参考値')).toBe(Number(r['base（人）']) < 30);

		const logged = readDatabase((db) =>
			db.prepare("SELECT action, json_extract(detail, '$.kind') AS kind FROM audit_event WHERE actor = ? AND action LIKE 'export.%' ORDER BY id").all(analyst.email)
		);
		expect(logged).toEqual([
			{ action: 'export.raw', kind: 'wide' },
			{ action: 'export.raw', kind: 'long' },
			{ action: 'export.codebook', kind: 'codebook' },
			{ action: 'export.aggregate', kind: 'aggregate' }
		]);
		await context.close();
	});

	it('Shift_JIS: a character it cannot hold is reported before any download', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, analyst);
		await page.goto('/admin/data/1');
		await page.locator('input[name=encoding][value=cp932]').check();
		await page.getByRole('button', { name: 'CSV をダウンロード' }).click();
		await page.waitForLoadState();
		await expect(page.locator('.alert').innerText()).resolves.toContain('Shift_JIS で表せない文字');
		await expect(page.locator('.alert li').allInnerTexts()).resolves.toEqual(['C4 の回答「𠮷野家の近くに住んでいます…」：𠮷']);
		// The codebook has no answers in it, so it can be had in Shift_JIS.
		const codebook = await download(page, 'codebook', 'cp932');
		expect(codebook.includes(Buffer.from('F1', 'ascii'))).toBe(true);
		await context.close();
	});
});
