// Japanese names for survey phases and audit actions on the staff pages.
export const PHASE_NAMES: Record<string, string> = {
	draft: '下書き',
	scheduled: '公開予定',
	open: '回答受付中',
	closed: '終了',
	archived: 'アーカイブ'
};

export const ACTION_NAMES: Record<string, string> = {
	'login.success': 'ログイン',
	'login.failure': 'ログイン失敗',
	'login.throttled': 'ログイン制限',
	logout: 'ログアウト',
	'session.logout-all': 'すべての端末からログアウト',
	'user.first-admin': '最初の管理者を作成',
	'user.create': 'ユーザー作成',
	'user.update': 'ユーザー変更',
	'user.roles': '役割の変更',
	'user.disable': 'ユーザー無効化',
	'user.enable': 'ユーザー有効化',
	'user.password': 'パスワード変更',
	'user.password-reset': 'パスワード再設定',
	'user.sessions-ended': 'ログイン中の端末をすべて終了',
	'survey.create': '調査の作成',
	'survey.settings': '調査の設定変更',
	'survey.publish': '調査の公開',
	'survey.close': '調査の終了',
	'survey.reopen': '調査の再開',
	'survey.archive': '調査のアーカイブ',
	'survey.discard-draft': '下書きの破棄',
	'export.questionnaire': '調査票のダウンロード',
	'invitation.issue': '招待コードの発行',
	'invitation.withdraw': '招待コードの無効化',
	'export.invitations': '招待コードのダウンロード',
	'project.save': '重点プロジェクトの保存',
	'project.delete': '重点プロジェクトの削除',
	'indicator.save': '指標の保存',
	'indicator.delete': '指標の削除',
	'export.audit': '監査ログのダウンロード',
	'export.backup': 'バックアップのダウンロード',
	'export.raw': '個票データのダウンロード',
	'export.codebook': 'コードブックのダウンロード',
	'export.aggregate': '集計表のダウンロード',
	'export.crosstab': 'クロス集計表のダウンロード',
	'results.text': '自由記述の閲覧',
	'weights.save': 'ウェイト（人口の表）の読み込み',
	'weights.clear': 'ウェイトの削除',
	'paper.entry': '紙の調査票の入力',
	'paper.import': '紙の調査票の取り込み'
};

export const actionName = (action: string) => ACTION_NAMES[action] ?? action;
