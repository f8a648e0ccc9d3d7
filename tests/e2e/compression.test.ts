// The built app compresses what it sends when the browser asks, and only then: rendered HTML
// (by the compression handle), the app's JS and CSS (precompressed at build time), each with
// Vary: Accept-Encoding; streamed CSV downloads are left as they are (tiny bodies: unit test).
import { describe, expect, it } from 'vitest';
import { baseUrl } from './browser';
import { decode, get } from './wire';
import { SURVEY } from './survey-steps';
import { createStaff, loginCookie } from './staff-helpers';

describe('compression', () => {
	it('sends the survey page in brotli or gzip when asked, the same page as plain', async () => {
		const plain = await get(SURVEY);
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers.vary).toMatch(/accept-encoding/i);
		expect(plain.body.toString()).toContain('</html>');

		for (const [accept, coding] of [
			['gzip, deflate, br, zstd', 'br'],
			['gzip', 'gzip'],
			['br;q=0, gzip;q=0.5', 'gzip'],
			['identity', undefined],
			['br;q=0, gzip;q=0', undefined]
		] as const) {
			const r = await get(SURVEY, { 'accept-encoding': accept });
			expect(r.headers['content-encoding'], accept).toBe(coding);
			expect(r.headers.vary, accept).toMatch(/accept-encoding/i);
			expect(Number(r.headers['content-length']), accept).toBe(r.body.byteLength);
			const html = decode(r).toString();
			// The same page (its one-time submission key aside).
			expect(html.replace(/[\w-]{20,}/g, ''), accept).toBe(plain.body.toString().replace(/[\w-]{20,}/g, ''));
			if (coding) expect(r.body.byteLength, accept).toBeLessThan(plain.body.byteLength / 3);
		}
	});

	it('sends the page’s JavaScript and CSS compressed when asked, and not otherwise', async () => {
		const html = (await get(SURVEY)).body.toString();
		const assets = [...html.matchAll(/(?:href="|src="|import\(")([^"]*(?:_app\/immutable|\/enhance)\/[^"]+\.(?:js|css))"/g)].map((m) =>
			new URL(m[1], new URL(SURVEY, baseUrl())).pathname
		);
		expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
		expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
		for (const asset of new Set(assets)) {
			const plain = await get(asset);
			const packed = await get(asset, { 'accept-encoding': 'gzip, deflate, br' });
			const gzipped = await get(asset, { 'accept-encoding': 'gzip' });
			expect(plain.headers['content-encoding'], asset).toBeUndefined();
			expect(packed.headers['content-encoding'], asset).toBe('br');
			expect(gzipped.headers['content-encoding'], asset).toBe('gzip');
			expect(packed.headers.vary, asset).toMatch(/accept-encoding/i);
			expect(decode(packed).equals(plain.body), asset).toBe(true);
			expect(decode(gzipped).equals(plain.body), asset).toBe(true);
		}
	});

	it('keeps a CSV download streaming, uncompressed', async () => {
		const analyst = await createStaff(['analyst']);
		const cookie = await loginCookie(analyst);
		const r = await get('/admin/data/1/download?kind=wide&values=codes&encoding=utf8', {
			cookie,
			'accept-encoding': 'gzip, br'
		});
		expect(r.status).toBe(200);
		expect(r.headers['content-type']).toMatch(/^text\/csv/);
		expect(r.headers['content-encoding']).toBeUndefined();
		expect(r.headers['transfer-encoding']).toBe('chunked');
	});
});
