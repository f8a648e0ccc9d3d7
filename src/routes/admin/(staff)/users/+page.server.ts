// User management (administrators only): the list of staff accounts and a new account.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as users from '$lib/server/users';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { userForm } from '$lib/server/user-form';
import { parseForm } from '$lib/server/form-schema';
import { readForm, STAFF_FORM } from '$lib/server/form-body';

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'admin');
	return { users: users.list(db()) };
};

export const actions: Actions = {
	create: async (event) => {
		const admin = requireStaff(event, 'admin');
		const form = parseForm(await readForm(event.request, STAFF_FORM), userForm(db()));
		if (!form.ok) return fail(400, { values: form.typed, problems: form.problems });
		const values = form.value;
		const password = users.oneTimePassword();
		const id = await users.create(db(), { ...values, password, mustChangePassword: true });
		audit.record(db(), admin, 'user.create', `user:${id}`, { email: values.email, roles: values.roles });
		return { created: { id, email: values.email, password } };
	}
};
