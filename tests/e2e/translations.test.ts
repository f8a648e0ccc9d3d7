// Issue 17 (2, 3): problems named as a designer names them, with links that open the card;
// translations marked 要確認 once their Japanese changes; publishing asks for a confirmation
// naming them; and the English page says where it shows Japanese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launch, newPage, readDatabase, writeDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { agreeAndStart, expectAccessible, openSurvey } from './survey-steps';
import * as surveys from '../../src/lib/server/surveys';
import template from '../../src/lib/survey/templates/digital-level-2022.json';
import type { ChoiceQuestion, Questionnaire } from '../../src/lib/survey/schema';
import { gapsFingerprint, translationGaps } from '../../src/lib/survey/translation';

let browser: Browser;
let designer: TestStaff;
const made: number[] = [];

/** A survey made from the bundled questionnaire, changed first; its overview's address. */
function surveyFrom(slug: string, change: (doc: Questionnaire) => void = () => {}): string {
	const doc = structuredClone(template) as Questionnaire;
	change(doc);
	// Made valid, then given the changed document as its draft (a draft may have problems).
	const id = writeDatabase((db) => {
		const { surveyId, versionId } = surveys.create(db, { slug, fiscalYear: 2026, document: template });
		db.prepare('UPDATE survey_version SET document = ? WHERE id = ?').run(JSON.stringify(doc), versionId);
		return surveyId;
	});
	made.push(id);
	return `/admin/surveys/${id}`;
}

beforeAll(async () => {
	browser = await launch();
	designer = await createStaff(['designer'], 'translations');
});
afterAll(async () => {
	// Archived, the surveys made here leave the home page and the lists as the other files expect them.
	writeDatabase((db) => {
		for (const id of made) db.prepare("UPDATE survey SET status = 'archived' WHERE id = ?").run(id);
	});
	await browser?.close();
});

const editorReady = (page: Page) => page.waitForSelector('.editor:not([inert])');
const saved = (page: Page) => page.waitForFunction(() => document.querySelector('.editor-status')?.textContent?.includes('自動保存済み'));
/** The F1 card's label field in one language: its visible name holds its state. */
const f1Label = (page: Page, lang: string) => page.locator('#question-F1 .text-fields').first().locator('.lang').filter({ has: page.locator(`[id$="-label-${lang}"]`) });

describe('problems in words', () => {
	it('names the place as a person would, once, and its link opens that question’s card in the editor', async () => {
		const overview = surveyFrom('words-f1', (doc) => {
			doc.sections[0].questions[0].label.ja = '';
		});
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		await page.goto(overview);
		const list = page.locator('.place-problems');
		await expect(list.innerText()).resolves.toBe('F1の設問文：日本語の文言がありません。');
		await expect(page.locator('main').innerText()).resolves.not.toContain('sections[');
		await expectAccessible(page, 'the survey page with a problem');

		await list.getByRole('link', { name: 'F1の設問文' }).click();
		await page.waitForURL(/\/edit#question-F1$/);
		await editorReady(page);
		const card = page.locator('#question-F1');
		const isOpen = () => page.waitForFunction(() => document.getElementById('question-F1')?.classList.contains('open'));
		await isOpen();
		// In view, its head below the status bar that stays at the top.
		await page.waitForTimeout(300);
		const box = (await card.boundingBox())!;
		const bar = (await page.locator('.editor-status').boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
		expect(box.y).toBeLessThan(DESKTOP.height / 2);
		// The editor's own list says it the same way, and its link opens a closed card too.
		await expect(page.locator('.problems .place-problems').first().innerText()).resolves.toBe('F1の設問文：日本語の文言がありません。');
		await card.locator('#edit-s0-q0').click();
		await expect(card.evaluate((d) => d.classList.contains('open'))).resolves.toBe(false);
		await page.locator('.problems').getByRole('link', { name: 'F1の設問文' }).click();
		await isOpen();
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('translation states', () => {
	it('marks F1’s English 要確認 once its Japanese changes, can confirm it, and publishing names what is left', async () => {
		const overview = surveyFrom('stale-f1');
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		await page.goto(`${overview}/edit#question-F1`);
		await editorReady(page);
		await expect(page.locator('#problems-heading').innerText()).resolves.toBe('問題はありません。公開できます。');
		await expect(f1Label(page, 'en').locator('label').innerText()).resolves.toContain('OK');

		await page.locator('#question-F1 [id$="-label-ja"]').first().fill('あなたの年齢（令和8年4月1日現在）を教えてください。');
		await expect(f1Label(page, 'en').locator('label').innerText()).resolves.toContain('要確認');
		await expect(f1Label(page, 'easy').locator('label').innerText()).resolves.toContain('要確認');
		await expect(page.locator('#problems-heading').innerText()).resolves.toBe('公開できますが、翻訳に要確認が 2 件あります。');
		await expect(page.locator('.problems .place-problems').innerText()).resolves.toContain(
			'F1（あなたの年齢（令和8年4月1日…）の設問文：日本語が変わった後、英語の文言が確認されていません（要確認）。'
		);
		await page.locator('.problems').screenshot({ path: 'test-results/editor-stale-translations.png' });
		await expectAccessible(page, 'the editor with stale translations');

		// The translator reads the English again: it still holds, so it is marked checked.
		await f1Label(page, 'en').getByRole('button', { name: /確認済みにする/ }).click();
		await expect(f1Label(page, 'en').locator('label').innerText()).resolves.toContain('OK');
		await expect(page.locator('#problems-heading').innerText()).resolves.toBe('公開できますが、翻訳に要確認が 1 件あります。');
		await saved(page);

		await page.goto(overview);
		await page.getByRole('button', { name: '第1版を公開する' }).click();
		const confirm = page.locator('.confirm-translations');
		await expect(confirm.locator('h4').innerText()).resolves.toBe('翻訳が要確認のまま公開しますか');
		await expect(confirm.locator('.place-problems').innerText()).resolves.toBe(
			'F1（あなたの年齢（令和8年4月1日…）の設問文：日本語が変わった後、やさしい日本語の文言が確認されていません（要確認）。'
		);
		const status = () => readDatabase((db) => db.prepare("SELECT status FROM survey WHERE slug = 'stale-f1'").pluck().get());
		expect(status()).toBe('draft');
		await expectAccessible(page, 'the publish confirmation');
		await page.getByRole('button', { name: 'このまま第1版を公開する' }).click();
		await page.waitForURL('**?done=publish');
		expect(status()).toBe('open');
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('a resident page in English', () => {
	it('says where a text is shown in Japanese for want of a translation, and marks that text Japanese', async () => {
		writeDatabase((db) => {
			const doc = structuredClone(template) as Questionnaire;
			delete (doc.sections[0].questions[0] as ChoiceQuestion).options[1].label.en;
			delete (doc.sections[0].questions[0] as ChoiceQuestion).options[1].label.easy;
			const { surveyId } = surveys.create(db, { slug: 'fallback-en', fiscalYear: 2026, document: doc });
			made.push(surveyId);
			surveys.publishDraft(db, surveyId, { confirmedGaps: gapsFingerprint(translationGaps(doc)) });
		});
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await openSurvey(page, '/s/fallback-en?lang=en');
		await agreeAndStart(page);
		const f1 = page.locator('#q-F1');
		await expect(f1.locator('.untranslated').innerText()).resolves.toBe('Shown in Japanese: no English translation yet.');
		await expect(f1.locator('label[for="in-F1-2"] [lang="ja"]').innerText()).resolves.toBe('20〜29歳');
		// The others are translated and say nothing.
		await expect(page.locator('#q-F2 .untranslated').count()).resolves.toBe(0);
		await expectAccessible(page, 'the English page with a Japanese fallback');

		expect(errors).toEqual([]);
		await context.close();

		// In easy Japanese too (a fresh device: this one would resume where the resident was).
		const easy = await newPage(browser, { viewport: DESKTOP });
		await openSurvey(easy.page, '/s/fallback-en?lang=easy');
		await agreeAndStart(easy.page);
		await expect(easy.page.locator('#q-F1 .untranslated').innerText()).resolves.toBe('やさしい にほんごが まだ ないので、ふつうの にほんごで のせて います。');
		await expect(easy.page.locator('#q-F1 label[for="in-F1-2"] [lang="ja"]').innerText()).resolves.toBe('20〜29歳');
		await easy.context.close();
	});
});
