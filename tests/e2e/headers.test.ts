// Security headers on resident and staff pages, as the built server sends them.
import { describe, expect, it } from 'vitest';
import { baseUrl } from './browser';
import { createStaff, loginCookie } from './staff-helpers';

const get = (path: string, cookie = '') => fetch(`${baseUrl()}${path}`, { headers: { cookie }, redirect: 'manual' });

describe('response headers', () => {
	it('carry a strict Content-Security-Policy and the other security headers on every page', async () => {
		for (const path of ['/', '/s/digital-2022', '/admin/login', '/s/no-such-survey']) {
			const res = await get(path);
			const csp = res.headers.get('content-security-policy') ?? '';
			const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
			expect(scriptSrc, path).toMatch(/^\s*script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*$/);
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toContain("object-src 'none'");
			expect(csp).toContain("form-action 'self'");
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('referrer-policy')).toBe('same-origin');
			expect(res.headers.get('x-frame-options')).toBe('DENY');
			// Served over plain http here: no Strict-Transport-Security (see the unit test for https).
			expect(res.headers.get('strict-transport-security')).toBeNull();
		}
	});

	it('keep staff pages out of caches', async () => {
		const cookie = await loginCookie(await createStaff(['analyst'], 'headers'));
		const res = await get('/admin', cookie);
		expect(res.status).toBe(200);
		expect(res.headers.get('cache-control')).toBe('no-store');
	});

	it('refuse a cross-site form post (SvelteKit’s origin check stays on)', async () => {
		const res = await fetch(`${baseUrl()}/s/digital-2022`, {
			method: 'POST',
			body: new URLSearchParams({ consent: 'yes' }),
			headers: { origin: 'https://evil.example', accept: 'text/html' },
			redirect: 'manual'
		});
		expect(res.status).toBe(403);
	});
});
