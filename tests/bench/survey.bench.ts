// Figures for the resident's survey: how much JavaScript a phone downloads for /s/[slug], and
// how many submissions per second the real request handler stores, against the same rows
// inserted straight into SQLite with better-sqlite3 in the same run.
// Run with `npm run bench`; it prints figures and checks nothing about speed.
import { insertResponse } from '../../src/lib/server/responses';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { chromium, type Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../support/server';
import { openDatabase } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import { toStored } from '../../src/lib/survey/stored-answers';
import { checkAnswers } from '../../src/lib/survey/validate-answers';
import { tempDatabasePath } from '../unit/support/temp-db';

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 1000);
const CONCURRENCY = 4;

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
	server = await startServer();
	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

/** A full response from an internet user: every section, about 45 answer rows. */
function filledForm(versionId: number): URLSearchParams {
	const form = new URLSearchParams({
		consent: 'yes',
		versionId: String(versionId),
		lang: 'ja',
		submissionKey: randomBytes(18).toString('base64url'),
		F1: '4', F2: '2', F3: '17', F4: '3', F6: '1', D2: '1', G1: '1', T2: '2', C0: '2', C2: '2', W1: '7',
		C4: '行政手続きのオンライン化を進めてほしいです。'
	});
	for (const [key, codes] of Object.entries({
		F5: [1, 2], D1: [1, 3], A1: [1, 2, 3], A2: [1, 2, 3], A3: [1, 2], A4: [1, 2, 4], A5: [1, 2, 3, 5],
		G2: [1, 5], G3: [1, 3, 6], T3: [1, 2], C1: [1, 3, 4], C3: [1, 3, 4, 6]
	}))
		for (const code of codes) form.append(key, String(code));
	for (let row = 1; row <= 5; row++) form.set(`T1.T1_${row}`, String(row));
	return form;
}

it('JavaScript a phone downloads for the survey page (gzip)', async () => {
	const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
	const scripts = new Map<string, number>();
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'script') return;
		const body = await response.body();
		scripts.set(response.url(), gzipSync(body, { level: 9 }).length);
	});
	await page.goto(`${server.url}/s/digital-2022`, { waitUntil: 'networkidle' });
	// Walk to the last page too, in case any chunk loads late.
	await page.locator('#consent').check();
	await page.locator('.actions .primary').click();
	await page.locator('#in-F1-4').check();
	await page.locator('#in-F3').selectOption('17');
	await page.locator('#in-F4-3').check();
	await page.locator('.actions .primary').click();
	await page.locator('#in-D2-1').check();
	for (let i = 0; i < 5; i++) await page.locator('.actions .primary').click();
	await page.waitForLoadState('networkidle');
	const total = [...scripts.values()].reduce((a, b) => a + b, 0);
	console.log(`survey page JavaScript: ${scripts.size} chunks, ${(total / 1024).toFixed(1)} KB gzip (goal ≤ 60 KB)`);
	for (const [url, size] of [...scripts].sort((a, b) => b[1] - a[1]))
		console.log(`  ${(size / 1024).toFixed(1).padStart(6)} KB  ${new URL(url).pathname}`);
	expect(scripts.size).toBeGreaterThan(0);
});

it('submissions per second: the real handler against direct inserts', async () => {
	const versionId = 1;
	// The handler: HTTP on loopback to the built app, as a browser without JavaScript posts.
	let sent = 0;
	let stored = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (sent < SUBMISSIONS) {
				sent++;
				const res = await fetch(`${server.url}/s/digital-2022`, {
					method: 'POST',
					body: filledForm(versionId),
					headers: { origin: server.url, accept: 'text/html' },
					redirect: 'manual'
				});
				if (res.status === 303) stored++;
				await res.arrayBuffer();
			}
		})
	);
	const handlerSeconds = (performance.now() - started) / 1000;
	expect(stored).toBe(SUBMISSIONS);

	// The baseline: the same rows, one transaction per response, on a database opened with the
	// same pragmas (WAL, synchronous=FULL), without HTTP, parsing or checking.
	const temp = tempDatabasePath();
	const db = openDatabase(temp.file);
	surveys.installBundled(db);
	const document = surveys.findPublished(db, 'digital-2022')!.document;
	const values = Object.fromEntries(
		[...new Set(filledForm(versionId).keys())].map((k) => [k, filledForm(versionId).getAll(k)])
	);
	const rows = toStored(document, checkAnswers(document, values).answers);
	const insertOne = db.transaction(() => {
		insertResponse(db, { versionId, channel: 'web', language: 'ja', day: '2026-11-25' }, rows);
	});
	const baseStarted = performance.now();
	for (let i = 0; i < SUBMISSIONS; i++) insertOne();
	const baselineSeconds = (performance.now() - baseStarted) / 1000;
	db.close();
	temp.remove();

	const handlerRate = SUBMISSIONS / handlerSeconds;
	const baselineRate = SUBMISSIONS / baselineSeconds;
	console.log(`submissions: ${SUBMISSIONS}, ${rows.length} answer rows each, ${CONCURRENCY} clients`);
	console.log(`  real handler over HTTP: ${handlerRate.toFixed(0)} per second`);
	console.log(`  direct better-sqlite3:  ${baselineRate.toFixed(0)} per second`);
	console.log(`  handler / baseline:     ${(handlerRate / baselineRate).toFixed(2)}`);
});
