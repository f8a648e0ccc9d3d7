// Requests as they go over the wire (fetch would undo the compression and hide the codings).
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { baseUrl } from './browser';

export interface Raw {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

/** A GET of a path of the app under test, its body as sent. */
export function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
	return new Promise((resolve, reject) => {
		http
			.get(new URL(path, baseUrl()), { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
			})
			.on('error', reject);
	});
}

/** The body as it was before its Content-Encoding. */
export const decode = (r: Raw) =>
	r.headers['content-encoding'] === 'br'
		? brotliDecompressSync(r.body)
		: r.headers['content-encoding'] === 'gzip'
			? gunzipSync(r.body)
			: r.body;
