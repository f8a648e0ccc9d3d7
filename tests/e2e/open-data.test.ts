// Open data in Chromium and over plain HTTP: once a survey's results are public, the public
// results page links to its open-data page, whose CSV and JSON hold the page's tables with the
// same counts hidden; nothing is there while the results are private.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { DESKTOP, PHONE, baseUrl, launch, newPage, scrollsSideways, writeDatabase } from './browser';
import { expectAccessible } from './survey-steps';
import * as surveys from '../../src/lib/server/surveys';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';

const SLUG = 'opendata-test';
let browser: Browser;
let surveyId = 0;

beforeAll(async () => {
	browser = await launch();
	surveyId = writeDatabase((db) => {
		const { surveyId: id } = surveys.clone(db, 1, { slug: SLUG, fiscalYear: 2024 });
		surveys.publishDraft(db, id);
		surveys.close(db, id);
		db.prepare('UPDATE survey SET results_public = 1 WHERE id = ?').run(id);
		addSynthetic(db, id, { count: 300, seed: 24, from: '2024-10-01', to: '2024-10-31' });
		return id;
	});
});
afterAll(async () => {
	await browser?.close();
});

const address = (file = '') => `${baseUrl()}/s/${SLUG}/opendata${file}`;

describe('open data', () => {
	it('is linked from the public results and holds their tables, the same counts hidden', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: PHONE });
		await page.goto(`/s/${SLUG}/results`);
		// What the page shows of the districts: each answer with its count, or the hidden mark.
		const shown = await page.locator('#q-F3 .bars li').evaluateAll((lis) =>
			lis.map((li) => [li.querySelector('.label')!.textContent!.trim(), li.querySelector('.n')?.textContent?.replace(/\D/g, '') ?? 'x'])
		);
		expect(shown.some(([, n]) => n === 'x')).toBe(true);
		await Promise.all([page.waitForURL(`**/s/${SLUG}/opendata`), page.getByRole('link', { name: 'オープンデータ（CSV・JSON）' }).click()]);
		await page.getByRole('heading', { name: 'ファイル' }).waitFor();
		await expectAccessible(page, 'the open-data page on a phone');
		expect(await scrollsSideways(page)).toBe(false);

		const csv = await fetch(address('/tables.csv'));
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		// UTF-8 with a byte-order mark (which fetch's text() would drop), the code first.
		const bytes = Buffer.from(await csv.arrayBuffer());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.subarray(3).toString('utf8');
		expect(text.startsWith('全国地方公共団体コード,ID,地方公共団体名')).toBe(true);
		const [header, ...rows] = parse(text) as string[][];
		const col = (name: string) => header.indexOf(name);
		expect(rows.every((r) => r[0] === '352039' && r[col('地方公共団体名')] === '山口市')).toBe(true);
		const f3 = rows.filter((r) => r[col('設問ID')] === 'F3').map((r) => [r[col('区分')], r[col('秘匿')] === '1' ? 'x' : r[col('人数（人）')]]);
		expect(f3).toEqual(shown);

		const json = await (await fetch(address('/tables.json'))).json();
		expect(json.publisher).toEqual({ localGovernmentCode: '352039', name: '山口市' });
		expect(json.licence.id).toBe('CC-BY-4.0');
		expect(json.survey).toMatchObject({ id: SLUG, fiscalYear: 2024, respondents: 300, syntheticResponses: 300 });
		expect(json.survey.startDate).toMatch(/^2024-10-\d{2}$/);
		const categories = json.tables.flatMap((t: { withheld: boolean; categories: unknown[] }) => (t.withheld ? [null] : t.categories));
		expect(categories).toHaveLength(rows.length);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('reads in English on a desktop, and passes axe', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await page.goto(`/s/${SLUG}/opendata?lang=en`);
		await expect(page.locator('h1').innerText()).resolves.toContain('Open data');
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
		await expect(page.locator('a[rel=license]').getAttribute('href')).resolves.toBe('https://creativecommons.org/licenses/by/4.0/');
		await expectAccessible(page, 'the open-data page in English');
		await context.close();
	});

	it('is not there while the results are private', async () => {
		writeDatabase((db) => db.prepare('UPDATE survey SET results_public = 0 WHERE id = ?').run(surveyId));
		try {
			for (const file of ['', '/tables.csv', '/tables.json']) expect((await fetch(address(file))).status, file).toBe(404);
		} finally {
			writeDatabase((db) => db.prepare('UPDATE survey SET results_public = 1 WHERE id = ?').run(surveyId));
		}
	});
});
