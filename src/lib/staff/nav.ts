// The staff navigation: each link with the roles that may follow it. The server checks the
// same roles again on the page itself.
import type { Role } from './roles';

export interface NavLink {
	href: string;
	label: string;
	/** Empty: every member of staff. */
	roles: Role[];
}

export const NAV: NavLink[] = [
	{ href: '/admin', label: 'ダッシュボード', roles: [] },
	{ href: '/admin/surveys', label: '調査票', roles: ['designer'] },
	{ href: '/admin/projects', label: '重点プロジェクト', roles: ['designer'] },
	{ href: '/admin/results', label: '集計結果', roles: ['analyst'] },
	{ href: '/admin/data', label: 'データのダウンロード', roles: ['analyst'] },
	{ href: '/admin/paper', label: '紙の調査票の入力', roles: ['clerk'] },
	{ href: '/admin/users', label: 'ユーザー管理', roles: ['admin'] },
	{ href: '/admin/audit', label: '監査ログ', roles: ['admin'] },
	{ href: '/admin/backup', label: 'バックアップ', roles: ['admin'] },
	{ href: '/admin/account', label: 'パスワード変更', roles: [] }
];
