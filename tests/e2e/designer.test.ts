// A designer builds a survey in the editor, previews it, publishes it, and a resident answers
// it; then the 2022 edition is cloned as 2023, re-coded, and the comparison warning shows.
import { ANSWER_ROWS } from '../support/answer-rows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launch, newPage, readDatabase, writeDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible, openSurvey, reviewAndSend } from './survey-steps';

let browser: Browser;
let designer: TestStaff;
beforeAll(async () => {
	browser = await launch();
	designer = await createStaff(['designer'], 'designer');
});
afterAll(async () => {
	await browser?.close();
});


async function createSurvey(page: Page, fields: { source: string; slug: string; year: string; title?: string; cloneOf?: string }) {
	await page.goto('/admin/surveys');
	await page.locator(`input[name=source][value=${fields.source}]`).check();
	if (fields.cloneOf) await page.locator('select[name=cloneOf]').selectOption(fields.cloneOf);
	await page.locator('input[name=fiscalYear]').fill(fields.year);
	if (fields.title) await page.locator('input[name=title]').fill(fields.title);
	await page.locator('input[name=slug]').fill(fields.slug);
	await page.locator('form[action="?/create"] button[type=submit]').click();
	await page.waitForURL(/\/admin\/surveys\/\d+$/);
	return new URL(page.url()).pathname;
}

const saved = (page: Page) => page.waitForFunction(() => document.querySelector('.editor-status')?.textContent?.includes('自動保存済み'));

/** Opens a card of the outline by its button (edit-texts, edit-s0, edit-s0-q1) unless it is open. */
async function openCard(page: Page, button: string) {
	const toggle = page.locator(`#${button}`);
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
	await page.locator(`#${button}-body`).waitFor();
}

/** Fills one question card of section 0. */
async function question(page: Page, i: number, q: { type?: string; ja: string; en: string; options?: [string, string][] }) {
	await openCard(page, `edit-s0-q${i}`);
	const card = page.locator(`#edit-s0-q${i}-body`);
	if (q.type) await card.locator('select').first().selectOption(q.type);
	await page.locator(`#edit-s0-q${i}-f-label-ja`).fill(q.ja);
	await page.locator(`#edit-s0-q${i}-f-label-en`).fill(q.en);
	for (const [j, [ja, en]] of (q.options ?? []).entries()) {
		const row = card.locator('table.options-editor tbody tr').nth(j);
		await row.locator('[aria-label=日本語]').fill(ja);
		await row.locator('[aria-label=English]').fill(en);
	}
}

describe('the questionnaire designer', () => {
	it('builds a five-question survey with a condition and English, previews, publishes, and a resident answers it', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		const overview = await createSurvey(page, { source: 'blank', slug: 'transport-2026', year: '2026', title: '公共交通についてのアンケート' });
		await page.goto(`${overview}/edit`);
		await page.waitForSelector('.editor:not([inert])');

		await openCard(page, 'edit-texts');
		await page.getByLabel('English', { exact: true }).first().check();
		await page.locator('#doc-title-en').fill('Survey on public transport');
		await question(page, 0, { ja: 'バスを利用しますか。', en: 'Do you use the bus?', options: [['はい', 'Yes'], ['いいえ', 'No']] });
		for (let i = 1; i < 5; i++) await page.getByRole('button', { name: 'セクション 1 に設問を追加' }).click();
		await question(page, 1, { type: 'multiple', ja: 'どの路線を使いますか。', en: 'Which routes do you use?', options: [['市内線', 'City lines'], ['郊外線', 'Suburban lines']] });
		const q2 = page.locator('#edit-s0-q1-body');
		await q2.getByRole('button', { name: '条件を追加' }).click();
		await q2.locator('.condition').getByLabel('1 はい').check();
		await question(page, 2, { type: 'scale', ja: '満足度を教えてください。', en: 'How satisfied are you?' });
		await question(page, 3, { type: 'longtext', ja: 'ご意見をお書きください。', en: 'Any comments?' });
		await question(page, 4, { type: 'number', ja: '1週間に何回乗りますか。', en: 'How many trips a week?' });
		// Enter in a text box (confirming an IME conversion) adds nothing and saves nothing early.
		await page.locator('#edit-s0-q4-f-label-ja').press('Enter');
		await expect(page.locator('.question-card').count()).resolves.toBe(5);
		await saved(page);
		// The consent texts and the section's title have no English yet: said, not hidden behind 「公開できます」.
		await expect(page.locator('#problems-heading').innerText()).resolves.toBe('公開できますが、翻訳に未入力が 4 件あります。');
		await expectAccessible(page, 'the editor');

		// The preview at phone size, in English, with the condition working.
		await page.goto(`${overview}/preview?lang=en&device=phone`);
		const frame = page.frameLocator('iframe');
		await frame.locator('.progress').waitFor();
		await expect(frame.locator('h1').innerText()).resolves.toBe('Survey on public transport');
		await frame.locator('#consent').check();
		await frame.locator('.actions .primary').click();
		await frame.locator('#in-Q1-2').check();
		await expect(frame.locator('#q-Q2').count()).resolves.toBe(0);
		await frame.locator('#in-Q1-1').check();
		await expect(frame.locator('#q-Q2 legend').innerText()).resolves.toContain('Which routes do you use?');
		await page.screenshot({ path: 'test-results/designer-preview.png' });

		await page.goto(overview);
		await page.getByRole('button', { name: '第1版を公開する' }).click();
		await page.getByRole('button', { name: 'このまま第1版を公開する' }).click();
		await page.waitForURL('**?done=publish');
		await expect(page.locator('.status-tag').first().innerText()).resolves.toBe('回答受付中');
		expect(errors).toEqual([]);
		await context.close();

		const resident = await newPage(browser);
		await openSurvey(resident.page, '/s/transport-2026?lang=en');
		await resident.page.locator('#consent').check();
		await resident.page.locator('.actions .primary').click();
		await resident.page.locator('#in-Q1-1').check();
		await resident.page.locator('#in-Q2-2').check();
		await resident.page.locator('#in-Q3-7').check();
		await resident.page.locator('#in-Q5').fill('３');
		await reviewAndSend(resident.page);
		await resident.page.waitForURL('**/thanks');
		const stored = readDatabase((db) =>
			db
				.prepare(
					`SELECT a.question_key, a.code, a.number FROM ${ANSWER_ROWS} a JOIN response r ON r.id = a.response_id
					 JOIN survey_version v ON v.id = r.survey_version_id JOIN survey s ON s.id = v.survey_id
					 WHERE s.slug = 'transport-2026' ORDER BY a.question_key`
				)
				.all()
		);
		expect(stored).toEqual([
			{ question_key: 'Q1', code: 1, number: null },
			{ question_key: 'Q2', code: 2, number: null },
			{ question_key: 'Q3', code: null, number: 7 },
			{ question_key: 'Q5', code: null, number: 3 }
		]);
		await resident.context.close();
	});

	it('clones 2022 as 2023, shows the warning for a re-coded option, and publishes it', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		const overview = await createSurvey(page, { source: 'clone', cloneOf: '1', slug: 'digital-2023-test', year: '2023' });
		await page.goto(`${overview}/edit`);
		await page.waitForSelector('.editor:not([inert])');
		const c2 = page.locator('#question-C2');
		await c2.locator('.toggle').click();
		await c2.locator('table.options-editor tbody tr').nth(3).locator('[aria-label=日本語]').fill('分からない');
		await saved(page);

		await page.goto(overview);
		const warning = page.locator('.changes li.breaks');
		await expect(warning.innerText()).resolves.toContain('設問 C2 の選択肢 4 の意味が変わりました（「必要ない」→「分からない」）');
		await expect(page.locator('h4').innerText()).resolves.toContain('2022年度の調査');
		await expectAccessible(page, 'the survey overview with a warning');
		await page.getByRole('button', { name: '第1版を公開する' }).click();
		// The option's easy Japanese and English were made for 「必要ない」: publishing asks first.
		await expect(page.locator('.confirm-translations').innerText()).resolves.toContain('C2');
		await page.getByRole('button', { name: 'このまま第1版を公開する' }).click();
		await page.waitForURL('**?done=publish');
		const published = readDatabase((db) =>
			db.prepare("SELECT s.fiscal_year, s.status, v.published_at IS NOT NULL AS frozen FROM survey s JOIN survey_version v ON v.id = s.published_version_id WHERE s.slug = 'digital-2023-test'").get()
		);
		expect(published).toEqual({ fiscal_year: 2023, status: 'open', frozen: 1 });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps an edit made just before the tab was closed', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		const overview = await createSurvey(page, { source: 'template', slug: 'closed-tab', year: '2026', title: '閉じる前の題名' });
		await page.goto(`${overview}/edit`);
		await page.waitForSelector('.editor:not([inert])');
		await openCard(page, 'edit-texts');
		await page.locator('#doc-title-ja').fill('閉じる直前に変えた題名');
		// Closed at once, before the automatic save would have run.
		await page.close({ runBeforeUnload: true });
		const again = await context.newPage();
		// The beacon is sent as the tab closes and may arrive a moment after: look again.
		await expect
			.poll(async () => (await again.goto(overview), again.locator('h1').innerText()), { timeout: 10_000 })
			.toBe('閉じる直前に変えた題名');
		await context.close();
	});

	it('says in words why the server refused a draft, and keeps the edit in the browser', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		const overview = await createSurvey(page, { source: 'template', slug: 'refused-draft', year: '2026', title: 'アーカイブされる調査' });
		await page.goto(`${overview}/edit`);
		await page.waitForSelector('.editor:not([inert])');
		// Archived from another desk while the editor is open.
		writeDatabase((db) => db.prepare("UPDATE survey SET status = 'archived' WHERE slug = 'refused-draft'").run());
		await openCard(page, 'edit-texts');
		await page.locator('#doc-title-ja').fill('アーカイブ後に変えた題名');
		const status = page.locator('.editor-status .error-text');
		await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('アーカイブした調査は編集できません。');
		expect(await status.textContent()).toContain('変更はこのブラウザに残っています。');
		await context.close();
	});

	it('reports every problem of an imported CSV with its row and column, and creates nothing', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		await page.goto('/admin/surveys');
		await page.locator('input[name=source][value=csv]').check();
		const csv = 'kind,key,type,label_ja\nmeta,title,,テスト\nsection,S1,,一\nquestion,Q1,slider,設問\noption,,,はい\n';
		await page.locator('input[name=file]').setInputFiles({ name: 'q.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.locator('input[name=slug]').fill('import-bad');
		await page.locator('form[action="?/create"] button[type=submit]').click();
		await page.waitForLoadState();
		const report = page.locator('.alert table');
		await expect(report.innerText()).resolves.toContain('4行目・type列');
		await expect(report.innerText()).resolves.toContain('5行目・code列');
		expect(readDatabase((db) => db.prepare("SELECT count(*) FROM survey WHERE slug = 'import-bad'").pluck().get())).toBe(0);
		await context.close();
	});
});
