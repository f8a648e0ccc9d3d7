// An administrator reads the audit log at 1280×900: every event in words (no JSON), nothing
// broken inside a word or a date, filters that work without JavaScript and say what they
// cannot read, and a CSV with the same words.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { DESKTOP, launch, newPage } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';
import { lineCount } from './line-boxes';

let browser: Browser;
let admin: TestStaff;
const DOWNLOAD_WORDS = 'データのダウンロード：回答一覧（コード・UTF-8\u00a0BOM付き）';

beforeAll(async () => {
	browser = await launch();
	admin = await createStaff(['admin'], 'auditor');
});
afterAll(async () => {
	await browser?.close();
});

/** How many lines a piece of a cell's text lies on (more than one: it was broken). */
const linesOf = async (page: Page, selector: string, piece: string) =>
	lineCount(
		await page.locator(selector).first().evaluate((cell, piece) => {
			const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			let node = walker.nextNode();
			while (node && !node.textContent!.includes(piece)) node = walker.nextNode();
			if (!node) throw new Error(`no text node holds ${piece}`);
			const range = document.createRange();
			const start = node.textContent!.indexOf(piece);
			range.setStart(node, start);
			range.setEnd(node, start + piece.length);
			return [...range.getClientRects()].map((r) => ({ top: r.top, bottom: r.bottom, width: r.width }));
		}, piece)
	);

describe('the audit log', () => {
	it('says each event in words, never JSON, and breaks no word or date', async () => {
		for (const viewport of [DESKTOP, { width: 1024, height: 768 }]) {
			const { context, page } = await newPage(browser, { viewport });
			await logIn(page, admin);
			// A download to read about.
			expect((await page.request.get('/admin/data/1/download?kind=wide&values=codes&encoding=utf8bom')).status()).toBe(200);
			await page.goto(`/admin/audit?person=${admin.id}`);
			const table = await page.locator('table.audit tbody').innerText();
			expect(table).toContain(DOWNLOAD_WORDS);
			expect(table).toContain('ログイン');
			expect(table).not.toMatch(/[{}]|"kind"|utf8bom/);
			const row = page.locator('table.audit tbody tr', { hasText: DOWNLOAD_WORDS }).first();
			await expect(row.locator('td').nth(3).innerText()).resolves.toContain('（digital-2022）');
			// Dates on one line; the words break only between words, if at all.
			const dateLines = (
				await page.locator('table.audit td.when').evaluateAll((cells) =>
					cells.map((td) => {
						const range = document.createRange();
						range.selectNodeContents(td);
						return [...range.getClientRects()].map((r) => ({ top: r.top, bottom: r.bottom, width: r.width }));
					})
				)
			).map(lineCount);
			expect(dateLines.length).toBeGreaterThan(1);
			expect(new Set(dateLines)).toEqual(new Set([1]));
			const cell = `table.audit tbody tr:has-text("${DOWNLOAD_WORDS}") td.words`;
			for (const word of ['データのダウンロード', '回答一覧', 'UTF-8\u00a0BOM付き']) expect(await linesOf(page, cell, word), word).toBe(1);
			await expectAccessible(page, `the audit log at ${viewport.width} px`);
			await context.close();
		}
	});

	it('filters by person, kind and days without JavaScript, and says what it cannot read', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP, javaScriptEnabled: false });
		await logIn(page, admin);
		await page.request.get('/admin/data/1/download?kind=codebook&values=codes&encoding=cp932');
		await page.goto('/admin/audit');
		await page.locator('select[name=person]').selectOption({ label: `テスト auditor（${admin.email}）` });
		await page.locator('select[name=kind]').selectOption({ label: 'ダウンロードのすべて' });
		const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
		await page.locator('input[name=from]').fill(today);
		await page.locator('input[name=to]').fill(today);
		await Promise.all([page.waitForURL('**/admin/audit?**'), page.getByRole('button', { name: '絞り込む' }).click()]);
		expect(new URL(page.url()).searchParams.get('kind')).toBe('download');
		const rows = await page.locator('table.audit tbody tr td.words:nth-child(3)').allInnerTexts();
		expect(rows.length).toBeGreaterThan(0);
		for (const words of rows) expect(words).toMatch(/のダウンロード/);
		expect(rows).toContain('データのダウンロード：コードブック（Shift_JIS）');
		// The choices stay chosen.
		await expect(page.locator('select[name=kind]').inputValue()).resolves.toBe('download');
		await expect(page.locator('select[name=person]').inputValue()).resolves.toBe(String(admin.id));

		const wrong = await page.goto('/admin/audit?from=2024-99-99&to=2024-02-30');
		expect(wrong?.status()).toBe(200);
		const alert = await page.locator('.alert').innerText();
		expect(alert).toContain('開始日「2024-99-99」はありえない日付です。');
		expect(alert).toContain('終了日「2024-02-30」はありえない日付です。');
		await expect(page.locator('table.audit').count()).resolves.toBe(0);
		await page.goto('/admin/audit?from=2026-05-02&to=2026-05-01');
		await expect(page.locator('.alert').innerText()).resolves.toContain('終了日は開始日と同じ日か、それより後にしてください。');
		await context.close();
	});

	it('downloads as CSV with the page’s words', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, admin);
		await page.request.get('/admin/data/1/download?kind=wide&values=codes&encoding=utf8bom');
		await page.goto(`/admin/audit?kind=export.raw&person=${admin.id}`);
		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'この条件で CSV をダウンロード' }).click()]);
		const bytes = fs.readFileSync((await file.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parse(bytes.subarray(3), { columns: true }) as Record<string, string>[];
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			expect(row['内容']).toBe(DOWNLOAD_WORDS);
			expect(row['職員']).toBe('テスト auditor');
			expect(row['記録の種類']).toBe('export.raw');
		}
		await context.close();
	});
});
