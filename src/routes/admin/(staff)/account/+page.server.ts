// The user's own account: change the password (required after a first or reset password),
// and log out of every browser at once.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as users from '$lib/server/users';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { passwordProblem, verifyPassword } from '$lib/server/auth/password';
import {
	createSession,
	deleteSessionCookie,
	generateSessionToken,
	invalidateUserSessions,
	setSessionCookie
} from '$lib/server/auth/sessions';
import { PASSWORD_FOLD_MS, passwordKeys, passwordThrottle, throttledMessage } from '$lib/server/auth/throttle';
import { readForm, STAFF_FORM } from '$lib/server/form-body';
import { formObject, requireForm, text } from '$lib/server/form-schema';
import { clientAddress } from '$lib/server/client-address';

/** Passwords as typed (never trimmed); what they must be is checked below, in order. */
const passwordForm = formObject({
	current: text({ trim: false }),
	password: text({ trim: false }),
	confirm: text({ trim: false })
});

export const load: PageServerLoad = (event) => {
	const user = requireStaff(event);
	return { mustChange: user.mustChangePassword };
};

export const actions: Actions = {
	changePassword: async (event) => {
		const user = requireStaff(event);
		const { current, password: next, confirm } = requireForm(await readForm(event.request, STAFF_FORM), passwordForm);
		// The current password is guessed no faster here than at the login form.
		const keys = passwordKeys(user.email, clientAddress(event));
		const wait = passwordThrottle.attempt(keys);
		if (wait > 0) return fail(429, { message: throttledMessage(wait) });
		const login = users.findForLogin(db(), user.email);
		if (!login || !(await verifyPassword(login.passwordHash, current))) {
			audit.recordFolded(db(), { key: `user.password.failure:${user.id}`, windowMs: PASSWORD_FOLD_MS }, user, 'user.password.failure', `user:${user.id}`);
			return fail(400, { message: '現在のパスワードが正しくありません。' });
		}
		passwordThrottle.succeed(keys);
		const problem =
			next !== confirm ? '新しいパスワードが確認用と一致しません。' : passwordProblem(next, user.email);
		if (problem) return fail(400, { message: problem });
		if (next === current) return fail(400, { message: '現在と同じパスワードは使えません。' });

		// Every session ends with the old password; this browser gets a fresh one.
		await users.setPassword(db(), user.id, next, false);
		const token = generateSessionToken();
		const session = createSession(db(), token, user.id);
		setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
		audit.record(db(), user, 'user.password', `user:${user.id}`);
		redirect(303, '/admin?changed');
	},

	logoutEverywhere: (event) => {
		const user = requireStaff(event);
		const ended = invalidateUserSessions(db(), user.id);
		deleteSessionCookie(event.cookies, event.url.protocol === 'https:');
		audit.record(db(), user, 'session.logout-all', `user:${user.id}`, { sessions: ended });
		redirect(303, '/admin/login');
	}
};
