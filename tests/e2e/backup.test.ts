// An administrator downloads a backup: a checked copy of the whole database that opens as one,
// written to the audit log; other roles see no link to it.
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import Database from 'better-sqlite3';
import { DESKTOP, launch, newPage, readDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';

let browser: Browser;
let admin: TestStaff;
let analyst: TestStaff;
beforeAll(async () => {
	browser = await launch();
	admin = await createStaff(['admin'], 'backup-admin');
	analyst = await createStaff(['analyst'], 'backup-analyst');
});
afterAll(async () => {
	await browser?.close();
});

describe('backups', () => {
	it('an administrator downloads a copy of the whole database, and the download is logged', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, admin);
		await Promise.all([page.waitForURL('**/admin/backup'), page.getByRole('link', { name: 'バックアップ', exact: true }).click()]);
		const responses = readDatabase((db) => db.prepare('SELECT count(*) FROM response').pluck().get() as number);
		await expect(page.locator('table.data').innerText()).resolves.toContain(responses.toLocaleString('ja-JP'));
		await expectAccessible(page, 'the backup page');

		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /バックアップをダウンロード/ }).click()]);
		expect(file.suggestedFilename()).toMatch(/^survey-backup_\d{4}-\d{2}-\d{2}\.sqlite$/);
		const copy = new Database((await file.path())!, { readonly: true, fileMustExist: true });
		expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
		expect(copy.prepare('SELECT count(*) FROM response').pluck().get()).toBe(responses);
		expect(copy.prepare('SELECT count(*) FROM staff_user WHERE email = ?').pluck().get(admin.email)).toBe(1);
		copy.close();
		const logged = readDatabase((db) => db.prepare("SELECT detail FROM audit_event WHERE actor = ? AND action = 'export.backup'").pluck().all(admin.email) as string[]);
		expect(logged.map((d) => JSON.parse(d).responses)).toEqual([responses]);
		// Nothing of the copy is left in the server's temporary folder.
		expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('survey-backup-'))).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('is not offered to an analyst', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, analyst);
		await expect(page.getByRole('link', { name: 'バックアップ', exact: true }).count()).resolves.toBe(0);
		const response = await page.goto('/admin/backup/download');
		expect(response?.status()).toBe(403);
		await context.close();
	});
});
