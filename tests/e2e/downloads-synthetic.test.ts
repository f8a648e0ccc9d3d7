// The download page of a survey holding synthetic (demo) responses says how many there are and
// leaves them out unless asked, in the file and in the audit log; its button is in view at
// 1280×900. 自由記述 opens on the first question anyone wrote in.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { DESKTOP, launch, newPage, readDatabase, writeDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';
import * as surveys from '../../src/lib/server/surveys';
import { insertResponse } from '../../src/lib/server/responses';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';
import { storedAnswer } from '../../src/lib/survey/stored-answers';

let browser: Browser;
let analyst: TestStaff;
let mixed = 0;
let wordsOnly = 0;

/** An edition of its own (a clone of the bundled survey), published, with two real responses. */
function edition(db: Parameters<Parameters<typeof writeDatabase>[0]>[0], slug: string): number {
	const { surveyId } = surveys.clone(db as never, 1, { slug, fiscalYear: 2025, title: { ja: `合成データの確認（${slug}）` } });
	const versionId = surveys.publishDraft(db as never, surveyId);
	for (const [age, words] of [[3, '公民館でスマホ教室を開いてほしい'], [9, null]] as const) {
		const answers = [['F1', age], ['F3', 17], ['F4', 1], ['D2', 1]].map(([q, code]) => storedAnswer(q as string, { code: code as number }));
		if (words) answers.push(storedAnswer('C4', { text: words }));
		insertResponse(db as never, { versionId, channel: 'web', language: 'ja', day: '2025-10-10' }, answers);
	}
	return surveyId;
}

beforeAll(async () => {
	browser = await launch();
	analyst = await createStaff(['analyst'], 'synthetic-analyst');
	writeDatabase((db) => {
		mixed = edition(db, 'download-mixed');
		addSynthetic(db as never, mixed, { count: 40, seed: 17, from: '2025-10-01', to: '2025-10-31' });
		wordsOnly = edition(db, 'free-text-first');
	});
});
afterAll(async () => {
	await browser?.close();
});

async function download(page: Page): Promise<Record<string, string>[]> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV をダウンロード' }).click()]);
	return parse(fs.readFileSync((await file.path())!).subarray(3), { columns: true }) as Record<string, string>[];
}

describe('downloads of a survey with synthetic responses', () => {
	it('say how many are synthetic, leave them out unless asked, and log the choice', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, analyst);
		await page.goto(`/admin/data/${mixed}`);
		await expect(page.locator('main').innerText()).resolves.toContain('回答数：42 件（うち合成データ 40 件、実際の回答 2 件）');
		await expect(page.locator('.synthetic-note').innerText()).resolves.toContain('40 件は、説明用に作った合成データ');
		const leaveOut = page.getByLabel('合成データ 40 件を除く');
		await expect(leaveOut.isChecked()).resolves.toBe(true);
		await expect(page.locator('#synthetic-hint').innerText()).resolves.toContain('実際の回答 2 件だけになります');
		// The button is in view as the page opens, without scrolling.
		const button = await page.getByRole('button', { name: 'CSV をダウンロード' }).boundingBox();
		expect(button!.y + button!.height).toBeLessThanOrEqual(DESKTOP.height);
		await expectAccessible(page, 'the download page with synthetic responses');

		const real = await download(page);
		expect(real.map((r) => r.synthetic)).toEqual(['0', '0']);
		await page.locator('input[name=kind][value=long]').check();
		const long = await download(page);
		expect(new Set(long.map((r) => r.synthetic))).toEqual(new Set(['0']));
		await page.locator('input[name=kind][value=wide]').check();
		await leaveOut.uncheck();
		const all = await download(page);
		expect(all.length).toBe(42);
		expect(all.filter((r) => r.synthetic === '1').length).toBe(40);

		const logged = readDatabase((db) =>
			db
				.prepare("SELECT json_extract(detail, '$.kind') AS kind, json_extract(detail, '$.leaveOutSynthetic') AS leftOut FROM audit_event WHERE actor = ? AND action = 'export.raw' ORDER BY id")
				.all(analyst.email)
		);
		expect(logged).toEqual([
			{ kind: 'wide', leftOut: 1 },
			{ kind: 'long', leftOut: 1 },
			{ kind: 'wide', leftOut: 0 }
		]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('of a survey with none: no choice to make', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, analyst);
		await page.goto(`/admin/data/${wordsOnly}`);
		await expect(page.locator('input[name=leaveOutSynthetic]').count()).resolves.toBe(0);
		await expect(page.locator('.synthetic-note').count()).resolves.toBe(0);
		await context.close();
	});
});

describe('自由記述', () => {
	it('opens on the first question anyone wrote in, and says how many wrote in each', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, analyst);
		await page.goto(`/admin/results/${wordsOnly}/text`);
		// D3 and T3 (their 「その他」) come first in the questionnaire, with nothing written.
		await expect(page.locator('select[name=key]').inputValue()).resolves.toBe('C4');
		await expect(page.locator('select[name=key] option[value=D3]').innerText()).resolves.toMatch(/^D3（0 件） /);
		await expect(page.locator('select[name=key] option[value=C4]').innerText()).resolves.toMatch(/^C4（1 件） /);
		await expect(page.locator('ol.free-texts li').allInnerTexts()).resolves.toEqual(['公民館でスマホ教室を開いてほしい']);
		await expectAccessible(page, '自由記述');
		await context.close();
	});
});
