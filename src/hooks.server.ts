// Start-up (migrate, install the bundled survey, the first administrator) and the handles
// every request passes through.
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import * as responses from '$lib/server/responses';
import * as users from '$lib/server/users';
import * as audit from '$lib/server/audit';
import { surveyDay } from '$lib/server/today';
import { addDays } from '$lib/dates';
import { securityHeaders } from '$lib/server/security-headers';
import { handleCompression } from '$lib/server/compression';
import { handlePreferences } from '$lib/server/page-preferences';
import { handleSession } from '$lib/server/auth/handle-session';
import { purgeExpiredSessions } from '$lib/server/auth/sessions';
import { proxyWarning } from '$lib/server/client-address';
import { FORM_MESSAGES } from '$lib/server/form-body';
import { codeKey } from '$lib/server/code-key';

function housekeeping() {
	const database = db();
	// Every finished day's pooled responses, stored together in random order. One that cannot
	// be opened (the key was changed or lost) keeps the whole batch waiting, never dropped.
	try {
		responses.mixPool(database, surveyDay());
	} catch (e) {
		console.error('回答の保存（その日の回答をまとめて保存）ができませんでした。鍵（INVITATION_KEY または鍵ファイル）を確かめてください:', e);
	}
	const weekAgo = addDays(surveyDay(), -7);
	responses.purgeSubmissionKeys(database, weekAgo);
	purgeExpiredSessions(database);
}

export const init: ServerInit = async () => {
	const warning = proxyWarning(process.env);
	if (warning) console.warn(warning);
	// Made at the first start, or refused now if INVITATION_KEY is malformed, not at a login.
	codeKey();
	const database = db();
	if (surveys.installBundled(database))
		console.log(`Installed the bundled survey at /s/${surveys.BUNDLED_SLUG}`);
	const admin = await users.ensureFirstAdmin(database, process.env);
	if (admin) {
		audit.record(database, null, 'user.first-admin', `user:${admin.email}`);
		console.log(
			admin.oneTimePassword
				? [
						'================================================================',
						' 最初の管理者アカウントを作成しました (first administrator created)',
						` ログインID (login id):        ${admin.email}`,
						` 一時パスワード (one-time):     ${admin.oneTimePassword}`,
						' /admin/login でログインし、新しいパスワードを設定してください。',
						' This password is shown only once and must be changed at first login.',
						'================================================================'
					].join('\n')
				: `Administrator ${admin.email} created with the password from ADMIN_PASSWORD.`
		);
	}
	housekeeping();
	setInterval(housekeeping, 10 * 60 * 1000).unref();
};

// Compression first, so that it sees every header the others set.
export const handle: Handle = sequence(handleCompression, securityHeaders, handlePreferences, handleSession);

/** What a request SvelteKit itself refused is told (a JSON post, an undecodable address, …). */
const REFUSED: Record<number, string> = {
	400: FORM_MESSAGES.broken,
	405: 'このページでは、その操作はできません。',
	413: FORM_MESSAGES.tooLarge,
	415: FORM_MESSAGES.notForm
};

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status === 404) return { message };
	// A client's mistake, not the system's: answered briefly, and not logged (anyone could
	// otherwise fill the log with stack traces).
	if (status < 500) return { message: REFUSED[status] ?? FORM_MESSAGES.broken };
	const id = randomUUID();
	console.error(`error ${id}:`, error);
	return { message: 'システムで問題が発生しました。', id };
};
