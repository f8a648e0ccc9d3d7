// Reads and checks the staff-account form (create and edit share it).
import { ROLES, type Role } from '$lib/staff/roles';
import type { FormFields } from './form-body';

export interface UserForm {
	email: string;
	displayName: string;
	roles: Role[];
	disabled: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function readUserForm(data: FormFields): { values: UserForm; problems: string[] } {
	const values: UserForm = {
		email: String(data.get('email') ?? '').trim(),
		displayName: String(data.get('displayName') ?? '').trim(),
		roles: data.getAll('roles').filter((r): r is Role => ROLES.includes(r as Role)),
		disabled: data.get('disabled') === 'on'
	};
	const problems: string[] = [];
	if (!EMAIL.test(values.email) || values.email.length > 254)
		problems.push('ログインIDには、メールアドレスの形で入力してください。');
	if (!values.displayName || values.displayName.length > 100)
		problems.push('表示名を 100 文字以内で入力してください。');
	if (values.roles.length === 0) problems.push('役割を 1 つ以上選んでください。');
	return { values, problems };
}
