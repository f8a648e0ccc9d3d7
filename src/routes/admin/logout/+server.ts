// Logging out ends this browser's session (POST only, from the staff header's button).
import { redirect, type RequestHandler } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/sessions';

export const POST: RequestHandler = (event) => {
	// Any logged-in user may log out, even one who still has to change a password.
	const user = event.locals.user;
	if (!user) redirect(303, '/admin/login');
	if (event.locals.session) invalidateSession(db(), event.locals.session.id);
	deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
	audit.record(db(), user, 'logout');
	redirect(303, '/admin/login');
};
