// Plain HTTP requests from a chosen loopback address (127.0.0.N), as different residents or an
// attacker would send them, and a reverse proxy that adds X-Forwarded-For as nginx does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
	ms: number;
}

/** One request on a fresh connection (no keep-alive), from `from` when given. */
export function request(
	url: string,
	options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; from?: string } = {}
): Promise<Reply> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{ method: options.method ?? 'GET', headers: options.headers, localAddress: options.from, agent: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started })
				);
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(options.body);
	});
}

/** A form post as a browser sends it from the app's own pages (the origin check passes). */
export function postForm(url: string, body: string, options: { from?: string; origin?: string; type?: string; cookie?: string } = {}) {
	const headers: Record<string, string> = {
		'content-type': options.type ?? 'application/x-www-form-urlencoded',
		origin: options.origin ?? new URL(url).origin,
		accept: 'text/html'
	};
	if (options.cookie) headers.cookie = options.cookie;
	return request(url, { method: 'POST', headers, body, from: options.from });
}

export interface Proxy {
	url: string;
	close: () => Promise<void>;
}

/**
 * A reverse proxy in front of the app, like nginx with
 * `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`: it appends the address the
 * connection came from to the header, and the app sees only the proxy's own address. The
 * target is asked for on each request, so the proxy can start before the app it serves.
 */
export async function startProxy(target: () => string): Promise<Proxy> {
	const server = http.createServer((req, res) => {
		const to = new URL(target());
		const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
		const upstream = http.request(
			{
				host: to.hostname,
				port: to.port,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, 'x-forwarded-for': forwarded },
				agent: false
			},
			(reply) => {
				res.writeHead(reply.statusCode ?? 502, reply.headers);
				reply.pipe(res);
			}
		);
		upstream.on('error', () => {
			res.writeHead(502);
			res.end();
		});
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
