// Staff roles and what each may do. Shared with the staff pages (to show only the links a
// user may follow); the server checks again on every load and action.
export const ROLES = ['admin', 'designer', 'analyst', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
	admin: '管理者',
	designer: '企画・設計',
	analyst: '分析',
	clerk: '入力'
};

/** Whether a user with these roles may act as one of `needed` (an admin may do everything). */
export function allows(roles: readonly Role[], needed: readonly Role[]): boolean {
	return roles.includes('admin') || needed.length === 0 || needed.some((r) => roles.includes(r));
}
