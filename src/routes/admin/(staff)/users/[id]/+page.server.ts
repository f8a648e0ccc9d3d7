// One staff account (administrators only): change it, reset its password, end its sessions.
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as users from '$lib/server/users';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { invalidateUserSessions } from '$lib/server/auth/sessions';
import { userForm } from '$lib/server/user-form';
import { parseForm } from '$lib/server/form-schema';
import { readForm, STAFF_FORM } from '$lib/server/form-body';

function target(id: string) {
	const user = /^\d+$/.test(id) ? users.get(db(), Number(id)) : undefined;
	if (!user) error(404, 'そのユーザーは見つかりません。');
	return user;
}

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'admin');
	return { account: target(event.params.id) };
};

export const actions: Actions = {
	update: async (event) => {
		const admin = requireStaff(event, 'admin');
		const before = target(event.params.id);
		const form = parseForm(await readForm(event.request, STAFF_FORM), userForm(db(), before.id));
		const values = form.typed;
		const problems = form.ok ? [] : form.problems;
		const staysAdmin = values.roles.includes('admin') && !values.disabled;
		if (!staysAdmin && before.roles.includes('admin') && users.activeAdminCount(db(), before.id) === 0)
			problems.push('有効な管理者がいなくなるため、この変更はできません。');
		if (!form.ok || problems.length) return fail(400, { values, problems });

		const after = form.value;
		users.update(db(), before.id, after);
		const t = `user:${before.id}`;
		audit.record(db(), admin, 'user.update', t, { email: after.email, displayName: after.displayName });
		if (before.roles.join() !== after.roles.join())
			audit.record(db(), admin, 'user.roles', t, { from: before.roles, to: after.roles });
		if (before.disabled !== after.disabled)
			audit.record(db(), admin, after.disabled ? 'user.disable' : 'user.enable', t);
		return { saved: true };
	},

	resetPassword: async (event) => {
		const admin = requireStaff(event, 'admin');
		const account = target(event.params.id);
		const password = users.oneTimePassword();
		await users.setPassword(db(), account.id, password, true);
		audit.record(db(), admin, 'user.password-reset', `user:${account.id}`);
		return { reset: password };
	},

	endSessions: (event) => {
		const admin = requireStaff(event, 'admin');
		const account = target(event.params.id);
		const ended = invalidateUserSessions(db(), account.id);
		audit.record(db(), admin, 'user.sessions-ended', `user:${account.id}`, { sessions: ended });
		return { ended };
	}
};
