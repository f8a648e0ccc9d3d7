// Headers every response carries. The Content-Security-Policy comes from kit.csp in
// svelte.config.js (it hashes Kit's own inline scripts); these complete it.
import type { Handle } from '@sveltejs/kit';

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('Referrer-Policy', 'no-referrer');
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
	if (event.url.protocol === 'https:')
		response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	return response;
};
