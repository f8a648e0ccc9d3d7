// The public survey and the staff login under abuse, on servers of their own (the shared test
// server's limits stay untouched): bodies built to cost time, parallel password guessing, an
// audit-log flood, malformed requests, caching, and residents behind a reverse proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { startServer, type RunningServer } from '../support/server';
import { postForm, request, startProxy, type Proxy } from './support/http';
import { SURVEY, answers, readDb, taken, versionIdOf } from './support/resident';

const ADMIN = { email: 'admin@city.example', password: 'abuse-test-admin-password-2026' };

let server: RunningServer;
beforeAll(async () => {
	server = await startServer({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
});
afterAll(async () => {
	await server?.stop();
});

/** Bytes of the database in use (pages that hold data), as the server's last commit left it. */
const usedBytes = (path: string) =>
	readDb(path, (db) => {
		const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
		return pages * (db.pragma('page_size', { simple: true }) as number);
	});

async function login(base: string, email: string, password: string, from?: string) {
	return postForm(`${base}/admin/login`, new URLSearchParams({ email, password }).toString(), { from });
}

async function adminCookie(): Promise<string> {
	const reply = await login(server.url, ADMIN.email, ADMIN.password);
	const cookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? []).find((c) => c.startsWith('staff_session='));
	if (reply.status !== 303 || !cookie) throw new Error(`admin login failed: ${reply.status}`);
	return cookie.split(';')[0];
}

describe('a body built to cost time', () => {
	it('is refused at once (512 KB of repeated fields) while another resident’s page loads as before', async () => {
		const url = `${server.url}${SURVEY}`;
		const pageLoads = async (n: number) => {
			const times: number[] = [];
			for (let i = 0; i < n; i++) times.push((await request(url)).ms);
			return times;
		};
		await pageLoads(5);
		// Warm the post path (its first run compiles), as a long-running server has.
		for (let i = 0; i < 3; i++) await postForm(url, 'x&'.repeat(1000));
		const calm = (await pageLoads(15)).sort((a, b) => a - b)[7];

		const multipart = 'multipart/form-data; boundary=b';
		const bodies: Record<string, [string, string?]> = {
			unknown: ['x&'.repeat(250_000)],
			known: ['A1=1&'.repeat(100_000)],
			longValue: [`C4=${'%E3%81%82'.repeat(55_000)}`],
			proto: ['__proto__=1&constructor=2&'.repeat(19_000)],
			// 5,000 empty file parts: parsed whole, this held the server for 230–330 ms.
			fileParts: [`${'--b\r\nContent-Disposition: form-data; name="A1"; filename="a"\r\n\r\n\r\n'.repeat(7_400)}--b--\r\n`, multipart]
		};
		for (const [name, [body, type]] of Object.entries(bodies)) {
			expect(body.length, name).toBeGreaterThan(480_000);
			expect(body.length, name).toBeLessThan(512 * 1024);
			const during = pageLoads(10);
			const attack = await postForm(url, body, { type });
			const loads = await during;
			console.log(`${name}: ${attack.status} in ${attack.ms.toFixed(0)} ms; page loads meanwhile ${Math.max(...loads).toFixed(0)} ms at most, ${calm.toFixed(0)} ms calm`);
			expect(attack.status, name).toBeGreaterThanOrEqual(400);
			expect(attack.status, name).toBeLessThan(500);
			expect(attack.ms, `${name}: answered in ${attack.ms.toFixed(0)} ms`).toBeLessThan(200);
			expect(Math.max(...loads) - calm, `${name}: page loads ${loads.map((t) => t.toFixed(0)).join(' ')} ms`).toBeLessThan(100);
		}
	});
});

describe('password guessing', () => {
	it('checks at most the allowed few of 200 parallel wrong passwords from one address; the real user still logs in', async () => {
		const guesses = await Promise.all(
			Array.from({ length: 200 }, (_, i) => login(server.url, ADMIN.email, `wrong-password-${i}`, '127.0.0.20'))
		);
		const checked = guesses.filter((g) => g.status === 400).length;
		const refused = guesses.filter((g) => g.status === 429).length;
		expect(checked).toBeGreaterThan(0);
		// PAIR_RULES: three free tries and a fourth before the first wait.
		expect(checked).toBeLessThanOrEqual(4);
		expect(checked + refused).toBe(200);
		const real = await login(server.url, ADMIN.email, ADMIN.password, '127.0.0.21');
		expect(real.status).toBe(303);
	});

	it('throttles the current-password check of the password change', async () => {
		const cookie = await adminCookie();
		const statuses: number[] = [];
		for (let i = 0; i < 8; i++) {
			const body = new URLSearchParams({ current: `not-it-${i}`, password: 'a-new-password-2026!', confirm: 'a-new-password-2026!' });
			const reply = await postForm(`${server.url}/admin/account?/changePassword`, body.toString(), { cookie, from: '127.0.0.22' });
			statuses.push(reply.status);
		}
		expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
		expect(statuses.slice(4).every((s) => s === 429)).toBe(true);
	});
});

describe('an audit-log flood', () => {
	it('grows the database by less than 100 KB', async () => {
		const before = usedBytes(server.databasePath);
		const hugeId = `email=${'a'.repeat(500_000)}%40x.example&password=x`;
		const until = Date.now() + 4_000;
		let sent = 0;
		const connection = async (n: number) => {
			while (Date.now() < until) {
				// Half send a 500 KB login id; half a fresh 250-character one each time.
				const body =
					n % 2 ? hugeId : new URLSearchParams({ email: `${randomBytes(120).toString('hex').slice(0, 240)}@x.example`, password: 'x' }).toString();
				const reply = await postForm(`${server.url}/admin/login`, body, { from: `127.0.0.${30 + n}` });
				expect(reply.status).toBeLessThan(500);
				sent++;
			}
		};
		await Promise.all(Array.from({ length: 8 }, (_, n) => connection(n)));
		const grown = usedBytes(server.databasePath) - before;
		console.log(`audit flood: ${sent} requests in 4 s from 8 connections grew the database by ${grown} bytes`);
		expect(sent).toBeGreaterThan(50);
		expect(grown, `${sent} requests grew the database by ${grown} bytes`).toBeLessThan(100 * 1024);
	});
});

describe('malformed requests', () => {
	it('each get a 4xx with a short message, never a 500', async () => {
		const cookie = await adminCookie();
		const versionId = versionIdOf(server.databasePath);
		const survey = `${server.url}${SURVEY}`;
		const cases: [string, Promise<{ status: number; body: string }>][] = [
			['text/plain survey post', postForm(survey, answers(versionId), { type: 'text/plain' })],
			['text/plain without an origin', request(survey, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'consent=yes' })],
			['JSON survey post', postForm(survey, '{"consent":"yes"}', { type: 'application/json' })],
			['no content type', request(survey, { method: 'POST', headers: { origin: server.url }, body: 'consent=yes' })],
			['multipart without a boundary', postForm(survey, answers(versionId), { type: 'multipart/form-data' })],
			['broken multipart', postForm(survey, '--b\r\nContent-Disposition: form-data; name="consent"\r\n\r\nyes', { type: 'multipart/form-data; boundary=b' })],
			['only __proto__ fields', postForm(survey, '__proto__=1&constructor=1&__proto__[polluted]=1&toString=1')],
			['invalid percent-escape', postForm(survey, `${answers(versionId)}&C4=%FF%FE`)],
			['invalid raw UTF-8', postForm(survey, Buffer.concat([Buffer.from(`${answers(versionId)}&C4=`), Buffer.from([0xc3, 0x28])]) as never)],
			['login as text/plain', request(`${server.url}/admin/login`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'email=a' })],
			['login with __proto__', postForm(`${server.url}/admin/login`, '__proto__=x&email=a%40b&password=c')],
			['staff action as text/plain', postForm(`${server.url}/admin/users?/create`, 'email=a', { type: 'text/plain', cookie })],
			['staff upload without a boundary', postForm(`${server.url}/admin/surveys?/create`, 'source=json', { type: 'multipart/form-data', cookie })],
			['audit page 1e20', request(`${server.url}/admin/audit?page=1e20`, { headers: { cookie } })],
			['audit page -1', request(`${server.url}/admin/audit?page=-1`, { headers: { cookie } })],
			['audit page abc', request(`${server.url}/admin/audit?page=abc`, { headers: { cookie } })],
			['an undecodable address', request(`${server.url}/s/%ff`)],
			['a post to a page without actions', postForm(`${server.url}${SURVEY}/thanks`, 'a=1')],
			['an impossible opening date', postForm(`${server.url}/admin/surveys/1?/settings`, 'slug=digital-2022&fiscalYear=2022&minCellSize=10&opensAt=2024-99-99T99:99', { cookie })],
			['a draft with no sections', postForm(`${server.url}/admin/surveys/1/edit?/save`, `document=${encodeURIComponent('{"sections":1}')}`, { cookie })],
			['a project number past any integer', postForm(`${server.url}/admin/projects?/saveProject`, 'number=99999999999999999999&name=x', { cookie })],
			['an indicator of no project', postForm(`${server.url}/admin/projects?/saveIndicator`, 'projectId=99999&name=x&questionKey=T2&codes=1', { cookie })]
		];
		for (const [name, pending] of cases) {
			const reply = await pending;
			expect(reply.status, `${name}: ${reply.status}`).toBeGreaterThanOrEqual(400);
			expect(reply.status, `${name}: ${reply.body.slice(0, 300)}`).toBeLessThan(500);
		}
		// A query it cannot decode is ignored like any unknown one, never a failure.
		expect((await request(`${survey}?code=%FF&lang=%C3%28&size=%E5`)).status).toBe(200);
		expect((await request(`${server.url}/admin/audit?actor=%FF&from=%C3%28`, { headers: { cookie } })).status).toBe(200);
		expect((await request(`${server.url}/admin/audit?from=2024-99-99&to=2024-02-30`, { headers: { cookie } })).status).toBe(200);
		expect((await request(`${server.url}/admin/audit/export?from=2024-99-99`, { headers: { cookie } })).status).toBe(400);
		// A client's mistake is answered briefly and not logged as a failure of the system.
		const json = await postForm(survey, '{"consent":"yes"}', { type: 'application/json' });
		expect(json.body).not.toContain('システムで問題が発生しました');
		expect(server.output()).not.toMatch(/^error /m);
		// Nothing a refused post carried was stored.
		expect(taken(server.databasePath)).toBe(0);
	});

	it('names the questionnaire does not know are skipped: the answers beside them are stored', async () => {
		const versionId = versionIdOf(server.databasePath);
		const reply = await postForm(`${server.url}${SURVEY}`, `__proto__=1&constructor=1&hasOwnProperty=2&${answers(versionId)}`);
		expect(reply.status).toBe(303);
		expect(taken(server.databasePath)).toBe(1);
	});

	it('a refused resident is told in Japanese what happened', async () => {
		const reply = await postForm(`${server.url}${SURVEY}`, 'x&'.repeat(10_000));
		expect(reply.status).toBe(413);
		expect(reply.body).toContain('送信を受け付けられませんでした');
		expect(reply.body).toContain('大きすぎる');
		const plain = await postForm(`${server.url}${SURVEY}`, 'consent=yes', { type: 'text/plain' });
		expect(plain.status).toBe(415);
		expect(plain.body).toContain('この形式の送信は受け付けていません');
	});
});

describe('caching', () => {
	it('keeps survey and staff pages out of caches, and downloads private', async () => {
		const cookie = await adminCookie();
		expect((await request(`${server.url}${SURVEY}`)).headers['cache-control']).toBe('no-store');
		expect((await request(`${server.url}/admin/audit`, { headers: { cookie } })).headers['cache-control']).toBe('no-store');
		const download = await request(`${server.url}/admin/audit/export`, { headers: { cookie } });
		expect(download.status).toBe(200);
		expect(download.headers['content-disposition']).toMatch(/^attachment/);
		expect(download.headers['cache-control']).toBe('private, no-store');
		// The same pages under a percent-encoded address are the same pages to every rule.
		expect((await request(`${server.url}/%73/digital-2022`)).headers['cache-control']).toBe('no-store');
		const encoded = await request(`${server.url}/%61dmin/users`, { headers: { cookie } });
		expect(encoded.status).toBe(200);
		expect(encoded.headers['cache-control']).toBe('no-store');
		const anonymous = await request(`${server.url}/%61dmin/users`);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.location).toMatch(/^\/admin\/login/);
	});
});

describe('behind a reverse proxy', () => {
	let behind: RunningServer;
	let proxy: Proxy;
	beforeAll(async () => {
		// The app listens on its own port; the proxy is the public address (ORIGIN).
		proxy = await startProxy(() => behind.url);
		behind = await startServer({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', ORIGIN: proxy.url, SUBMIT_RATE_LIMIT: '' });
	});
	afterAll(async () => {
		await proxy?.close();
		await behind?.stop();
	});

	it('limits one address sending 300 responses, after junk that costs it nothing, and lets 100 residents from 100 addresses in', async () => {
		const versionId = versionIdOf(behind.databasePath);
		const url = `${proxy.url}${SURVEY}`;
		const send = (from: string, body = answers(versionId)) => postForm(url, body, { from, origin: proxy.url });

		const junk = await Promise.all(Array.from({ length: 40 }, () => send('127.0.0.200', 'consent=yes&versionId=1')));
		expect(junk.every((r) => r.status === 400)).toBe(true);
		const script: number[] = [];
		for (let i = 0; i < 300; i += 10)
			script.push(...(await Promise.all(Array.from({ length: 10 }, () => send('127.0.0.200')))).map((r) => r.status));
		expect(script.filter((s) => s === 303).length).toBe(150);
		expect(script.filter((s) => s === 429).length).toBe(150);

		const residents = [];
		for (let i = 1; i <= 100; i += 10)
			residents.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => send(`127.0.1.${i + j}`)))));
		expect(residents.map((r) => r.status)).toEqual(Array(100).fill(303));
		expect(taken(behind.databasePath)).toBe(250);
		// The refusals raised the alarm: one audit event with their count, no address.
		const alarm = readDb(behind.databasePath, (db) =>
			db.prepare("SELECT target, detail FROM audit_event WHERE action = 'submit.limited'").all()
		);
		expect(alarm).toEqual([{ target: 'survey:digital-2022', detail: JSON.stringify({ count: 150 }) }]);
	});

	it('warns at start-up when ORIGIN is https but no address header is set', async () => {
		const plain = await startServer({ ORIGIN: 'https://survey.example.lg.jp' });
		try {
			expect(plain.output()).toContain('ADDRESS_HEADER');
		} finally {
			await plain.stop();
		}
		expect(behind.output()).not.toContain('ADDRESS_HEADER が設定されていません');
	});
});

describe('the invitation-code key', () => {
	it('is made at first start beside the database, readable by the server alone, and a malformed one stops the start', async () => {
		const key = server.databasePath.replace(/\.sqlite$/, '.invitation-key');
		expect(fs.statSync(key).mode & 0o777).toBe(0o600);
		expect(fs.readFileSync(key, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
		await expect(startServer({ INVITATION_KEY: 'too-short' })).rejects.toThrow(/INVITATION_KEY must hold at least 32 random bytes/);
	});
});
