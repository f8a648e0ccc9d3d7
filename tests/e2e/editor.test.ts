// The questionnaire editor as a designer meets it at 1280×900, on the bundled template: a
// compact outline (問1, 問2… with keys and texts), one card open at a time, text boxes that show
// all of their text, moves by keyboard and by drag that are saved and never put a condition
// before its question, links that open a card, and a status line that says what is true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import template from '../../src/lib/survey/templates/digital-level-2022.json';
import { create, draft } from '../../src/lib/server/surveys/drafts';
import { close, publish } from '../../src/lib/server/surveys/life-cycle';
import { DESKTOP, launch, newPage, readDatabase, writeDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';

let browser: Browser;
let designer: TestStaff;
beforeAll(async () => {
	browser = await launch();
	designer = await createStaff(['designer'], 'editor');
});
afterAll(async () => {
	await browser?.close();
});

let made = 0;
/** A survey made from the bundled template (as the create form makes it), closed after publishing if asked. */
function templateSurvey(options: { published?: boolean } = {}): number {
	return writeDatabase((db) => {
		const { surveyId, versionId } = create(db, { slug: `editor-${process.pid}-${++made}`, fiscalYear: 2026, document: template });
		if (options.published) {
			publish(db, surveyId, versionId);
			close(db, surveyId);
		}
		return surveyId;
	});
}

async function openEditor(surveyId: number, hash = ''): Promise<{ page: Page; done: () => Promise<void>; errors: string[] }> {
	const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
	await logIn(page, designer);
	await page.goto(`/admin/surveys/${surveyId}/edit${hash}`);
	await page.waitForSelector('.editor:not([inert])');
	return { page, errors, done: () => context.close() };
}

const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);
/** The questions' keys in outline order, section by section. */
const outline = (page: Page) =>
	page.$$eval('.outline-section', (sections) => sections.map((s) => [...s.querySelectorAll('.question-card .qkey')].map((k) => k.textContent)));
const expanded = (page: Page) => page.$$eval('.toggle[aria-expanded=true]', (buttons) => buttons.map((b) => b.id));
const savedOrder = (surveyId: number) =>
	readDatabase((db) => (draft(db, surveyId)!.document as typeof template).sections.map((s) => s.questions.map((q) => q.key)));

describe('the questionnaire editor', () => {
	it('shows the template as a compact outline, numbered as residents read it, with one card open at a time', async () => {
		const { page, errors, done } = await openEditor(templateSurvey());
		// All 26 questions in 7 sections, one line each: 8,136 px before the outline, 2,114 px now.
		expect(await pageHeight(page)).toBeLessThan(2400);
		await expect(page.locator('#edit-s0-q0').innerText()).resolves.toMatch(/^問1\s+F1\s+あなたの年齢を教えてください。/);
		await expect(page.locator('#edit-s6-q0').innerText()).resolves.toMatch(/^問26\s+W1\s/);
		await expect(page.locator('#edit-s4').innerText()).resolves.toMatch(/^セクション 5\s+T\s+デジタル化への期待と不安/);
		expect(await expanded(page)).toEqual([]);

		await page.locator('#edit-s0-q0').click();
		expect(await expanded(page)).toEqual(['edit-s0-q0']);
		// With the card of F1 (10 options) open: 3,456 px.
		expect(await pageHeight(page)).toBeLessThan(3700);
		await page.locator('#edit-s0-q1').click();
		expect(await expanded(page)).toEqual(['edit-s0-q1']);
		await expect(page.locator('.card-body').count()).resolves.toBe(1);
		await expect(page.locator('#edit-s0-q1-f-label-ja').inputValue()).resolves.toBe('あなたの性別を教えてください。');
		await page.locator('#edit-texts').click();
		expect(await expanded(page)).toEqual(['edit-texts']);
		await page.locator('#edit-texts').click();
		expect(await expanded(page)).toEqual([]);
		expect(errors).toEqual([]);
		await done();
	});

	it('shows all of a long title, an option and a matrix row in boxes that grow with the text', async () => {
		const { page, done } = await openEditor(templateSurvey());
		const cutOff = () =>
			page.$$eval('.card-body textarea', (boxes) =>
				boxes.filter((b) => b.scrollHeight > b.clientHeight).map((b) => `${b.id || b.getAttribute('aria-label')}: ${(b as HTMLTextAreaElement).value}`)
			);
		await page.locator('#edit-texts').click();
		const title = page.locator('#doc-title-ja');
		await expect(title.inputValue()).resolves.toBe('令和4年度 山口市 市民のデジタル活用に関するアンケート');
		expect(await cutOff()).toEqual([]);
		await title.fill('令和8年度 山口市 市民のデジタル活用に関するアンケート（郵送による無作為抽出調査・ウェブ回答併用、やさしい日本語と英語の版あり）');
		expect(await title.evaluate((b) => [b.scrollHeight <= b.clientHeight, b.clientHeight > 80])).toEqual([true, true]);
		// One line of text: Enter starts no new line.
		await title.press('End');
		await title.press('Enter');
		await expect(title.inputValue()).resolves.not.toContain('\n');
		expect(await cutOff()).toEqual([]);

		await page.locator('#question-A4 .toggle').click();
		await expect(page.locator('#edit-s2-q3-f-o0-en').inputValue()).resolves.not.toBe('');
		expect(await cutOff()).toEqual([]);
		await page.locator('#question-T1 .toggle').click();
		await expect(page.locator('#edit-s4-q0-f-row4-en').inputValue()).resolves.toBe('I support the city using data to improve its policies');
		expect(await cutOff()).toEqual([]);
		await done();
	});

	it('moves questions and sections with 「上へ」「下へ」 from the keyboard, keeps the focus on the moved one, and saves the order', async () => {
		const surveyId = templateSurvey();
		const { page, errors, done } = await openEditor(surveyId);
		const up = page.getByRole('button', { name: 'F2を上へ' });
		await up.focus();
		await page.keyboard.press('Enter');
		expect((await outline(page))[0].slice(0, 3)).toEqual(['F2', 'F1', 'F3']);
		// F2 is now first: 「上へ」 cannot go further, so the focus is on its 「下へ」.
		await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('F2を下へ');
		await expect(page.locator('.editor-status').innerText()).resolves.toContain('F2 を問1に移しました。');
		await expect(page.locator('#edit-s0-q0 .qnum').innerText()).resolves.toBe('問1');

		// Past the end of a section into the next one.
		await page.getByRole('button', { name: 'F6を下へ' }).focus();
		await page.keyboard.press('Enter');
		expect((await outline(page)).slice(0, 2)).toEqual([['F2', 'F1', 'F3', 'F4', 'F5'], ['F6', 'D1', 'D2', 'D3']]);
		await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe('F6を下へ');

		// A section, with its questions.
		await page.getByRole('button', { name: 'セクション Wを上へ' }).focus();
		await page.keyboard.press('Enter');
		expect((await outline(page)).at(-2)).toEqual(['W1']);

		// D3 is shown by the answer to D2: it cannot go before D2, and nothing moves.
		await page.getByRole('button', { name: 'D3を上へ' }).click();
		await expect(page.locator('.editor-status .error-text').innerText()).resolves.toBe('移せません：D3 は D2 の答えで表示するかが決まるため、D2 より前には置けません。');
		expect((await outline(page))[1]).toEqual(['F6', 'D1', 'D2', 'D3']);

		const order = [['F2', 'F1', 'F3', 'F4', 'F5'], ['F6', 'D1', 'D2', 'D3'], ['A1', 'A2', 'A3', 'A4', 'A5'], ['G1', 'G2', 'G3'], ['T1', 'T2', 'T3'], ['W1'], ['C0', 'C1', 'C2', 'C3', 'C4']];
		await expect.poll(() => savedOrder(surveyId), { timeout: 10_000 }).toEqual(order);
		await page.reload();
		await page.waitForSelector('.editor:not([inert])');
		expect(await outline(page)).toEqual(order);
		await expect(page.locator('.editor-status').innerText()).resolves.toMatch(/下書き 第1版：\s*自動保存済み（\d{1,2}:\d{2}）/);
		await expect(page.locator('#problems-heading').innerText()).resolves.toBe('問題はありません。公開できます。');
		expect(errors).toEqual([]);
		await done();
	});

	it('moves a question by dragging it onto another, and keeps an open card open where it went', async () => {
		const surveyId = templateSurvey();
		const { page, done } = await openEditor(surveyId);
		const head = (key: string) => page.locator(`#question-${key} .card-head, #section-${key} .card-head`);
		const half = async (key: string, after: boolean) => {
			const box = (await head(key).boundingBox())!;
			return { targetPosition: { x: 200, y: after ? box.height - 4 : 4 } };
		};
		await head('F1').dragTo(head('F3'), await half('F3', true));
		expect((await outline(page))[0]).toEqual(['F2', 'F3', 'F1', 'F4', 'F5', 'F6']);
		// The open card goes with the question dragged.
		await page.locator('#edit-s0-q5').click();
		await head('F6').dragTo(head('F4'), await half('F4', false));
		expect((await outline(page))[0]).toEqual(['F2', 'F3', 'F1', 'F6', 'F4', 'F5']);
		expect(await expanded(page)).toEqual(['edit-s0-q3']);
		await expect(page.locator('#edit-s0-q3-f-key').inputValue()).resolves.toBe('F6');
		// Onto a section's head: to the start of that section.
		await head('F5').dragTo(head('D'), await half('D', true));
		expect((await outline(page)).slice(0, 2)).toEqual([['F2', 'F3', 'F1', 'F6', 'F4'], ['F5', 'D1', 'D2', 'D3']]);
		await expect
			.poll(() => savedOrder(surveyId).slice(0, 2), { timeout: 10_000 })
			.toEqual([['F2', 'F3', 'F1', 'F6', 'F4'], ['F5', 'D1', 'D2', 'D3']]);
		await done();
	});

	it('opens the card an address names (#question-T1, #section-C) and brings it into view, also when only the fragment changes', async () => {
		const { page, errors, done } = await openEditor(templateSurvey(), '#question-T1');
		const inView = (id: string) =>
			page.locator(`#${id}`).evaluate((card) => {
				const top = card.getBoundingClientRect().top;
				return top >= 0 && top < window.innerHeight / 2;
			});
		expect(await expanded(page)).toEqual(['edit-s4-q0']);
		await expect(page.locator('#edit-s4-q0-f-key').inputValue()).resolves.toBe('T1');
		expect(await inView('question-T1')).toBe(true);

		await page.evaluate(() => (location.hash = '#section-C'));
		await page.waitForFunction(() => document.getElementById('edit-s5')?.getAttribute('aria-expanded') === 'true');
		expect(await expanded(page)).toEqual(['edit-s5']);
		await expect(page.locator('#edit-s5-f-key').inputValue()).resolves.toBe('C');
		expect(await inView('section-C')).toBe(true);

		// A link to the card the address already names opens it again once another was opened.
		await page.locator('#edit-s0-q0').click();
		await page.evaluate(() => {
			const a = Object.assign(document.createElement('a'), { href: '#section-C', textContent: 'C へ', id: 'to-c' });
			document.querySelector('.problems')!.append(a);
		});
		await page.locator('#to-c').click();
		await page.waitForFunction(() => document.getElementById('edit-s5')?.getAttribute('aria-expanded') === 'true');
		expect(await expanded(page)).toEqual(['edit-s5']);
		expect(errors).toEqual([]);
		await done();
	});

	it('says a published survey with no draft shows its published version, and says when a draft was saved once there is one', async () => {
		const surveyId = templateSurvey({ published: true });
		const { page, done } = await openEditor(surveyId);
		const status = page.locator('.editor-status [role=status]');
		await expect(status.innerText()).resolves.toBe('公開した第1版を表示しています。編集すると下書きが作られます。');
		expect(await page.locator('.editor-status').innerText()).not.toMatch(/下書き[^：]*：|自動保存済み/);

		await page.locator('#edit-texts').click();
		await page.locator('#doc-title-ja').fill('令和8年度 市民のデジタル活用に関するアンケート');
		await expect.poll(() => status.innerText(), { timeout: 10_000 }).toMatch(/^下書き 第2版：\s*自動保存済み（\d{1,2}:\d{2}）$/);
		await page.reload();
		await page.waitForSelector('.editor:not([inert])');
		await expect(status.innerText()).resolves.toMatch(/^下書き 第2版：\s*自動保存済み（\d{1,2}:\d{2}）$/);
		await done();
	});

	for (const viewport of [DESKTOP, { width: 1024, height: 768 }])
		it(`passes axe at ${viewport.width}×${viewport.height} with the outline, an open question and an open matrix`, async () => {
			const { context, page } = await newPage(browser, { viewport });
			await logIn(page, designer);
			await page.goto(`/admin/surveys/${templateSurvey()}/edit`);
			await page.waitForSelector('.editor:not([inert])');
			await expectAccessible(page, 'the outline');
			await page.locator('#edit-s0-q2').click();
			await expectAccessible(page, 'the card of a dropdown');
			await page.locator('#question-T1 .toggle').click();
			await expectAccessible(page, 'the card of a matrix');
			await page.locator('#edit-s1').click();
			await expectAccessible(page, 'the card of a section');
			await context.close();
			// axe reads every one of the outline's many controls, four times.
		}, 180_000);
});
