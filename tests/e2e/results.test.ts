// Results in Chromium: an analyst filters by age group and district, builds a cross-tab and
// opens the priority-project report; a designer cannot see results; residents' results page
// hides small cells. Expected figures are counted here with SQL, apart from the app's code.
import { ANSWER_ROWS } from '../support/answer-rows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import { DESKTOP, PHONE, launch, newPage, readDatabase, scrollsSideways, seriousViolations, writeDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { pageData } from './page-data';
import * as surveys from '../../src/lib/server/surveys';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';

const SLUG = 'results-test';
let browser: Browser;
let analyst: TestStaff;
let designer: TestStaff;
let surveyId = 0;

beforeAll(async () => {
	browser = await launch();
	analyst = await createStaff(['analyst'], 'results-analyst');
	designer = await createStaff(['designer'], 'results-designer');
	// An edition of its own (a clone of the bundled survey), closed, with 600 synthetic responses.
	surveyId = writeDatabase((db) => {
		const { surveyId: id } = surveys.clone(db, 1, { slug: SLUG, fiscalYear: 2024 });
		surveys.publishDraft(db, id);
		surveys.close(db, id);
		db.prepare('UPDATE survey SET results_public = 1 WHERE id = ?').run(id);
		addSynthetic(db, id, { count: 600, seed: 6, from: '2024-10-01', to: '2024-10-31' });
		return id;
	});
});
afterAll(async () => {
	await browser?.close();
});

/** Responses of the test survey whose answers match every (question, codes) pair, counted in SQL. */
function countWhere(...pairs: [string, number[]][]): number {
	const exists = pairs
		.map(([q, codes]) => `EXISTS (SELECT 1 FROM ${ANSWER_ROWS} a WHERE a.response_id = r.id AND a.question_key = '${q}' AND a.code IN (${codes.join(',')}))`)
		.join(' AND ');
	return readDatabase(
		(db) =>
			db
				.prepare(`SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ? AND ${exists || '1'}`)
				.pluck()
				.get(surveyId) as number
	);
}

const figure = (n: number) => n.toLocaleString('ja-JP');

describe('results for analysts', () => {
	it('filters by age group and district, with the filters in the address', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		const scripts: string[] = [];
		page.on('response', async (r) => {
			if (r.url().endsWith('.js')) scripts.push(await r.text().catch(() => ''));
		});
		await logIn(page, analyst);
		await page.getByRole('link', { name: '集計結果' }).first().click();
		await page.locator(`a[href="/admin/results/${surveyId}"]`).click();
		await page.waitForURL(`**/admin/results/${surveyId}`);
		await expect(page.locator('.big-number').first().innerText()).resolves.toBe(`${figure(600)} 件`);
		await expect(page.locator('.synthetic-banner').innerText()).resolves.toContain('合成データ');
		// Each question has a chart (drawn by Chart.js) and its data table.
		await page.locator('#q-F1 canvas').waitFor();
		await expect(page.locator('#q-F1 table tbody tr').count()).resolves.toBe(12);
		// The staff page does load Chart.js (the resident test below checks the survey does not).
		expect(scripts.some((s) => s.includes('borderSkipped'))).toBe(true);

		await page.getByLabel('設問で絞り込む').selectOption('F1');
		for (const age of ['70〜74歳', '75〜79歳', '80歳以上']) await page.getByLabel(age, { exact: true }).check();
		await Promise.all([page.waitForURL(/q\.F1=/), page.getByRole('button', { name: '絞り込む' }).click()]);
		await expect(page.locator('.big-number').first().innerText()).resolves.toBe(`${figure(countWhere(['F1', [8, 9, 10]]))} 件`);

		await page.getByLabel('設問で絞り込む').selectOption('F3');
		await page.getByLabel('徳地', { exact: true }).check();
		await Promise.all([page.waitForURL(/q\.F3=20/), page.getByRole('button', { name: '絞り込む' }).click()]);
		const expected = countWhere(['F1', [8, 9, 10]], ['F3', [20]]);
		expect(expected).toBeGreaterThan(0);
		await expect(page.locator('.big-number').first().innerText()).resolves.toBe(`${figure(expected)} 件`);
		await expect(page.locator('.chips').innerText()).resolves.toContain('徳地');
		// The view can be shared: the same address in a new page shows the same figure.
		const shared = page.url();
		expect(new URL(shared).searchParams.get('q.F1')).toBe('8,9,10');
		const second = await context.newPage();
		await second.goto(shared);
		await expect(second.locator('.big-number').first().innerText()).resolves.toBe(`${figure(expected)} 件`);
		expect(await seriousViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('builds a cross-tab with small cells hidden by one mark, its test withheld while any is, and downloads it', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, analyst);
		await page.goto(`/admin/results/${surveyId}/crosstab`);
		await page.getByLabel('集計する設問（表頭）').selectOption('C2');
		await page.getByLabel('分ける設問（表側）').selectOption('F3');
		await page.locator('select[name=show]').selectOption('n');
		await Promise.all([page.waitForURL(/of=C2/), page.getByRole('button', { name: '集計する' }).click()]);
		await expect(page.locator('#table-heading').innerText()).resolves.toContain('×');
		// Districts of 600 have small cells: a test statistic could give them away, so it is not shown.
		await expect(page.locator('.test-summary').innerText()).resolves.toContain('独立性の検定の結果は示していません');
		await expect(page.locator('main').innerText()).resolves.toContain('「x」は、人数が 10 人未満の区分と、ほかの数字から計算できないように伏せた区分です。');
		// District 小郡 (17) answering 1 ぜひ参加したい: hidden when under 10; 10 or more shown, or hidden with it as a complement.
		const rows = page.locator('table.crosstab tbody tr');
		const ogori = rows.filter({ has: page.locator('th', { hasText: /^小郡/ }) });
		const cell = (await ogori.locator('td').first().innerText()).trim();
		const n = countWhere(['F3', [17]], ['C2', [1]]);
		if (n === 0) expect(cell).toBe('0');
		else if (n < 10) expect(cell).toBe('x');
		else expect([figure(n), 'x']).toContain(cell);
		// Somewhere a count is hidden, always with the same mark, and no count from 1 to 9 is shown.
		const cells = await page.locator('table.crosstab tbody td').allInnerTexts();
		expect(cells).toContain('x');
		expect(cells.filter((c) => c.startsWith('<'))).toEqual([]);
		// What the page sends is what it shows: every hidden count is null in the page's data, not hidden by the display.
		const sent = (await pageData(page, new URL(page.url()).pathname + new URL(page.url()).search)).table as { rows: { counts: (number | null)[]; base: number | null }[] };
		const shownCells = (await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()))));
		sent.rows.forEach((row, r) => {
			row.counts.forEach((n, c) => expect(n === null ? 'x' : figure(n)).toBe(shownCells[r][c]));
			expect(row.base === null ? 'x' : figure(row.base)).toBe(shownCells[r].at(-1));
		});
		expect(sent.rows.flatMap((r) => r.counts).some((n) => n === null)).toBe(true);
		expect(cells.filter((c) => /^[1-9]$/.test(c.trim()))).toEqual([]);

		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'UTF-8（Excel 向け）' }).click()]);
		expect(file.suggestedFilename()).toMatch(new RegExp(`^${SLUG}_crosstab_C2_by_F3_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
		const bytes = fs.readFileSync((await file.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const table = parse(bytes.subarray(3), { relax_column_count: true }) as string[][];
		const csvOgori = table.find((r) => r[0] === '小郡')!;
		expect(csvOgori[1]).toBe(cell === 'x' ? 'x' : String(n));
		expect(table.flat().filter((c) => c.startsWith('<'))).toEqual([]);
		const logged = readDatabase((db) => db.prepare("SELECT count(*) FROM audit_event WHERE actor = ? AND action = 'export.crosstab'").pluck().get(analyst.email));
		expect(logged).toBe(1);
		expect(await seriousViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('opens the priority-project report with each indicator as counted from the answers', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, analyst);
		await page.goto(`/admin/results/${surveyId}/report`);
		await expect(page.locator('h2').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['重点プロジェクト1　データ連携・利活用', '重点プロジェクト7　元気いきいき']));
		// Weekly internet use among those 65 and over: D2 1–2 of those 65+ who answered D2.
		const base = countWhere(['F1', [7, 8, 9, 10]], ['D2', [1, 2, 3, 4, 5]]);
		const hits = countWhere(['F1', [7, 8, 9, 10]], ['D2', [1, 2]]);
		const row = page.locator('tr', { has: page.locator('th', { hasText: /^週に1回以上インターネットを使う人の割合（65歳以上）/ }) });
		const text = await row.innerText();
		expect(text).toContain(`${((hits / base) * 100).toFixed(1)}%`);
		expect(text).toContain(`n=${figure(base)}`);
		expect(await seriousViolations(page)).toEqual([]);
		await context.close();
	});

	it('index, year-over-year, free text and weights pages pass axe, and reading free text is audited', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, analyst);
		for (const sub of ['index', 'trend', 'text?key=C4', 'weights']) {
			const response = await page.goto(`/admin/results/${surveyId}/${sub}`);
			expect(response?.status(), sub).toBe(200);
			await page.locator('h1').waitFor();
			expect(await seriousViolations(page), sub).toEqual([]);
		}
		await page.goto(`/admin/results/${surveyId}/text?key=C4&search=${encodeURIComponent('スマホ')}`);
		const listed = await page.locator('.free-texts li').allInnerTexts();
		expect(listed.length).toBeGreaterThan(0);
		for (const t of listed) expect(t).toContain('スマホ');
		const logged = readDatabase((db) =>
			db.prepare("SELECT json_extract(detail, '$.search') FROM audit_event WHERE actor = ? AND action = 'results.text' ORDER BY id").pluck().all(analyst.email)
		);
		expect(logged).toEqual(['', 'スマホ']);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('is not shown to a designer', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, designer);
		await expect(page.getByRole('link', { name: '集計結果' }).count()).resolves.toBe(0);
		const response = await page.goto(`/admin/results/${surveyId}`);
		expect(response?.status()).toBe(403);
		await context.close();
	});
});

describe('results for residents', () => {
	it('show every question with small cells hidden and no free text, on a phone', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: PHONE });
		const response = await page.goto(`/s/${SLUG}/results`);
		expect(response?.status()).toBe(200);
		const districts = page.locator('#q-F3 .bars li');
		const small = (await districts.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
		// Every district with 1–9 respondents shows only the hidden mark.
		const names = ['大殿', '白石', '湯田', '仁保', '小鯖', '大内', '宮野', '吉敷', '平川', '大歳', '陶', '鋳銭司', '名田島', '秋穂二島', '嘉川', '佐山', '小郡', '秋穂', '阿知須', '徳地', '阿東'];
		let hidden = 0;
		names.forEach((name, i) => {
			const n = countWhere(['F3', [i + 1]]);
			const line = small.find((t) => t.startsWith(`${name} `))!;
			if (n > 0 && n < 10) (expect(line).toBe(`${name} x`), hidden++);
			// A larger count is shown as it is, or hidden too as a complement.
			if (n >= 10) expect(line.endsWith(` ${n}人`) || line === `${name} x`).toBe(true);
		});
		expect(hidden).toBeGreaterThan(0);
		await expect(page.locator('#q-F3').innerText()).resolves.toContain('「x」は、人数が 10 人未満の区分と');
		await expect(page.locator('#r-C4').count()).resolves.toBe(0);
		await expect(page.locator('main').innerText()).resolves.not.toContain('その他（合成データ）');
		expect(await scrollsSideways(page)).toBe(false);
		expect(await seriousViolations(page)).toEqual([]);
		expect(errors).toEqual([]);

		// Chart.js stays out of the resident's pages: its code never loads on the survey.
		const scripts: string[] = [];
		page.on('response', async (r) => {
			if (r.url().endsWith('.js')) scripts.push(await r.text().catch(() => ''));
		});
		await page.goto('/s/digital-2022');
		await page.waitForLoadState('networkidle');
		expect(scripts.length).toBeGreaterThan(0);
		expect(scripts.filter((s) => s.includes('borderSkipped'))).toEqual([]);
		await context.close();
	});

	it('open on the key findings and a contents list, with dates in 年月日, readable bars, in three languages', async () => {
		const words = {
			ja: { heading: '主な結果', contents: '目次', from: '2024年10月1日', to: '2024年10月31日', age: 'あなたの年齢を教えてください。', people: '人' },
			easy: { heading: 'だいじな けっか', contents: 'もくじ', from: '2024年10月1日', to: '2024年10月31日', age: 'あなたは なんさい ですか。', people: 'にん' },
			en: { heading: 'Key findings', contents: 'Contents', from: '1 October 2024', to: '31 October 2024', age: 'What is your age?', people: 'people' }
		};
		for (const lang of ['ja', 'easy', 'en'] as const) {
			const w = words[lang];
			const { context, page, errors } = await newPage(browser, { viewport: { width: 320, height: 640 } });
			await page.goto(`/s/${SLUG}/results?lang=${lang}&size=huge`);
			const main = page.locator('main');
			const text = await main.innerText();
			// The findings come first, before any question's result.
			const firstHeadings = await main.locator('h2').allInnerTexts();
			expect(firstHeadings[0], lang).toBe(w.heading);
			expect(firstHeadings[1], lang).toBe(w.contents);
			const findings = page.locator('#summary li');
			expect(await findings.count(), lang).toBeGreaterThanOrEqual(3);
			// Each finding is the largest share of its question, as its own bars show it.
			for (const finding of await findings.all()) {
				const anchor = (await finding.locator('a').getAttribute('href'))!;
				const share = Number((await finding.innerText()).match(/(\d+\.\d)%/)![1]);
				const shares = (await page.locator(`${anchor} .bars li:not(.missing) .percent`).allInnerTexts()).map((p) => Number.parseFloat(p));
				expect(shares, `${lang} ${anchor}`).toContain(share);
			}
			// The contents lead to every section.
			const links = await page.locator('#contents a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
			expect(links.length, lang).toBeGreaterThanOrEqual(8);
			for (const href of links) await expect(page.locator(href).count(), href).resolves.toBe(1);
			// Dates as residents read them, never ISO.
			expect(text, lang).toContain(w.from);
			expect(text, lang).toContain(w.to);
			expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
			// The questionnaire's own words in the page's language, and the counts in its words.
			await expect(page.locator('#r-F1').innerText()).resolves.toContain(w.age);
			await expect(page.locator('#q-F1 .bars li').first().innerText()).resolves.toContain(w.people);
			// Bars on a phone at 特大: each at least half as wide as its card, with its share beside it.
			const bars = await page.locator('#q-F1 .bars li').evaluateAll((lis) =>
				lis.map((li) => ({
					track: li.querySelector('.track')?.getBoundingClientRect().width ?? 0,
					card: li.closest('article')!.getBoundingClientRect().width,
					share: li.querySelector('.percent')?.textContent ?? ''
				}))
			);
			for (const b of bars) {
				expect(b.track / b.card).toBeGreaterThanOrEqual(0.5);
				expect(b.share).toMatch(/^\d+\.\d%$/);
			}
			// Small cells hidden in every language.
			await expect(page.locator('#q-F3 .bars li', { hasText: /^\S+\s+x$/ }).count()).resolves.toBeGreaterThan(0);
			expect(await scrollsSideways(page), lang).toBe(false);
			expect(errors).toEqual([]);
			await context.close();
		}
	});

	it('pass axe in English at 390×844 and on a desktop', async () => {
		for (const viewport of [PHONE, DESKTOP]) {
			const { context, page } = await newPage(browser, { viewport });
			await page.goto(`/s/${SLUG}/results?lang=en`);
			expect(await seriousViolations(page)).toEqual([]);
			await context.close();
		}
	});

	it('are not shown while the settings keep them private', async () => {
		writeDatabase((db) => db.prepare('UPDATE survey SET results_public = 0 WHERE id = ?').run(surveyId));
		const { context, page } = await newPage(browser, { viewport: PHONE });
		const response = await page.goto(`/s/${SLUG}/results`);
		expect(response?.status()).toBe(404);
		await expect(page.locator('main, body').first().innerText()).resolves.toContain('まだ公開していません');
		await context.close();
		writeDatabase((db) => db.prepare('UPDATE survey SET results_public = 1 WHERE id = ?').run(surveyId));
	});
});
