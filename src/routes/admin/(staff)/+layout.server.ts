import type { LayoutServerLoad } from './$types';
import { requireStaff } from '$lib/server/auth/guard';
import { allows } from '$lib/staff/roles';
import { NAV } from '$lib/staff/nav';

export const load: LayoutServerLoad = (event) => {
	const user = requireStaff(event);
	return {
		user: { displayName: user.displayName, email: user.email, roles: user.roles },
		// Only the links this user may follow; the pages check again.
		nav: user.mustChangePassword ? [] : NAV.filter((link) => allows(user.roles, link.roles))
	};
};
