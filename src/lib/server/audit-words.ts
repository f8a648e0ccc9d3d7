// The audit log in words, as an administrator reads it on the page and in the CSV: every kind
// of event the app writes, its name, the group it belongs to, and its details as a sentence
// (「データのダウンロード：回答一覧（コード・UTF-8 BOM付き）」). Pure: names of surveys and
// people come in as lookups. A kind of event is written only under a name listed here (the
// writer takes an AuditAction), and a test holds every kind to its words.
import { ROLE_NAMES, type Role } from '$lib/staff/roles';
import { formatDate, formatTime } from '$lib/dates';
import { sizeText } from './form-body';
import type { Person } from './audit';

export type Detail = Record<string, unknown>;

/** Names the log refers to by id or address, as they are now. */
export interface AuditNames {
	timeZone: string;
	/** A survey's title by its address (slug) and by its id. */
	surveysBySlug: Record<string, string>;
	surveysById: Record<number, string>;
	/** A member of staff's display name by id. */
	users: Record<number, string>;
	/** A questionnaire version's number by its id. */
	versions: Record<number, number>;
	projects: Record<number, string>;
	indicators: Record<number, string>;
}

export const AUDIT_GROUPS = {
	login: 'ログイン',
	account: 'アカウント',
	survey: '調査と調査票',
	paper: '紙の調査票',
	projects: '重点プロジェクト',
	results: '集計結果',
	download: 'ダウンロード'
} as const;
export type AuditGroup = keyof typeof AUDIT_GROUPS;

interface Wording {
	group: AuditGroup;
	/** The kind's name: in the filter, and first in the sentence. */
	name: string;
	/** The details in words ('' when there is nothing to add to the name). */
	says?: (d: Detail, names: AuditNames) => string;
}

// ---- reading a detail defensively (an old row may lack a field) ------------------------------

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const many = (n: unknown, unit = '件') => (num(n) === undefined ? '' : `${num(n)!.toLocaleString('ja-JP')} ${unit}`);
const joined = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join('・');
/** A repeated event folded into one row: how many times. */
const times = (d: Detail) => (num(d.count) === undefined ? '' : `（${many(d.count, '回')}）`);
const roles = (v: unknown) =>
	Array.isArray(v) && v.length ? v.map((r) => ROLE_NAMES[r as Role] ?? String(r)).join('・') : '役割なし';
const moment = (iso: unknown, names: AuditNames) =>
	str(iso) && !Number.isNaN(Date.parse(iso as string))
		? `${formatDate(iso as string, 'ja', names.timeZone)} ${formatTime(iso as string, 'ja', names.timeZone)}`
		: '指定なし';
const version = (id: unknown, names: AuditNames) => {
	const n = num(id) === undefined ? undefined : names.versions[num(id)!];
	return n === undefined ? '' : `第${n}版`;
};
const quoted = (v: unknown) => (str(v) ? `「${v}」` : '');

const DATA_KINDS: Record<string, string> = { wide: '回答一覧', long: '回答一覧（縦長）', codebook: 'コードブック', aggregate: '単純集計表' };
const VALUES: Record<string, string> = { codes: 'コード', labels: '選択肢の文言' };
const SCRIPTS: Record<string, string> = { r: '回答一覧を読み込む R のスクリプト', sps: '回答一覧を読み込む SPSS のシンタックス' };
// A no-break space: 「UTF-8 BOM付き」 is one name, never split over two lines.
const ENCODINGS: Record<string, string> = { utf8bom: 'UTF-8\u00a0BOM付き', utf8: 'UTF-8', cp932: 'Shift_JIS' };
const SOURCES: Record<string, string> = { blank: '白紙から', template: 'ひな形から', clone: '調査の複製', json: 'JSON ファイルから', csv: 'CSV ファイルから' };
const LOGIN_FAILURES: Record<string, string> = {
	'unknown-id': '登録のないログインID',
	'wrong-password': 'パスワードの誤り',
	disabled: '無効にしたアカウント'
};

const dataExport = (d: Detail) => {
	const format = str(d.format) ?? 'csv';
	// The R and SPSS scripts hold the codebook only: what they read is downloaded on its own.
	if (Object.hasOwn(SCRIPTS, format)) return SCRIPTS[format];
	const kind = DATA_KINDS[str(d.kind) ?? ''] ?? 'データ';
	// A codebook is the same whichever values were asked for; a workbook has no encoding to choose.
	const how = joined(
		format === 'xlsx' && 'Excel',
		d.kind !== 'codebook' && VALUES[str(d.values) ?? ''],
		format !== 'xlsx' && ENCODINGS[str(d.encoding) ?? ''],
		// Demo responses left out (the data page's choice): a codebook has no responses either way.
		d.kind !== 'codebook' && d.leaveOutSynthetic === true && '合成データを除く',
		d.kind !== 'codebook' && d.oneLine === true && '改行を空白に'
	);
	return how ? `${kind}（${how}）` : kind;
};

const sessions = (d: Detail) => (num(d.sessions) === undefined ? '' : `ログイン中だった ${many(d.sessions)}を終了`);

/** The audit log's own filter, as the download recorded it. */
function filterWords(d: Detail, names: AuditNames): string {
	const f = (d.filter && typeof d.filter === 'object' ? d.filter : {}) as Detail;
	const person = str(f.person);
	const kind = str(f.kind);
	const from = str(f.from), to = str(f.to);
	const parts = [
		person && `職員：${PEOPLE[person as keyof typeof PEOPLE] ?? names.users[Number(person)] ?? `ID ${person}`}`,
		kind && `種類：${kindName(kind)}`,
		(from || to) && `期間：${from ?? ''}〜${to ?? ''}`
	].filter(Boolean);
	return parts.length ? `絞り込み（${parts.join('、')}）` : 'すべての記録';
}

/** Those the filter can choose who are no account. */
export const PEOPLE: Record<Exclude<Person, { id: number }>, string> = { unregistered: '登録のないログインID', system: 'システム' };

/** Who did it: a member of staff by name, a login id nobody has (a failed login), or the system. */
export function actorWords(actorId: number | null, actor: string, names: AuditNames): { name: string; loginId: string } {
	if (actorId !== null) return { name: names.users[actorId] ?? actor, loginId: actor };
	return actor ? { name: PEOPLE.unregistered, loginId: actor } : { name: PEOPLE.system, loginId: '' };
}

const WORDS = {
	'login.success': { group: 'login', name: 'ログイン' },
	'login.failure': {
		group: 'login',
		name: 'ログインの失敗',
		says: (d) => `${LOGIN_FAILURES[str(d.reason) ?? ''] ?? '理由不明'}${times(d)}`
	},
	'login.throttled': { group: 'login', name: 'ログインの一時制限', says: (d) => `失敗が続いたため受け付けませんでした${times(d)}` },
	logout: { group: 'login', name: 'ログアウト' },
	'session.logout-all': { group: 'login', name: 'すべての端末からログアウト', says: sessions },

	'user.first-admin': { group: 'account', name: '最初の管理者の作成' },
	'user.create': { group: 'account', name: 'ユーザーの作成', says: (d) => `${str(d.email) ?? ''}（${roles(d.roles)}）` },
	'user.update': {
		group: 'account',
		name: 'ユーザー情報の変更',
		says: (d) => joined(str(d.displayName) && `表示名${quoted(d.displayName)}`, str(d.email) && `ログインID ${d.email}`)
	},
	'user.roles': { group: 'account', name: '役割の変更', says: (d) => `${roles(d.from)} → ${roles(d.to)}` },
	'user.disable': { group: 'account', name: 'ユーザーの無効化' },
	'user.enable': { group: 'account', name: 'ユーザーの有効化' },
	'user.password': { group: 'account', name: 'パスワードの変更' },
	'user.password.failure': { group: 'account', name: 'パスワード変更の失敗', says: (d) => `現在のパスワードの誤り${times(d)}` },
	'user.password-reset': { group: 'account', name: 'パスワードの再設定' },
	'user.sessions-ended': { group: 'account', name: 'ログイン中の端末の終了', says: sessions },

	'survey.create': {
		group: 'survey',
		name: '調査の作成',
		says: (d, names) =>
			joined(
				d.source === 'clone'
					? `${quoted(names.surveysById[num(d.cloneOf) ?? -1]) || '別の調査'}の複製`
					: SOURCES[str(d.source) ?? ''],
				quoted(d.title),
				num(d.fiscalYear) !== undefined && `${d.fiscalYear}年度`,
				Array.isArray(d.sameTitleAs) && d.sameTitleAs.length > 0 && `同じ題名の調査（${d.sameTitleAs.join('、')}）があることを確認のうえ`
			)
	},
	'survey.settings': {
		group: 'survey',
		name: '調査の設定の変更',
		says: (d, names) => {
			const contact = (d.contact && typeof d.contact === 'object' ? d.contact : {}) as { office?: Record<string, string>; phone?: string };
			return joined(
				str(d.slug) && `アドレス ${d.slug}`,
				num(d.fiscalYear) !== undefined && `${d.fiscalYear}年度`,
				`受付 ${moment(d.opensAt, names)}〜${moment(d.closesAt, names)}`,
				num(d.minCellSize) !== undefined && `集計を伏せる人数 ${d.minCellSize} 人未満`,
				num(d.retentionYears) !== undefined && `保存期間 ${d.retentionYears} 年`,
				num(d.minutes) !== undefined && `所要時間 ${d.minutes} 分`,
				typeof d.resultsPublic === 'boolean' && `結果の公開 ${d.resultsPublic ? 'する' : 'しない'}`,
				typeof d.invitationRequired === 'boolean' && `招待コード ${d.invitationRequired ? '必要' : '不要'}`,
				num(d.distributedWithoutCodes) !== undefined && `招待コードなしの配布 ${many(d.distributedWithoutCodes, '通')}`,
				str(d.openDataLicence) && `オープンデータのライセンス ${d.openDataLicence}`,
				str(contact.office?.ja) && `問い合わせ先 ${contact.office!.ja}${str(contact.phone) ? `（${contact.phone}）` : ''}`
			);
		}
	},
	'survey.publish': { group: 'survey', name: '調査票の公開', says: (d, names) => version(d.versionId, names) },
	'survey.close': { group: 'survey', name: '受付の終了' },
	'survey.reopen': { group: 'survey', name: '受付の再開' },
	'survey.archive': { group: 'survey', name: '調査のアーカイブ' },
	'survey.discard-draft': { group: 'survey', name: '下書きの破棄' },
	'survey.responses-deleted': {
		group: 'survey',
		name: '回答の削除',
		says: (d) => `保存期間${num(d.retentionYears) === undefined ? '' : `（${d.retentionYears} 年）`}が過ぎた回答 ${many(d.count) || '（件数不明）'}`
	},
	'invitation.issue': {
		group: 'survey',
		name: '招待コードの発行',
		says: (d) => `${many(d.count)}${num(d.batchId) === undefined ? '' : `（発行番号 ${d.batchId}）`}${str(d.stratum) ? `・抽出の層 ${d.stratum}` : ''}`
	},
	'invitation.withdraw': {
		group: 'survey',
		name: '招待コードの無効化',
		says: (d) => `${num(d.batchId) === undefined ? '' : `発行番号 ${d.batchId} の`}使われていないコード ${many(d.withdrawn)}`
	},
	'submit.limited': { group: 'survey', name: '回答の送信の制限', says: (d) => `短い間に送信が集中したため受け付けませんでした${times(d)}` },

	'paper.entry': { group: 'paper', name: '紙の調査票の入力', says: (d) => `${many(d.count)}（この日の合計）` },
	'paper.import': { group: 'paper', name: '紙の調査票の取り込み', says: (d) => `${many(d.count)}（この日の合計）` },

	'project.save': {
		group: 'projects',
		name: '重点プロジェクトの保存',
		says: (d) => `${num(d.number) === undefined ? '' : `重点プロジェクト${d.number}`}${quoted(d.name)}`
	},
	'project.delete': { group: 'projects', name: '重点プロジェクトの削除' },
	'indicator.save': {
		group: 'projects',
		name: '指標の保存',
		says: (d) =>
			`${quoted(d.name)}${str(d.questionKey) ? `（${d.questionKey}${Array.isArray(d.codes) && d.codes.length ? ` の ${d.codes.join('・')}` : ''}）` : ''}`
	},
	'indicator.delete': { group: 'projects', name: '指標の削除' },

	'results.text': {
		group: 'results',
		name: '自由記述の閲覧',
		says: (d) => `${str(d.question) ?? ''}（${str(d.search) ? `「${d.search}」で検索・` : ''}${many(d.shown)}を表示）`
	},
	'weights.save': {
		group: 'results',
		name: 'ウェイトの読み込み',
		says: (d) =>
			joined(
				`人口の表 ${many(d.rows, '行')}${num(d.joint) ? `（うち組み合わせ ${many(d.joint, '行')}）` : ''}`,
				str(d.note) && `メモ${quoted(d.note)}`
			)
	},
	'weights.trim': {
		group: 'results',
		name: 'ウェイトの上限・下限の設定',
		says: (d) => `上限 ${num(d.upper) ?? 'なし'}・下限 ${num(d.lower) ?? 'なし'}`
	},
	'weights.clear': { group: 'results', name: 'ウェイトの削除' },

	'export.raw': { group: 'download', name: 'データのダウンロード（回答）', says: dataExport },
	'export.codebook': { group: 'download', name: 'データのダウンロード（コードブック）', says: dataExport },
	'export.aggregate': { group: 'download', name: 'データのダウンロード（単純集計表）', says: dataExport },
	'export.crosstab': {
		group: 'download',
		name: 'クロス集計表のダウンロード',
		says: (d) => `${str(d.of) ?? ''} × ${str(d.by) ?? ''}${str(d.filters) ? `（絞り込み：${d.filters}）` : ''}${d.format === 'xlsx' ? '（Excel）' : ''}`
	},
	'export.response-rates': {
		group: 'download',
		name: '配布数と回収率のダウンロード',
		says: (d) => ENCODINGS[str(d.encoding) ?? ''] ?? ''
	},
	'export.questionnaire': {
		group: 'download',
		name: '調査票のダウンロード',
		says: (d) => `${num(d.version) === undefined ? '' : `第${d.version}版`}（${d.format === 'csv' ? 'CSV' : 'JSON'}）`
	},
	'export.invitations': { group: 'download', name: '招待コードのダウンロード', says: (d) => many(d.count) },
	'export.audit': { group: 'download', name: '監査ログのダウンロード', says: filterWords },
	'export.backup': {
		group: 'download',
		name: 'バックアップのダウンロード',
		says: (d) => `${joined(num(d.surveys) !== undefined && `調査 ${many(d.surveys)}`, num(d.responses) !== undefined && `回答 ${many(d.responses)}`)}${num(d.bytes) === undefined ? '' : `（${sizeText(num(d.bytes)!)}）`}`
	}
} satisfies Record<string, Wording>;

/** Every kind of event the app writes to the audit log. */
export type AuditAction = keyof typeof WORDS;
export const AUDIT_ACTIONS = Object.keys(WORDS) as AuditAction[];

const wording = (action: string): Wording | undefined => (Object.hasOwn(WORDS, action) ? WORDS[action as AuditAction] : undefined);

/** The sentence's first part for a data export: the page it came from, as the issue words it. */
const HEADINGS: Partial<Record<AuditAction, string>> = {
	'export.raw': 'データのダウンロード',
	'export.codebook': 'データのダウンロード',
	'export.aggregate': 'データのダウンロード'
};

/** A kind's or a group's name, as the filter offers it (an unknown one as it is). */
export function kindName(kind: string): string {
	if (Object.hasOwn(AUDIT_GROUPS, kind)) return `${AUDIT_GROUPS[kind as AuditGroup]}のすべて`;
	return wording(kind)?.name ?? kind;
}

/** The actions a filter's kind stands for: a group's, or the one named; none when unknown. */
export function actionsOf(kind: string): AuditAction[] {
	if (Object.hasOwn(AUDIT_GROUPS, kind)) return AUDIT_ACTIONS.filter((a) => WORDS[a].group === kind);
	return wording(kind) ? [kind as AuditAction] : [];
}

/** The filter's choices: each group, then its kinds. */
export const KIND_CHOICES = (Object.keys(AUDIT_GROUPS) as AuditGroup[]).map((group) => ({
	group,
	name: AUDIT_GROUPS[group],
	kinds: AUDIT_ACTIONS.filter((a) => WORDS[a].group === group).map((a) => ({ value: a, name: WORDS[a].name }))
}));

/** A value of a detail nobody gave words to, plainly: never as JSON. */
function plain(value: unknown): string {
	if (Array.isArray(value)) return value.map(plain).join('・');
	if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k} ${plain(v)}`).join('・');
	return String(value);
}

/** What an event did, in a sentence: its kind's name, then its details. */
export function eventWords(action: string, detail: Detail, names: AuditNames): string {
	const known = wording(action);
	if (!known) {
		// A kind from an older version of the app, still in the log.
		const rest = Object.entries(detail).map(([k, v]) => `${k} ${plain(v)}`).join('・');
		return `記録の種類「${action}」${rest ? `：${rest}` : ''}`;
	}
	const says = known.says?.(detail, names) ?? '';
	const heading = HEADINGS[action as AuditAction] ?? known.name;
	return says ? `${heading}：${says}` : heading;
}

/** What an event was done to (a survey, an account, a project), by its name where it still has one. */
export function targetWords(target: string, names: AuditNames): string {
	const [type, ref] = [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)];
	const id = /^\d+$/.test(ref) ? Number(ref) : undefined;
	switch (type) {
		case 'survey':
			return names.surveysBySlug[ref] ? `${names.surveysBySlug[ref]}（${ref}）` : `調査 ${ref}`;
		case 'user':
			// The first administrator is named by login id.
			return id === undefined ? ref : (names.users[id] ?? `ユーザー（ID ${id}）`);
		case 'project':
			return (id !== undefined && names.projects[id]) || `重点プロジェクト（ID ${ref}、削除済み）`;
		case 'indicator':
			return (id !== undefined && names.indicators[id]) || `指標（ID ${ref}、削除済み）`;
		default:
			return target;
	}
}
