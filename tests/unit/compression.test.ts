// The compression handle on its own: which coding Accept-Encoding asks for, and what is left
// alone (tiny bodies, streams, bodies already coded, HEAD, 304).
import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { chooseEncoding, handleCompression, MIN_BYTES } from '../../src/lib/server/compression';

describe('chooseEncoding', () => {
	it('prefers brotli, then gzip, and honours q=0 and *', () => {
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(chooseEncoding('gzip')).toBe('gzip');
		expect(chooseEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
		expect(chooseEncoding('br;q=0, *')).toBe('gzip');
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding('gzip;q=0, br;q=0')).toBeNull();
		expect(chooseEncoding('')).toBeNull();
		expect(chooseEncoding(null)).toBeNull();
	});
});

const page = '<!doctype html><html><body>' + '<p>アンケート</p>'.repeat(200) + '</body></html>';

async function run(body: BodyInit | null, init: ResponseInit, request: RequestInit = {}) {
	const event = { request: new Request('http://localhost/s/x', request) } as unknown as RequestEvent;
	return handleCompression({ event, resolve: async () => new Response(body, init) });
}

const html = (extra: Record<string, string> = {}) => ({
	headers: { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(page)), ...extra }
});

describe('handleCompression', () => {
	it('compresses a page in the coding asked for, with its length, Vary and a tag of its own', async () => {
		const br = await run(page, html({ etag: '"abc"' }), { headers: { 'accept-encoding': 'gzip, br' } });
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toBe('Accept-Encoding');
		expect(br.headers.get('etag')).toBe('"abc-br"');
		const body = Buffer.from(await br.arrayBuffer());
		expect(Number(br.headers.get('content-length'))).toBe(body.byteLength);
		expect(brotliDecompressSync(body).toString()).toBe(page);

		const gz = await run(page, html({ vary: 'Cookie' }), { headers: { 'accept-encoding': 'gzip' } });
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(gz.headers.get('vary')).toBe('Cookie, Accept-Encoding');
		expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(page);
	});

	it('sends the page as it is to a browser that does not ask, still saying it varies', async () => {
		const r = await run(page, html());
		expect(r.headers.get('content-encoding')).toBeNull();
		expect(r.headers.get('vary')).toBe('Accept-Encoding');
		expect(await r.text()).toBe(page);
	});

	it('leaves alone tiny bodies, streams, coded bodies, other types, HEAD and a known tag', async () => {
		const ask = { headers: { 'accept-encoding': 'gzip, br' } };
		const tiny = 'x'.repeat(MIN_BYTES - 1);
		expect((await run(tiny, { headers: { 'content-type': 'text/html', 'content-length': String(tiny.length) } }, ask)).headers.get('content-encoding')).toBeNull();
		const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(page)), c.close()) });
		expect((await run(stream, { headers: { 'content-type': 'text/html' } }, ask)).headers.get('content-encoding')).toBeNull();
		expect((await run(page, html({ 'content-encoding': 'identity' }), ask)).headers.get('content-encoding')).toBe('identity');
		expect((await run(page, { headers: { 'content-type': 'text/csv', 'content-length': '3000' } }, ask)).headers.get('content-encoding')).toBeNull();
		expect((await run(page, html({ 'cache-control': 'no-transform' }), ask)).headers.get('content-encoding')).toBeNull();
		expect((await run(null, html(), { method: 'HEAD', ...ask })).headers.get('content-encoding')).toBeNull();
		// The browser holds this very representation: SvelteKit answers 304, nothing to compress.
		const held = await run(page, html({ etag: '"abc"' }), { headers: { 'accept-encoding': 'br', 'if-none-match': '"abc-br"' } });
		expect(held.headers.get('etag')).toBe('"abc-br"');
		expect(held.headers.get('content-encoding')).toBeNull();
	});
});
