// Headers every response carries. The Content-Security-Policy comes from kit.csp in
// svelte.config.js (it hashes Kit's own inline scripts); these complete it.
import type { Handle } from '@sveltejs/kit';

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
	if (event.url.protocol === 'https:')
		response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	return response;
};
