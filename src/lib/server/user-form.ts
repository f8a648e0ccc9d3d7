// The staff-account form (create and edit share it), as a form schema.
import { ROLES } from '$lib/staff/roles';
import type { DB } from './db';
import * as users from './users';
import { all, checkbox, formObject, text } from './form-schema';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The account form; the login id must not be another account's (but account `exceptId`'s own). */
export const userForm = (db: DB, exceptId = 0) =>
	formObject({
		email: text({ max: 254, pattern: EMAIL, message: 'ログインIDには、メールアドレスの形で入力してください。' }).refine(
			(email) => !users.emailTaken(db, email, exceptId),
			{ error: 'このログインIDはすでに使われています。' }
		),
		displayName: text({ required: true, max: 100, message: '表示名を 100 文字以内で入力してください。' }),
		roles: all({ among: ROLES, min: 1, message: '役割を 1 つ以上選んでください。' }),
		disabled: checkbox()
	});
