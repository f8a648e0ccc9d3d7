// Reading posts within limits, folding repeated audit events, cache headers and the proxy
// warning: the pieces that keep the server standing under abuse.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import { parseUrlEncoded, readForm, STAFF_DOCUMENT_FORM, STAFF_FORM, STAFF_UPLOAD_FORM, type FormLimits } from '../../src/lib/server/form-body';
import { formValues } from '../../src/lib/survey/validate-answers';
import { formShape } from '../../src/lib/survey/form-fields';
import { cacheControl } from '../../src/lib/server/security-headers';
import { addressKey, proxyWarning } from '../../src/lib/server/client-address';
import { LoginThrottle, passwordKeys } from '../../src/lib/server/auth/throttle';
import { RateLimiter } from '../../src/lib/server/rate-limit';
import { config, parseByteSize } from '../../src/lib/server/config';
import bundled from '../../src/lib/survey/templates/digital-level-2022.json';
import type { Questionnaire } from '../../src/lib/survey/schema';

// Before any import reads the configuration (imports are hoisted above plain statements).
const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));
let db: Database.Database;
let audit: typeof import('../../src/lib/server/audit');

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	audit = await import('../../src/lib/server/audit');
});
afterAll(() => {
	db.close();
	temp.remove();
});

/** The status an action would answer with, or 'read' when the form was read. */
async function outcome(body: BodyInit | null, type: string | null, limits: FormLimits = STAFF_FORM): Promise<number | 'read'> {
	const headers: Record<string, string> = {};
	if (type) headers['content-type'] = type;
	try {
		await readForm(new Request('http://localhost/x', { method: 'POST', body, headers }), limits);
		return 'read';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

const URLENCODED = 'application/x-www-form-urlencoded';

describe('reading a posted form', () => {
	it('reads names and values as browsers encode them, repeats as lists', () => {
		const fields = parseUrlEncoded('a=1&b=%E5%B1%B1%E5%8F%A3+%E5%B8%82&a=2&&c&d=x%3Dy', STAFF_FORM);
		expect(fields.getAll('a')).toEqual(['1', '2']);
		expect(fields.get('b')).toBe('山口 市');
		expect(fields.get('c')).toBe('');
		expect(fields.get('d')).toBe('x=y');
		expect(fields.get('missing')).toBeNull();
	});

	it('skips the fields a form does not know, and never touches a prototype', () => {
		const fields = parseUrlEncoded('__proto__=1&constructor=2&Q1=3&__proto__[x]=4', { ...STAFF_FORM, accepts: (n) => n === 'Q1' });
		expect([...fields.entries()]).toEqual([['Q1', '3']]);
		const all = parseUrlEncoded('__proto__=1&constructor=2&toString=3', STAFF_FORM);
		expect(all.get('__proto__')).toBe('1');
		expect(all.get('hasOwnProperty')).toBeNull();
		const values = formValues(all);
		expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
		expect(values.__proto__).toBe('1');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('is linear in the number of repeats (the quadratic copy is gone)', () => {
		const repeats = (n: number) => Array.from({ length: n }, () => 'x=1').join('&');
		const time = (n: number) => {
			const body = new URLSearchParams(repeats(n));
			const start = performance.now();
			formValues(body as never);
			return performance.now() - start;
		};
		time(1000);
		// 60,000 repeats took 38 s with the copy on every repeat; linear, it takes milliseconds.
		expect(time(60_000)).toBeLessThan(1000);
	});

	it('refuses more fields than the form has, and longer values than it takes, with 413', async () => {
		const limits = { maxFields: 5, maxLength: 10 };
		expect(await outcome('a=1&b=2&c=3&d=4&e=5', URLENCODED, limits)).toBe('read');
		expect(await outcome('a=1&b=2&c=3&d=4&e=5&f=6', URLENCODED, limits)).toBe(413);
		expect(await outcome('x&'.repeat(250_000), URLENCODED, limits)).toBe(413);
		expect(await outcome(`a=${'y'.repeat(11)}`, URLENCODED, limits)).toBe(413);
		expect(await outcome(`a=${'%E5%B1%B1'.repeat(10)}`, URLENCODED, limits)).toBe('read');
		expect(await outcome(`a=${'%E5%B1%B1'.repeat(11)}`, URLENCODED, limits)).toBe(413);
	});

	it('refuses a body over the body limit, whatever Content-Length says', async () => {
		expect(await outcome(`a=${'1'.repeat(config.bodyLimit)}`, URLENCODED, { maxFields: 5, maxLength: Infinity })).toBe(413);
	});

	it('answers a body that is not a form, or a broken one, with a 4xx', async () => {
		expect(await outcome('consent=yes', 'text/plain')).toBe(415);
		expect(await outcome('{"consent":"yes"}', 'application/json')).toBe(415);
		expect(await outcome('consent=yes', null)).toBe(415);
		expect(await outcome('--x\r\n', 'multipart/form-data', STAFF_UPLOAD_FORM)).toBe(400);
		expect(await outcome('--x\r\nbroken', 'multipart/form-data; boundary=x', STAFF_UPLOAD_FORM)).toBe(400);
		// Only upload forms take multipart at all: no page sends it anywhere else.
		const parts = '--x\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\n\r\n'.repeat(5000) + '--x--\r\n';
		expect(await outcome(parts, 'multipart/form-data; boundary=x')).toBe(415);
		expect(await outcome('a=%FF', URLENCODED)).toBe(400);
		expect(await outcome('a=%E5%B1', URLENCODED)).toBe(400);
		expect(await outcome('a=%zz', URLENCODED)).toBe(400);
		expect(await outcome(new Uint8Array([0x61, 0x3d, 0xff, 0xfe]), URLENCODED)).toBe(400);
	});

	it('reads a multipart form with its file within the limits', async () => {
		const form = new FormData();
		form.append('note', 'メモ');
		form.append('file', new File(['a,b\n1,2\n'], 'm.csv', { type: 'text/csv' }));
		const request = new Request('http://localhost/x', { method: 'POST', body: form });
		const fields = await readForm(request, { maxFields: 5, maxLength: 100, maxFileBytes: 100, multipart: true });
		expect(fields.get('note')).toBe('メモ');
		expect(await (fields.get('file') as File).text()).toBe('a,b\n1,2\n');
		// A form that takes no files drops them.
		const again = new FormData();
		again.append('file', new File(['x'], 'x.txt'));
		const plain = await readForm(new Request('http://localhost/x', { method: 'POST', body: again }), STAFF_DOCUMENT_FORM);
		expect(plain.get('file')).toBeNull();
	});

	it('parses BODY_SIZE_LIMIT as adapter-node does', () => {
		expect(config.databasePath).toBe(temp.file);
		expect(parseByteSize('512K')).toBe(524_288);
		expect(parseByteSize('2M')).toBe(2 * 1024 * 1024);
		expect(parseByteSize('1000')).toBe(1000);
		expect(parseByteSize('Infinity')).toBe(Infinity);
		expect(() => parseByteSize('lots')).toThrow(/BODY_SIZE_LIMIT/);
		expect(config.bodyLimit).toBe(524_288);
	});
});

describe("a survey's form shape", () => {
	it('names every field the bundled survey posts and bounds how many', () => {
		const shape = formShape(bundled as unknown as Questionnaire);
		for (const name of ['consent', 'submissionKey', 'versionId', 'lang', 'invitation', 'F1', 'A1', 'T1.T1_2', 'C4']) expect(shape.names.has(name)).toBe(true);
		expect(shape.names.has('__proto__')).toBe(false);
		expect(shape.maxLength).toBe(2000);
		expect(shape.maxFields).toBeGreaterThan(100);
		expect(shape.maxFields).toBeLessThan(1000);
	});
});

describe('folded audit events', () => {
	it('writes one row a window for a repeated event, with its count', () => {
		const fold = { key: 'submit.limited:test', windowMs: 60_000 };
		const before = db.prepare('SELECT count(*) FROM audit_event').pluck().get() as number;
		for (let i = 0; i < 500; i++) audit.recordFolded(db, fold, null, 'submit.limited', 'survey:flood', { reason: 'x' }, 1_000 + i);
		audit.recordFolded(db, fold, null, 'submit.limited', 'survey:flood', { reason: 'x' }, 61_000);
		const rows = db.prepare("SELECT json_extract(detail, '$.count') FROM audit_event WHERE target = 'survey:flood' ORDER BY id").pluck().all();
		expect(rows).toEqual([500, 1]);
		expect((db.prepare('SELECT count(*) FROM audit_event').pluck().get() as number) - before).toBe(2);
	});

	it('keeps at most 254 characters of a login id', () => {
		audit.record(db, { id: null, email: 'z'.repeat(100_000) }, 'login.failure', 't'.repeat(10_000));
		const row = db.prepare("SELECT length(actor) AS actor, length(target) AS target FROM audit_event WHERE target LIKE 'ttt%'").get();
		expect(row).toEqual({ actor: 254, target: 200 });
	});
});

describe('limits sized for real use', () => {
	it('never refuses 100 residents answering within an hour from one address, but stops a script', () => {
		expect(config.submitWindowMs).toBe(3_600_000);
		const limiter = new RateLimiter(config.submitLimit, config.submitWindowMs);
		let accepted = 0;
		for (let i = 0; i < 100; i++) if (limiter.take('192.0.2.1', i * 1000)) accepted++;
		expect(accepted).toBe(100);
		for (let i = 100; i < 300; i++) if (limiter.take('192.0.2.1', i * 1000)) accepted++;
		expect(accepted).toBe(config.submitLimit);
		expect(config.submitLimit).toBeLessThan(300);
	});
});

describe('clients as the limits tell them apart', () => {
	it('by IPv4 address, and by the /64 of an IPv6 address', () => {
		expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
		expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
		expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
		expect(addressKey('unknown')).toBe('unknown');
	});

	it('keep a bounded memory, and no try pays for sweeping it', () => {
		const throttle = new LoginThrottle();
		let slowest = 0;
		for (let i = 0; i < 60_000; i++) {
			const started = performance.now();
			throttle.attempt(passwordKeys(`id${i}@x.example`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`), 0);
			if (i > 1000) slowest = Math.max(slowest, performance.now() - started);
		}
		expect(throttle.size).toBeLessThanOrEqual(100_000);
		// Before: every try past 50,000 keys swept the whole map (17–19 ms each).
		expect(slowest).toBeLessThan(100);
		const limiter = new RateLimiter(10, 3_600_000);
		for (let i = 0; i < 120_000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}:${i}`, 0);
		expect((limiter as unknown as { hits: Map<string, unknown> }).hits.size).toBeLessThanOrEqual(100_000);
	});
});

describe('cache headers', () => {
	const none = new Headers();
	it('keep survey and staff pages out of every cache, and downloads private', () => {
		expect(cacheControl('/s/digital-2022', none)).toBe('no-store');
		expect(cacheControl('/s/digital-2022/thanks', none)).toBe('no-store');
		expect(cacheControl('/admin', none)).toBe('no-store');
		expect(cacheControl('/admin/audit', none)).toBe('no-store');
		expect(cacheControl('/admin/data/1/download', new Headers({ 'content-disposition': 'attachment; filename="a.csv"' }))).toBe('private, no-store');
		expect(cacheControl('/', none)).toBeUndefined();
		expect(cacheControl('/_app/immutable/x.js', none)).toBeUndefined();
	});
});

describe('the start-up warning behind a proxy', () => {
	it('is given when ORIGIN is https and no address header is set', () => {
		expect(proxyWarning({ ORIGIN: 'https://survey.example.lg.jp' })).toContain('ADDRESS_HEADER');
		expect(proxyWarning({ ORIGIN: 'https://survey.example.lg.jp', ADDRESS_HEADER: 'x-forwarded-for' })).toBeUndefined();
		expect(proxyWarning({ ORIGIN: 'http://localhost:3000' })).toBeUndefined();
		expect(proxyWarning({})).toBeUndefined();
	});
});
