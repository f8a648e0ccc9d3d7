// Resolves the staff session for every request, renews its cookie when due, and keeps every
// staff path but the login page closed to anyone without a session.
import type { Handle } from '@sveltejs/kit';
import { db } from '../db';
import { routePath } from '../security-headers';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from './sessions';

const isStaffPath = (path: string) => path === '/admin' || path.startsWith('/admin/');
const isOpenStaffPath = (path: string) => path === '/admin/login';

export const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const secure = event.url.protocol === 'https:';
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = validateSessionToken(db(), token);
		if (result.session) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			if (result.renewed) setSessionCookie(event.cookies, token, result.session.expiresAt, secure);
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}

	const path = routePath(event);
	if (!isStaffPath(path)) return resolve(event);
	// Each staff load and action checks the user's role itself; this only turns away anyone
	// not logged in, in case a check were ever forgotten.
	if (!event.locals.user && !isOpenStaffPath(path))
		return new Response(null, {
			status: 303,
			headers: { location: `/admin/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}` }
		});
	// Staff pages hold residents' answers: securityHeaders keeps them out of every cache.
	return resolve(event);
};
