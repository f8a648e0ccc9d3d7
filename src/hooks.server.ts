// Start-up (migrate, install the bundled survey) and the handles every request passes through.
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import * as responses from '$lib/server/responses';
import { config } from '$lib/server/config';
import { dayIn } from '$lib/survey/phase';
import { securityHeaders } from '$lib/server/security-headers';
import { handlePreferences } from '$lib/server/page-preferences';

export const init: ServerInit = () => {
	const database = db();
	if (surveys.installBundled(database))
		console.log(`Installed the bundled survey at /s/${surveys.BUNDLED_SLUG}`);
	const weekAgo = dayIn(new Date(Date.now() - 7 * 24 * 3600 * 1000), config.timeZone);
	responses.purgeSubmissionKeys(database, weekAgo);
};

export const handle: Handle = sequence(handlePreferences, securityHeaders);

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status === 404) return { message };
	const id = randomUUID();
	console.error(`error ${id}:`, error);
	return { message: 'システムで問題が発生しました。', id };
};
