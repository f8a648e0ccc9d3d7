// Compresses the pages the app renders (HTML, page data, JSON) for browsers that ask for it:
// a survey page is 70-100 KB of HTML and 14-17 KB in gzip, which on a 400 kbps phone line is
// the difference between about 2 s and 0.3 s. The app's own files (JS, CSS, fonts, icons) are
// compressed once at build time (adapter-node `precompress`, served by sirv with
// Vary: Accept-Encoding); this handle covers what is made per request, with Node's zlib.
//
// Only a body of known length is compressed (SvelteKit's rendered pages and json() carry
// Content-Length): a streamed response, such as a CSV download, passes through untouched and
// keeps streaming. Tiny bodies are not worth a header, and are left as they are.
import type { Handle } from '@sveltejs/kit';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Below this a compressed body saves less than a round of headers costs. */
export const MIN_BYTES = 1024;

const COMPRESSIBLE = /^(text\/(html|css|plain|javascript)|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)\b/i;

export type Encoding = 'br' | 'gzip';

/**
 * The coding to answer with, from Accept-Encoding (RFC 9110 §12.5.3): brotli, then gzip,
 * each unless refused with q=0 (a `*` covers the ones not named); none when neither is taken.
 */
export function chooseEncoding(accept: string | null): Encoding | null {
	if (!accept) return null;
	const q = new Map<string, number>();
	for (const part of accept.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const value = weight ? Number(weight.slice(2)) : 1;
		q.set(name, Number.isFinite(value) ? value : 0);
	}
	const wanted = (coding: Encoding) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
	const br = wanted('br') ? (q.get('br') ?? q.get('*')!) : 0;
	const gz = wanted('gzip') ? (q.get('gzip') ?? q.get('*')!) : 0;
	if (br === 0 && gz === 0) return null;
	return br >= gz ? 'br' : 'gzip';
}

function addVary(headers: Headers) {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}

/**
 * The body compressed in the coding, off the main thread (zlib runs in libuv's pool): at a
 * few milliseconds per page, or (`best`) as small as the coding can make it, for a body that
 * is compressed once and sent many times.
 */
export function compress(body: Uint8Array, coding: Encoding, effort: 'page' | 'best' = 'page'): Promise<Buffer> {
	const best = effort === 'best';
	return coding === 'br'
		? brotli(body, {
				params: {
					// For a page, quality 5: near the size of the best gzip, at a few milliseconds.
					[zlib.constants.BROTLI_PARAM_QUALITY]: best ? zlib.constants.BROTLI_MAX_QUALITY : 5,
					[zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
					[zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
				}
			})
		: gzip(body, { level: best ? zlib.constants.Z_BEST_COMPRESSION : 6 });
}

export const handleCompression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	const length = Number(headers.get('content-length') ?? NaN);
	if (
		!response.body ||
		event.request.method === 'HEAD' ||
		response.status === 204 ||
		response.status === 206 ||
		response.status === 304 ||
		headers.has('content-encoding') ||
		!COMPRESSIBLE.test(headers.get('content-type') ?? '') ||
		/no-transform/i.test(headers.get('cache-control') ?? '') ||
		// A stream (no length) keeps streaming.
		!Number.isFinite(length)
	)
		return response;
	if (length < MIN_BYTES) return response;

	const out = new Headers(headers);
	addVary(out);
	const coding = chooseEncoding(event.request.headers.get('accept-encoding'));
	if (!coding) return new Response(response.body, { status: response.status, statusText: response.statusText, headers: out });

	// Each coding is its own representation with its own tag; SvelteKit answers 304 after
	// this handle when the browser's If-None-Match names it, so nothing need be compressed.
	const etag = headers.get('etag');
	if (etag) {
		out.set('etag', etag.replace(/"$/, `-${coding}"`));
		if (response.status === 200 && event.request.headers.get('if-none-match') === out.get('etag'))
			return new Response(response.body, { status: response.status, statusText: response.statusText, headers: out });
	}
	const body = await compress(new Uint8Array(await response.arrayBuffer()), coding);
	out.set('content-encoding', coding);
	out.set('content-length', String(body.byteLength));
	return new Response(new Uint8Array(body), { status: response.status, statusText: response.statusText, headers: out });
};
