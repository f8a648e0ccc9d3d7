// Uncertainty on the staff results screens, in Chromium on a desktop and a phone: each share has
// its 95 % interval on the results page (with weights, the weighted one and the design effect),
// in the cross-tab and its CSV, the year-over-year page tests the change between two editions
// (interval and p), and the report opens on a 標本誤差早見表; a hidden cell has no interval
// anywhere. Expected figures come from counts taken here in SQL, through the R-checked formulas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { ANSWER_ROWS } from '../support/answer-rows';
import { DESKTOP, PHONE, launch, newPage, readDatabase, scrollsSideways, seriousViolations, writeDatabase } from './browser';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { pageData } from './page-data';
import * as surveys from '../../src/lib/server/surveys';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';
import { saveMargins } from '../../src/lib/server/analytics/weighting';
import { samplingError, twoProportionTest, wilson } from '../../src/lib/analytics/intervals';
import { pText } from '../../src/lib/analytics/test-summary';

let browser: Browser;
let analyst: TestStaff;
/** Two linked editions without weights (FY2024, FY2025), and a weighted survey of its own. */
const ids = { older: 0, newer: 0, weighted: 0 };

beforeAll(async () => {
	browser = await launch();
	analyst = await createStaff(['analyst'], 'intervals-analyst');
	writeDatabase((db) => {
		const edition = (source: number, slug: string, fiscalYear: number, count: number, seed: number) => {
			const { surveyId } = surveys.clone(db, source, { slug, fiscalYear });
			surveys.publishDraft(db, surveyId);
			surveys.close(db, surveyId);
			addSynthetic(db, surveyId, { count, seed, from: `${fiscalYear}-10-01`, to: `${fiscalYear}-10-31` });
			return surveyId;
		};
		ids.older = edition(1, 'intervals-2024', 2024, 500, 31);
		ids.newer = edition(ids.older, 'intervals-2025', 2025, 600, 32);
		ids.weighted = edition(1, 'intervals-weighted', 2024, 600, 33);
		// Raking to a population older than the respondents: weights that differ by age group.
		const population = [3, 9, 10, 12, 13, 8, 9, 10, 9, 17];
		saveMargins(db, ids.weighted, population.map((p, i) => ({ questionKey: 'F1', code: i + 1, population: p * 1000 })), 'テスト用の人口');
	});
});
afterAll(async () => {
	await browser?.close();
});

/** How many responses of a survey answered `question` with one of `codes` (all answers when none given). */
function count(surveyId: number, question: string, codes?: number[]): number {
	return readDatabase(
		(db) =>
			db
				.prepare(
					`SELECT count(DISTINCT r.id) FROM response r JOIN survey_version v ON v.id = r.survey_version_id, ${ANSWER_ROWS} a
					 WHERE a.response_id = r.id AND v.survey_id = ? AND a.question_key = ? AND a.status = 'valid' ${codes ? `AND a.code IN (${codes.join(',')})` : ''}`
				)
				.pluck()
				.get(surveyId, question) as number
	);
}
const responses = (surveyId: number) =>
	readDatabase((db) => db.prepare('SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?').pluck().get(surveyId) as number);

const interval = (ci: { lower: number; upper: number }) => `${(ci.lower * 100).toFixed(1)}〜${(ci.upper * 100).toFixed(1)}`;
const RANGE = /^\d+\.\d〜\d+\.\d$/;

/** The text of each body cell of a table, row by row, as a reader sees it. */
const bodyCells = (table: Locator) =>
	table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
/** Each count of a cross-tab as the page sent it, with its row and column. */
const eachCount = (rows: { counts: (number | null)[] }[], check: (n: number | null, r: number, c: number) => void) =>
	rows.forEach((row, r) => row.counts.forEach((n, c) => check(n, r, c)));

async function expectAccessible(page: Page, what: string) {
	expect(await seriousViolations(page), what).toEqual([]);
	expect(await scrollsSideways(page), what).toBe(false);
}

/** A page with the analyst logged in; `done` checks it raised no script error and closes it. */
async function analystPage(viewport: { width: number; height: number }) {
	const { context, page, errors } = await newPage(browser, { viewport });
	await logIn(page, analyst);
	return { page, context, done: async () => (expect(errors).toEqual([]), await context.close()) };
}

describe('intervals on the results screens', () => {
	it('give every shown share its interval on the results page, weighted with its design effect, and none to a hidden one', async () => {
		const { page, done } = await analystPage(PHONE);
		for (const viewport of [PHONE, DESKTOP]) {
			await page.setViewportSize(viewport);
			await page.goto(`/admin/results/${ids.older}`);
			await expect(page.locator('.interval-note').innerText()).resolves.toContain('無作為');
			// D2 (internet use) of everyone shown it, answer 1: Wilson's interval of the counts in the database.
			const d2 = page.locator('#q-D2 tbody tr').first();
			const cells = await d2.locator('td').allInnerTexts();
			expect(cells[2]).toBe(interval(wilson(count(ids.older, 'D2', [1]), responses(ids.older))!));
			// Districts: a hidden count has the hidden mark where its interval would be, and the page's data has no interval for it.
			const districts = await bodyCells(page.locator('#q-F3 table'));
			const hidden = districts.filter((row) => row[0] === 'x');
			expect(hidden.length).toBeGreaterThan(0);
			for (const row of hidden) expect(row).toEqual(['x', 'x', 'x']);
			for (const row of districts.filter((r) => r[0] !== 'x' && r[0] !== '0')) expect(row[2]).toMatch(RANGE);
			expect(await scrollsSideways(page), `results ${viewport.width}`).toBe(false);
		}
		// The page is long (every question): axe once, on the desktop.
		expect(await seriousViolations(page)).toEqual([]);

		await page.goto(`/admin/results/${ids.weighted}`);
		const sent = (await pageData(page, `/admin/results/${ids.weighted}`)).results as {
			tables: { key: string; categories: { n: number | null; interval?: unknown; weightedInterval?: { deff?: number } }[] }[];
		};
		for (const t of sent.tables) for (const c of t.categories) if (c.n === null) expect([t.key, c.interval, c.weightedInterval]).toEqual([t.key, undefined, undefined]);
		// Each question its own design effects, unlike one Kish figure for all.
		const hint = await page.locator('#q-D2 .deff').innerText();
		expect(hint).toMatch(/^デザイン効果 \d\.\d\d(〜\d\.\d\d)?$/);
		const deffs = sent.tables.flatMap((t) => t.categories.map((c) => c.weightedInterval?.deff).filter((d): d is number => d !== undefined));
		expect(Math.max(...deffs) - Math.min(...deffs)).toBeGreaterThan(0.05);
		await expect(page.locator('#q-D2 thead').innerText()).resolves.toContain('デザイン効果');
		await expect(page.locator('#q-D2 tbody tr').first().locator('td').nth(4).innerText()).resolves.toMatch(RANGE);
		await expect(page.locator('.interval-note').innerText()).resolves.toContain('デザイン効果');
		// The same weighted table on a short page, for axe: the index's levels, and the means by group.
		await page.goto(`/admin/results/${ids.weighted}/index`);
		await expect(page.locator('.question-result thead').first().innerText()).resolves.toContain('デザイン効果');
		await expectAccessible(page, 'weighted index');
		await done();
	});

	it('give the cross-tab cells their interval and a hidden cell none, on the page and in the CSV', async () => {
		const { page, context, done } = await analystPage(DESKTOP);
		const address = `/admin/results/${ids.weighted}/crosstab?of=C2&by=F3&show=row`;
		await page.goto(address);
		const rows = await bodyCells(page.locator('table.crosstab').first());
		const sent = (await pageData(page, address)).table as { rows: { counts: (number | null)[]; weighted: { intervals: (object | null)[] } }[] };
		let hidden = 0;
		eachCount(sent.rows, (n, r, c) => {
			// A shown count whose row base is hidden as a complement has no share, so no interval either.
			if (n === null) (hidden++, expect(rows[r][c]).toBe('x'));
			else if (n > 0 && rows[r][c] !== 'x') expect(rows[r][c]).toMatch(/^\d+\.\d%\n\d+\.\d〜\d+\.\d$/);
		});
		expect(hidden).toBeGreaterThan(0);
		// With weights, a second table: each hidden cell again with no interval, in the page's data too.
		const weighted = await bodyCells(page.locator('table.crosstab').nth(1));
		eachCount(sent.rows, (n, r, c) => n === null && expect([weighted[r][c], sent.rows[r].weighted.intervals[c]]).toEqual(['x', null]));
		await expect(page.locator('.interval-note').count()).resolves.toBe(1);
		const csv = parse(Buffer.from(await (await context.request.get(`/admin/results/${ids.weighted}/crosstab/download?of=C2&by=F3`)).body()).subarray(3), { relax_column_count: true }) as string[][];
		const headers = csv.filter((line) => line.some((c) => c.endsWith('（95%信頼区間の下限）')));
		// Row %, column % and weighted row %, each share with its bounds.
		expect(headers).toHaveLength(3);
		for (const header of headers) {
			expect(header.filter((c) => c.endsWith('（上限）')).length).toBe(header.filter((c) => c.endsWith('（95%信頼区間の下限）')).length);
			// Each hidden count's share comes with two hidden bounds.
			const shares = csv.slice(csv.indexOf(header) + 1).slice(0, sent.rows.length);
			eachCount(sent.rows, (n, r, c) => {
				const [share, lower, upper] = shares[r].slice(1 + 3 * c, 4 + 3 * c);
				if (n === null || share === 'x') expect([share, lower, upper]).toEqual(['x', 'x', 'x']);
				else if (lower !== '') expect(Number(lower)).toBeLessThanOrEqual(Number(share));
			});
		}
		await expectAccessible(page, 'crosstab');
		await done();
	});

	it('test the change between editions on the year-over-year page, and open the report on a sampling-error table', async () => {
		const { page, done } = await analystPage(PHONE);
		await page.goto(`/admin/results/${ids.newer}/trend`);
		// D2 answer 1, of everyone shown it in each edition: prop.test of the two counts. The chain
		// starts at the bundled FY2022 survey; the newest two editions are compared.
		const change = twoProportionTest(count(ids.newer, 'D2', [1]), responses(ids.newer), count(ids.older, 'D2', [1]), responses(ids.older))!;
		const cells = await page.locator('section[aria-labelledby="trend-D2"] tbody tr').first().locator('td').allInnerTexts();
		expect(cells.at(-4)).toContain(interval(wilson(count(ids.newer, 'D2', [1]), responses(ids.newer))!));
		const signed = (x: number) => (Number((x * 100).toFixed(1)) === 0 ? '0.0' : `${x > 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`);
		expect(cells.at(-2)).toBe(`${signed(change.lower)}〜${signed(change.upper)}`);
		expect(cells.at(-1)).toBe(pText(change.p!));
		await expect(page.locator('.interval-note').innerText()).resolves.toContain('p 値');
		await expectAccessible(page, 'trend');

		for (const viewport of [PHONE, DESKTOP]) {
			await page.setViewportSize(viewport);
			await page.goto(`/admin/results/${ids.newer}/report`);
			// The table comes before the first project.
			const headings = await page.locator('h2').allInnerTexts();
			expect(headings.indexOf('標本誤差早見表')).toBeGreaterThanOrEqual(0);
			expect(headings.indexOf('標本誤差早見表')).toBeLessThan(headings.findIndex((h) => h.startsWith('重点プロジェクト')));
			const whole = await page.locator('.sampling-error tbody tr').first().locator('th, td').allInnerTexts();
			const n = responses(ids.newer);
			expect(whole).toEqual(['回答者全体', n.toLocaleString('ja-JP'), ...[0.1, 0.2, 0.3, 0.4, 0.5].map((p) => `±${samplingError(p, n).toFixed(1)}`)]);
			await expect(page.locator('.interval-note').count()).resolves.toBe(1);
			await expectAccessible(page, `report ${viewport.width}`);
		}
		await done();
	});
});
