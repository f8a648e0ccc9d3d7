// The check every staff load and action makes first: logged in, password current, and
// holding one of the roles the page needs. Layout loads can be skipped, so this is called in
// each page's own load and in each action.
import { error, redirect } from '@sveltejs/kit';
import type { StaffUser } from './sessions';
import { allows, type Role } from '$lib/staff/roles';

interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

export const CHANGE_PASSWORD_PATH = '/admin/account';

export function requireStaff(event: GuardEvent, ...roles: Role[]): StaffUser {
	const user = event.locals.user;
	if (!user) redirect(303, `/admin/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	if (user.mustChangePassword && event.url.pathname !== CHANGE_PASSWORD_PATH)
		redirect(303, CHANGE_PASSWORD_PATH);
	if (!allows(user.roles, roles)) error(403, 'このページを開く権限がありません。');
	return user;
}
