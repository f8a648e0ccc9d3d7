// A clerk types in two paper questionnaires with the keyboard only, and imports ten more from
// a CSV whose one bad row is reported and blocks the import until it is fixed.
import { ANSWER_ROWS } from '../support/answer-rows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, launch, newPage, readDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';

let browser: Browser;
let clerk: TestStaff;
beforeAll(async () => {
	browser = await launch();
	clerk = await createStaff(['clerk'], 'clerk');
});
afterAll(async () => {
	await browser?.close();
});

const paperResponses = () =>
	readDatabase(
		(db) =>
			db.prepare("SELECT count(*) FROM response WHERE channel IN ('paper', 'import') AND survey_version_id IN (SELECT id FROM survey_version WHERE survey_id = 1)").pluck().get() as number
	);

describe('paper questionnaires', () => {
	it('are typed in one after another with the keyboard only', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, clerk);
		await page.goto('/admin/paper/1');
		await expectAccessible(page, 'the paper entry form');
		const before = paperResponses();

		// The first box has the focus; Enter moves on; Enter in the last box saves.
		let saved = before;
		const typeForm = async (answers: Record<string, string>) => {
			await page.waitForFunction(() => document.activeElement?.id === 'paper-F1');
			const names = await page.locator('.paper-form input[type=text]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name));
			for (const name of names) {
				if (answers[name]) await page.keyboard.type(answers[name]);
				await page.keyboard.press('Enter');
			}
			saved += 1;
			await page.waitForFunction(
				(count) => document.querySelector('[role=status]')?.textContent?.includes(`これまでに ${count} 件`),
				saved
			);
		};
		await typeForm({ F1: '9', F2: '2', F3: '20', F4: '1', D2: '5', D3: '2 6', C2: '1', W1: '6' });
		await typeForm({ F1: '10', F3: '21', F4: '2', D2: '4', D3: '1', T1_2: '1 2', C4: '紙でも答えられて助かります' });
		expect(paperResponses()).toBe(before + 2);

		// A code that is not on the paper is caught, and nothing is stored.
		await page.waitForFunction(() => document.activeElement?.id === 'paper-F1');
		await page.keyboard.type('12');
		await page.keyboard.press('Control+Enter');
		await page.waitForSelector('.alert');
		await expect(page.locator('.alert').innerText()).resolves.toContain('「12」は F1 の選択肢の番号にありません。');
		expect(paperResponses()).toBe(before + 2);

		const stored = readDatabase((db) =>
			db.prepare(`SELECT a.question_key, a.status FROM ${ANSWER_ROWS} a JOIN response r ON r.id = a.response_id WHERE r.channel = 'paper' AND a.row_key = 'T1_2'`).all()
		);
		expect(stored).toContainEqual({ question_key: 'T1', status: 'invalid' });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('are imported from a CSV, but not while a row is wrong', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, clerk);
		await page.goto('/admin/paper/1/import');
		const before = paperResponses();
		const header = 'F1,F3,F4,D2,D3,C4';
		const good = Array.from({ length: 10 }, (_, i) => `${(i % 10) + 1},${(i % 21) + 1},${(i % 5) + 1},${(i % 5) + 1},,"意見 ${i + 1}"`);
		const upload = async (lines: string[]) => {
			await page.locator('input[name=file]').setInputFiles({ name: 'paper.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\n')) });
			await page.getByRole('button', { name: '内容を確認する' }).click();
			await page.waitForLoadState();
		};
		const bad = [...good];
		bad[6] = '7,30,1,1,,';
		await upload(bad);
		await expect(page.locator('.alert table').innerText()).resolves.toContain('8行目・F3列');
		await expect(page.getByRole('button', { name: /件を取り込む/ }).count()).resolves.toBe(0);
		expect(paperResponses()).toBe(before);
		await expectAccessible(page, 'the import with a bad row');

		await upload(good);
		await page.getByRole('button', { name: '10 件を取り込む' }).click();
		await page.waitForURL('**/import?imported=10');
		expect(paperResponses()).toBe(before + 10);
		const logged = readDatabase((db) =>
			db.prepare("SELECT json_extract(detail, '$.count') FROM audit_event WHERE action = 'paper.import' AND actor = ?").pluck().get(clerk.email)
		);
		expect(logged).toBe(10);
		await context.close();
	});
});
