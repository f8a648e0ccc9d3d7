// Next year's survey from the template or an earlier edition: the form suggests the fiscal year
// (in 西暦 and 令和) and the title with the year moved on, follows a change of source or year,
// refuses a title another survey has until the official confirms it, works without JavaScript,
// and the survey's pages show the new title, its own page even while its draft has problems.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launch, newPage, readDatabase, seriousViolationsWithoutScripts, writeDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';
import { dayIn, fiscalYearOf } from '../../src/lib/dates';
import * as surveys from '../../src/lib/server/surveys';
import template from '../../src/lib/survey/templates/digital-level-2022.json';

let browser: Browser;
let designer: TestStaff;
/** The year new surveys are made for: the next fiscal year in Japan. */
const planning = fiscalYearOf(dayIn(new Date(), 'Asia/Tokyo')) + 1;
const era = (year: number) => `令和${year - 2018}年度`;
const TEMPLATE_TITLE = (year: number) => `${era(year)} 山口市 市民のデジタル活用に関するアンケート`;

beforeAll(async () => {
	browser = await launch();
	designer = await createStaff(['designer'], 'next-edition');
});
afterAll(async () => {
	await browser?.close();
});

/** The new-survey form, once its script runs (the button for pages without it is gone). */
async function openForm(page: Page) {
	await page.goto('/admin/surveys');
	await page.locator('button[formmethod=get]').waitFor({ state: 'detached' });
}

const title = (page: Page) => page.locator('input[name=title]').inputValue();
/** Sends the form and waits for the page it leads to (the survey, or the form refused). */
async function create(page: Page) {
	await Promise.all([page.waitForEvent('framenavigated'), page.getByRole('button', { name: '作成する' }).click()]);
	await page.waitForLoadState();
}
const surveyCount = () => readDatabase((db) => db.prepare('SELECT count(*) FROM survey').pluck().get() as number);

describe('a new edition', () => {
	it('from the template: the year and title suggested and followed; the new title on every page', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		await openForm(page);
		await page.locator('input[name=source][value=template]').check();
		await expect(page.locator('input[name=fiscalYear]').inputValue()).resolves.toBe(String(planning));
		await expect(page.locator('#year-name').innerText()).resolves.toBe(`${planning}年度（${era(planning)}）`);
		await expect(title(page)).resolves.toBe(TEMPLATE_TITLE(planning));
		// A year typed: the title follows it, in 令和.
		const year = planning + 2;
		await page.locator('input[name=fiscalYear]').fill(String(year));
		await expect(page.locator('#year-name').innerText()).resolves.toBe(`${year}年度（${era(year)}）`);
		await expect(title(page)).resolves.toBe(TEMPLATE_TITLE(year));
		await expectAccessible(page, 'the new-survey form (template)');
		await page.locator('input[name=slug]').fill('next-from-template');
		await create(page);
		await expect(page.locator('h1').innerText()).resolves.toBe(TEMPLATE_TITLE(year));
		await expect(page.getByText(`${year}年度（${era(year)}）`).count()).resolves.toBe(1);

		// The list tells it from the 2022 edition.
		await page.goto('/admin/surveys');
		const rows = page.locator('section[aria-labelledby=list-heading] tbody tr');
		const mine = rows.filter({ hasText: '/s/next-from-template' });
		await expect(mine.locator('td').nth(1).locator('a').innerText()).resolves.toBe(TEMPLATE_TITLE(year));
		await expect(mine.locator('td').first().innerText()).resolves.toBe(`${year}\n${era(year)}`);
		await expect(rows.filter({ hasText: '/s/digital-2022' }).locator('td').nth(1).locator('a').innerText()).resolves.toBe(TEMPLATE_TITLE(2022));

		// Published, residents see the new title.
		const overview = mine.locator('a').first();
		await overview.click();
		await page.getByRole('button', { name: '第1版を公開する' }).click();
		await page.waitForURL('**?done=publish');
		await page.goto('/s/next-from-template');
		await expect(page.locator('h1').innerText()).resolves.toBe(TEMPLATE_TITLE(year));
		expect(errors).toEqual([]);
		await context.close();
		// Off the residents' home page again, which other tests read.
		writeDatabase((db) => db.prepare("UPDATE survey SET status = 'archived' WHERE slug = 'next-from-template'").run());
	});

	it('as the next edition of another: the title follows the source; one another survey has is refused until confirmed', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		await openForm(page);
		await page.locator('input[name=source][value=clone]').check();
		// The bundled 2022 survey, installed first.
		await page.locator('select[name=cloneOf]').selectOption('1');
		await expect(page.locator('input[name=fiscalYear]').inputValue()).resolves.toBe(String(planning));
		await expect(title(page)).resolves.toBe(TEMPLATE_TITLE(planning));
		await expectAccessible(page, 'the new-survey form (next edition)');

		// The title of the survey made from the template above: said as it is typed.
		await page.locator('input[name=fiscalYear]').fill(String(planning + 2));
		await expect(title(page)).resolves.toBe(TEMPLATE_TITLE(planning + 2));
		const warning = page.locator('.same-title');
		await expect(warning.innerText()).resolves.toContain(`${planning + 2}年度（${era(planning + 2)}）の調査（/s/next-from-template）と同じです`);
		await page.locator('input[name=slug]').fill('same-title-edition');
		// Sent without the confirmation: refused, nothing made, the reason and the box shown.
		const before = surveyCount();
		await create(page);
		await expect(page.locator('.alert').first().innerText()).resolves.toContain('「同じ題名で作成する」にチェックを入れてください');
		expect(surveyCount()).toBe(before);
		await expect(title(page)).resolves.toBe(TEMPLATE_TITLE(planning + 2));
		await expectAccessible(page, 'the new-survey form, refused for its title');
		await page.getByLabel('同じ題名で作成する').check();
		await create(page);
		await expect(page.locator('h1').innerText()).resolves.toBe(TEMPLATE_TITLE(planning + 2));

		// A title of one's own stays when the source changes, with the suggestion offered.
		await openForm(page);
		await page.locator('input[name=title]').fill('市民のデジタル活用アンケート（独自の題名）');
		await page.locator('input[name=source][value=template]').check();
		await expect(title(page)).resolves.toBe('市民のデジタル活用アンケート（独自の題名）');
		await expect(page.locator('.suggestion').innerText()).resolves.toContain(`元の調査からの案：「${TEMPLATE_TITLE(planning)}」`);
		await page.getByRole('button', { name: '案にする' }).click();
		await expect(title(page)).resolves.toBe(TEMPLATE_TITLE(planning));
		expect(errors).toEqual([]);
		await context.close();
	});

	it('without JavaScript: the chosen source’s suggestion comes from the server', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP, javaScriptEnabled: false });
		await logIn(page, designer);
		await page.goto('/admin/surveys');
		await page.locator('input[name=source][value=template]').check();
		await page.getByRole('button', { name: '選んだ作り方で入力欄を出し直す' }).click();
		await page.waitForURL(/source=template/);
		await expect(page.locator('input[name=source][value=template]').isChecked()).resolves.toBe(true);
		await expect(page.locator('input[name=fiscalYear]').inputValue()).resolves.toBe(String(planning));
		await expect(page.locator('#year-name').innerText()).resolves.toBe(`${planning}年度（${era(planning)}）`);
		await expect(title(page)).resolves.toBe(TEMPLATE_TITLE(planning));
		expect(await seriousViolationsWithoutScripts(browser, page)).toEqual([]);
		await page.locator('input[name=slug]').fill('next-without-script');
		await create(page);
		await expect(page.locator('h1').innerText()).resolves.toBe(TEMPLATE_TITLE(planning));
		await context.close();
	});

	it('its own page shows its title while its draft has a problem', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		// A survey of its own, whose draft has lost a question's wording.
		const id = writeDatabase((db) => {
			const document = structuredClone(template);
			document.title.ja = '令和9年度 下書きに問題がある調査';
			const { surveyId, versionId } = surveys.create(db as never, { slug: 'draft-with-problem', fiscalYear: 2027, document });
			document.sections[0].questions[0].label.ja = '';
			db.prepare('UPDATE survey_version SET document = ? WHERE id = ?').run(JSON.stringify(document), versionId);
			return surveyId;
		});
		await page.goto(`/admin/surveys/${id}`);
		await expect(page.locator('#draft-heading ~ .alert').innerText()).resolves.toContain('問題があり');
		await expect(page.locator('h1').innerText()).resolves.toBe('令和9年度 下書きに問題がある調査');
		await expect(page.title()).resolves.toBe('令和9年度 下書きに問題がある調査 | 調査票');
		await expectAccessible(page, 'a survey page whose draft has a problem');
		await context.close();
	});
});
