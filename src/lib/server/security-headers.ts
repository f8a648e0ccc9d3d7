// Headers every response carries. The Content-Security-Policy comes from kit.csp in
// svelte.config.js (it hashes Kit's own inline scripts); these complete it.
import type { Handle } from '@sveltejs/kit';

/**
 * What a cache may keep. A survey page carries a one-time submission key (a shared proxy
 * serving one copy to everyone would drop every answer after the first) and staff pages hold
 * residents' answers: neither is stored anywhere. Downloads are private too.
 */
export function cacheControl(path: string, headers: Headers): string | undefined {
	if (/^\s*attachment/i.test(headers.get('content-disposition') ?? '')) return 'private, no-store';
	if (path === '/admin' || path.startsWith('/admin/') || path.startsWith('/s/')) return 'no-store';
	// Every page is made per request; only the app's static files are worth caching.
	if ((headers.get('content-type') ?? '').startsWith('text/html')) return 'no-store';
	return undefined;
}

/**
 * The path a request is for, as routes see it: the matched route's id, or the decoded path
 * (so /%61dmin is /admin, as the router reads it).
 */
export function routePath(event: { route?: { id: string | null }; url: URL }): string {
	if (event.route?.id) return event.route.id;
	try {
		return decodeURIComponent(event.url.pathname);
	} catch {
		return event.url.pathname;
	}
}

/** The designer's preview shows the survey page in a frame of the staff page beside it. */
const FRAMEABLE = /^\/admin\/surveys\/\d+\/frame$/;

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const frameable = FRAMEABLE.test(event.url.pathname);
	const csp = response.headers.get('content-security-policy');
	if (frameable && csp) response.headers.set('content-security-policy', csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
	// same-origin, not no-referrer: under no-referrer browsers send `Origin: null` with a plain
	// form post, and SvelteKit's origin check then refuses every survey sent without JavaScript.
	// same-origin still sends nothing to any other site.
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', frameable ? 'SAMEORIGIN' : 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	const cache = cacheControl(routePath(event), response.headers);
	if (cache) response.headers.set('Cache-Control', cache);
	if (event.url.protocol === 'https:')
		response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	return response;
};
