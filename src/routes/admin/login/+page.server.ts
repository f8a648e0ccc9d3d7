// Staff login. A wrong login id and a wrong password get the same message and take the same
// time; repeated failures slow down per login id and per client address.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as users from '$lib/server/users';
import * as audit from '$lib/server/audit';
import { dummyHash, verifyPassword } from '$lib/server/auth/password';
import { createSession, generateSessionToken, setSessionCookie } from '$lib/server/auth/sessions';
import { LoginThrottle } from '$lib/server/auth/throttle';
import { safeNext } from '$lib/server/auth/safe-next';

const throttle = new LoginThrottle();
const WRONG = 'ログインIDまたはパスワードが正しくありません。';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: url.searchParams.get('next') ?? '' };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const data = await request.formData();
		const email = String(data.get('email') ?? '').trim();
		const password = String(data.get('password') ?? '');
		const next = String(data.get('next') ?? '');
		const keys = [`account:${email.toLowerCase()}`, `address:${getClientAddress()}`];

		const wait = throttle.waitMs(keys);
		if (wait > 0) {
			audit.record(db(), { id: null, email }, 'login.throttled');
			return fail(429, {
				email,
				message: `ログインの失敗が続いたため、一時的に制限しています。${Math.ceil(wait / 1000)} 秒ほど待ってから、もう一度お試しください。`
			});
		}

		const user = users.findForLogin(db(), email);
		// Verified against a stand-in hash when the id is unknown, so both cases take as long.
		const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
		if (!user || !matches || user.disabled) {
			throttle.fail(keys);
			audit.record(db(), user ? { id: user.id, email: user.email } : { id: null, email }, 'login.failure', '', {
				reason: !user ? 'unknown-id' : user.disabled && matches ? 'disabled' : 'wrong-password'
			});
			return fail(400, { email, message: WRONG });
		}

		throttle.succeed(keys[0]);
		const token = generateSessionToken();
		const session = createSession(db(), token, user.id);
		setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		audit.record(db(), { id: user.id, email: user.email }, 'login.success');
		redirect(303, safeNext(next));
	}
};
