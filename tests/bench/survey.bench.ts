// Figures for the resident's survey: how much JavaScript a phone downloads for /s/[slug], and
// how many submissions per second the real request handler stores, against a bare node:http
// server that parses the same body and writes the same rows durably, in the same run.
// Run with `npm run bench`; it prints figures and checks nothing about speed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launch } from '../e2e/browser';
import { startServer, type RunningServer } from '../support/server';
import { openDatabase } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import { toStored } from '../../src/lib/survey/stored-answers';
import { checkAnswers } from '../../src/lib/survey/validate-answers';
import { tempDatabasePath } from '../unit/support/temp-db';
import { spawn } from 'node:child_process';
import template from '../../src/lib/survey/templates/digital-level-2022.json';
import type { Questionnaire } from '../../src/lib/survey/schema';

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 1000);
const CONCURRENCY = 4;
const WARM_UP = 300;
const ROUNDS = 3;

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
	server = await startServer();
	browser = await launch();
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
	console.log(`survey page JavaScript: ${scripts.size} chunks, ${(total / 1024).toFixed(1)} KB gzip (goal ≤ 45 KB)`);
	for (const [url, size] of [...scripts].sort((a, b) => b[1] - a[1]))
		console.log(`  ${(size / 1024).toFixed(1).padStart(6)} KB  ${new URL(url).pathname}`);
	expect(scripts.size).toBeGreaterThan(0);
});

/** Posts `count` filled forms from CONCURRENCY clients; returns submissions per second. */
async function postAll(url: string, versionId: number, count = SUBMISSIONS): Promise<number> {
	let sent = 0;
	let stored = 0;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (sent < count) {
				sent++;
				const res = await fetch(`${url}/s/digital-2022`, {
					method: 'POST',
					body: filledForm(versionId),
					headers: { origin: url, accept: 'text/html' },
					redirect: 'manual'
				});
				if (res.status === 303) stored++;
				await res.arrayBuffer();
			}
		})
	);
	expect(stored).toBe(count);
	return count / ((performance.now() - started) / 1000);
}

/** The bare node:http baseline (support/bare-submissions.mjs) in a process of its own, as the app runs. */
async function startBare(): Promise<{ url: string; stop: () => void; remove: () => void }> {
	const temp = tempDatabasePath();
	const db = openDatabase(temp.file);
	surveys.installBundled(db);
	db.close();
	const child = spawn(process.execPath, ['tests/bench/support/bare-submissions.mjs', temp.file], { stdio: ['ignore', 'pipe', 'inherit'] });
	const port = await new Promise<string>((resolve) => child.stdout!.on('data', (d) => resolve(/Listening on (\d+)/.exec(String(d))![1])));
	return { url: `http://127.0.0.1:${port}`, stop: () => child.kill(), remove: temp.remove };
}

it('submissions per second: the real handler against a bare node:http server writing the same rows', async () => {
	const versionId = 1;
	const bare = await startBare();
	try {
		// Each warmed up first (the JIT, SQLite's page cache), then measured in alternating rounds,
		// so a slow spell of the disk falls on both; the medians are compared.
		for (const url of [server.url, bare.url]) await postAll(url, versionId, WARM_UP);
		const handlerRates: number[] = [];
		const bareRates: number[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			handlerRates.push(await postAll(server.url, versionId));
			bareRates.push(await postAll(bare.url, versionId));
		}
		const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
		const [handlerRate, bareRate] = [median(handlerRates), median(bareRates)];
		const document = template as Questionnaire;
		const form = filledForm(versionId);
		const values = Object.fromEntries([...new Set(form.keys())].map((k) => [k, form.getAll(k)]));
		const answers = toStored(document, checkAnswers(document, values).answers);
		console.log(`submissions: ${ROUNDS} rounds of ${SUBMISSIONS}, ${answers.length} answers each, ${CONCURRENCY} clients, over HTTP on loopback (medians)`);
		console.log(`  real handler (node build):                 ${handlerRate.toFixed(0)} per second`);
		console.log(`  bare node:http, same body and rows (goal): ${bareRate.toFixed(0)} per second`);
		console.log(`  handler / bare:                            ${(handlerRate / bareRate).toFixed(2)} (goal ≥ 0.6)`);
	} finally {
		bare.stop();
		bare.remove();
	}
});
