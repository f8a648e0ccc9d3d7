// Staff login. A wrong login id and a wrong password get the same message and take the same
// time; every try is counted before the password is checked (per login id from this address,
// per address, and gently per login id), and repeated failures are folded into one audit event
// per window, so neither guessing nor flooding gets far.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as users from '$lib/server/users';
import * as audit from '$lib/server/audit';
import { dummyHash, verifyPassword } from '$lib/server/auth/password';
import { createSession, generateSessionToken, setSessionCookie } from '$lib/server/auth/sessions';
import { PASSWORD_FOLD_MS, passwordKeys, passwordThrottle, throttledMessage } from '$lib/server/auth/throttle';
import { safeNext } from '$lib/server/auth/safe-next';
import { knownDevice, rememberDevice } from '$lib/server/auth/device';
import { readForm, type FormLimits } from '$lib/server/form-body';
import { formObject, parseForm, text } from '$lib/server/form-schema';
import { clientAddress } from '$lib/server/client-address';

const WRONG = 'ログインIDまたはパスワードが正しくありません。';
/** No account has a longer login id or password, so longer ones are refused unchecked. */
const MAX_PASSWORD_LENGTH = 1024;
const LOGIN_FORM: FormLimits = {
	maxFields: 10,
	maxLength: 4096,
	accepts: (name) => name === 'email' || name === 'password' || name === 'next'
};

/** A login id or password longer than any account's is refused unchecked, with the same words. */
const loginForm = formObject({
	email: text({ max: audit.MAX_ACTOR_LENGTH, message: WRONG }),
	password: text({ trim: false, max: MAX_PASSWORD_LENGTH, message: WRONG }),
	next: text({ trim: false })
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: url.searchParams.get('next') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const form = parseForm(await readForm(event.request, LOGIN_FORM), loginForm);
		if (!form.ok) return fail(400, { email: form.typed.email.slice(0, audit.MAX_ACTOR_LENGTH), message: WRONG });
		const { email, password, next } = form.value;

		const user = users.findForLogin(db(), email);
		const actor = user ? { id: user.id, email: user.email } : { id: null, email };
		const who = user ? `user:${user.id}` : 'unknown-id';
		const keys = passwordKeys(email, clientAddress(event), knownDevice(event.cookies, user?.id));
		const wait = passwordThrottle.attempt(keys);
		if (wait > 0) {
			audit.recordFolded(db(), { key: `login.throttled:${who}`, windowMs: PASSWORD_FOLD_MS }, actor, 'login.throttled');
			return fail(429, { email, message: throttledMessage(wait) });
		}

		// Verified against a stand-in hash when the id is unknown, so both cases take as long.
		const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
		if (!user || !matches || user.disabled) {
			const reason = !user ? 'unknown-id' : user.disabled && matches ? 'disabled' : 'wrong-password';
			audit.recordFolded(db(), { key: `login.failure:${reason}:${who}`, windowMs: PASSWORD_FOLD_MS }, actor, 'login.failure', '', { reason });
			return fail(400, { email, message: WRONG });
		}

		passwordThrottle.succeed(keys);
		rememberDevice(event.cookies, user.id, event.url.protocol === 'https:');
		const token = generateSessionToken();
		const session = createSession(db(), token, user.id);
		setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
		audit.record(db(), actor, 'login.success');
		redirect(303, safeNext(next));
	}
};
