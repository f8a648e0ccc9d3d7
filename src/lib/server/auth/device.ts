// Browsers that have logged in to an account before. Each successful login leaves a signed
// cookie naming the account; a login from such a browser skips the account-wide throttle, so
// an attacker guessing from ever new addresses slows down everyone else but never the real
// user on their own browser (OWASP's "device cookies"). The signature uses a key derived from
// the invitation-code key, which is never in the database.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { codeKey } from '../code-key';

export const DEVICE_COOKIE = 'staff_device';
const YEAR_MS = 365 * 24 * 3600 * 1000;

const sign = (payload: string) =>
	createHmac('sha256', createHmac('sha256', codeKey()).update('staff-device-cookie').digest()).update(payload).digest('base64url');

/** Whether this browser logged in to the account with this id before. */
export function knownDevice(cookies: Cookies, userId: number | undefined): boolean {
	const value = cookies.get(DEVICE_COOKIE);
	if (userId === undefined || !value) return false;
	const [id, nonce, mac] = value.split('.');
	if (id !== String(userId) || !nonce || !mac) return false;
	const expected = Buffer.from(sign(`${id}.${nonce}`));
	const given = Buffer.from(mac);
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Marks this browser as one the account logs in from. */
export function rememberDevice(cookies: Cookies, userId: number, secure: boolean): void {
	const payload = `${userId}.${randomBytes(12).toString('base64url')}`;
	cookies.set(DEVICE_COOKIE, `${payload}.${sign(payload)}`, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/admin/login',
		expires: new Date(Date.now() + YEAR_MS)
	});
}
