// The staff navigation: each link with the roles that may follow it. The server checks the
// same roles again on the page itself. The dashboard is the header's name link and the
// password change is in its account menu, so every link here is some role's own work.
import type { Role } from './roles';

export interface NavLink {
	href: string;
	label: string;
	/** Empty: every member of staff. */
	roles: Role[];
}

export const NAV: NavLink[] = [
	{ href: '/admin/surveys', label: '調査票', roles: ['designer'] },
	{ href: '/admin/projects', label: '重点プロジェクト', roles: ['designer'] },
	{ href: '/admin/results', label: '集計結果', roles: ['analyst'] },
	{ href: '/admin/data', label: 'データのダウンロード', roles: ['analyst'] },
	{ href: '/admin/paper', label: '紙の調査票の入力', roles: ['clerk'] },
	{ href: '/admin/users', label: 'ユーザー管理', roles: ['admin'] },
	{ href: '/admin/audit', label: '監査ログ', roles: ['admin'] },
	{ href: '/admin/backup', label: 'バックアップ', roles: ['admin'] }
];
