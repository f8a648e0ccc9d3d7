// How long the server's event loop is held by the largest bodies an attacker can post to the
// survey (just under the 512 KB body limit), against one valid submission in the same run,
// through the real submission action on a temporary SQLite file.
// Run with `npm run bench`; it prints figures and checks nothing about speed.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { longestStall } from './support/stalls';

// Before any import reads the configuration (imports are hoisted above plain statements).
const temp = await vi.hoisted(() => import('../unit/support/temp-db').then((m) => m.useTempDatabase({ SUBMIT_RATE_LIMIT: '0' })));

let submit: (event: never) => Promise<unknown>;
let versionId: number;
beforeAll(async () => {
	const { db } = await import('../../src/lib/server/db');
	const surveys = await import('../../src/lib/server/surveys');
	surveys.installBundled(db());
	versionId = surveys.findPublished(db(), 'digital-2022')!.versionId;
	submit = (await import('../../src/routes/s/[slug]/+page.server')).actions.default as never;
});
afterAll(() => temp.remove());

const MULTIPART = 'multipart/form-data; boundary=b';

function event(body: string, type = 'application/x-www-form-urlencoded') {
	const url = 'http://localhost/s/digital-2022';
	return {
		request: new Request(url, { method: 'POST', body, headers: { 'content-type': type } }),
		url: new URL(url),
		params: { slug: 'digital-2022' },
		locals: { lang: 'ja', textSize: 'normal', user: null, session: null },
		cookies: { get: () => undefined, set: () => {}, delete: () => {}, getAll: () => [], serialize: () => '' },
		getClientAddress: () => '203.0.113.1'
	} as never;
}

/** The status the action answers with (303 for a stored response). */
async function post(body: string, type?: string): Promise<number> {
	try {
		const result = (await submit(event(body, type))) as { status?: number } | undefined;
		return result?.status ?? 200;
	} catch (e) {
		if (isHttpError(e)) return e.status;
		if ((e as { status?: number }).status === 303) return 303;
		throw e;
	}
}

const valid = () =>
	new URLSearchParams({
		consent: 'yes',
		submissionKey: randomBytes(18).toString('base64url'),
		versionId: String(versionId),
		lang: 'ja',
		F1: '7', F3: '20', F4: '2', D2: '1', A1: '1', C4: '行政手続きのオンライン化を進めてほしいです。'
	}).toString();

it('longest event-loop stall: malicious bodies against one valid submission', async () => {
	for (let i = 0; i < 20; i++) await post(valid());
	const measure = async (body: () => string, runs = 5, type?: string) => {
		let longest = 0;
		let status = 0;
		for (let i = 0; i < runs; i++) {
			const b = body();
			const { result, longestMs } = await longestStall(() => post(b, type));
			longest = Math.max(longest, longestMs);
			status = result;
		}
		return { longest, status, bytes: body().length };
	};
	const baseline = await measure(valid, 20);
	expect(baseline.status).toBe(303);
	console.log(`one valid submission: longest stall ${baseline.longest.toFixed(1)} ms (status ${baseline.status}, ${baseline.bytes} bytes)`);
	const bodies: Record<string, () => string> = {
		'250,000 repeats of an unknown field (x&x&…)': () => 'x&'.repeat(250_000),
		'100,000 repeats of a known field (A1=1&…)': () => 'A1=1&'.repeat(100_000),
		'one 55,000-character answer': () => `C4=${'%E3%81%82'.repeat(55_000)}`,
		'__proto__ and constructor, 38,000 times': () => '__proto__=1&constructor=2&'.repeat(19_000),
		'valid answers with 10,000 unknown fields': () => `${valid()}&${'junk=1&'.repeat(10_000)}`,
		'multipart, 7,400 empty file parts': () => `${'--b\r\nContent-Disposition: form-data; name="A1"; filename="a"\r\n\r\n\r\n'.repeat(7_400)}--b--\r\n`
	};
	for (const [name, body] of Object.entries(bodies)) {
		const m = await measure(body, 5, name.startsWith('multipart') ? MULTIPART : undefined);
		console.log(
			`${name}: ${(m.bytes / 1024).toFixed(0)} KB, status ${m.status}, longest stall ${m.longest.toFixed(1)} ms ` +
				`(${(m.longest / baseline.longest).toFixed(2)}× one valid submission)`
		);
		expect(m.status).toBeGreaterThanOrEqual(400);
	}
});
