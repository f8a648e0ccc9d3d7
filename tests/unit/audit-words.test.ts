// The audit log in words: every kind of event the app writes has a name and words for its
// details, none shows JSON, and a kind written anywhere in the code without words fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, actionsOf, actorWords, eventWords, kindName, targetWords, type AuditAction, type AuditNames, type Detail } from '../../src/lib/server/audit-words';

const NAMES: AuditNames = {
	timeZone: 'Asia/Tokyo',
	surveysBySlug: { 'digital-2022': '令和4年度 デジタル活用アンケート' },
	surveysById: { 1: '令和4年度 デジタル活用アンケート' },
	users: { 3: '山口 花子', 7: '入力 太郎' },
	versions: { 12: 2 },
	projects: { 4: '重点プロジェクト7「デジタル市役所」' },
	indicators: { 9: '指標「オンライン申請の利用」' }
};

/** Each kind with details as its writer records them, and the words an administrator reads. */
const SAMPLES: Record<AuditAction, [Detail, string]> = {
	'login.success': [{}, 'ログイン'],
	'login.failure': [{ reason: 'wrong-password', count: 3 }, 'ログインの失敗：パスワードの誤り（3 回）'],
	'login.throttled': [{ count: 1 }, 'ログインの一時制限：失敗が続いたため受け付けませんでした（1 回）'],
	logout: [{}, 'ログアウト'],
	'session.logout-all': [{ sessions: 2 }, 'すべての端末からログアウト：ログイン中だった 2 件を終了'],
	'user.first-admin': [{}, '最初の管理者の作成'],
	'user.create': [{ email: 'taro@city.example', roles: ['designer', 'analyst'] }, 'ユーザーの作成：taro@city.example（企画・設計・分析）'],
	'user.update': [{ email: 'taro@city.example', displayName: '山口 太郎' }, 'ユーザー情報の変更：表示名「山口 太郎」・ログインID taro@city.example'],
	'user.roles': [{ from: ['clerk'], to: [] }, '役割の変更：入力 → 役割なし'],
	'user.disable': [{}, 'ユーザーの無効化'],
	'user.enable': [{}, 'ユーザーの有効化'],
	'user.password': [{}, 'パスワードの変更'],
	'user.password.failure': [{ count: 2 }, 'パスワード変更の失敗：現在のパスワードの誤り（2 回）'],
	'user.password-reset': [{}, 'パスワードの再設定'],
	'user.sessions-ended': [{ sessions: 1 }, 'ログイン中の端末の終了：ログイン中だった 1 件を終了'],
	'survey.create': [
		{ source: 'clone', cloneOf: 1, title: '令和9年度 デジタル活用アンケート', sameTitleAs: ['digital-2027'] },
		'調査の作成：「令和4年度 デジタル活用アンケート」の複製・「令和9年度 デジタル活用アンケート」・同じ題名の調査（digital-2027）があることを確認のうえ'
	],
	'survey.settings': [
		{
			slug: 'digital-2026', fiscalYear: 2026, opensAt: '2026-06-01T00:00:00.000Z', closesAt: null, minCellSize: 10, resultsPublic: true,
			invitationRequired: false, retentionYears: 5, minutes: 15, contact: { office: { ja: 'デジタル推進課' }, phone: '083-934-2700', hours: { ja: '平日' } },
			distributedWithoutCodes: 1200, openDataLicence: 'CC-BY-4.0'
		},
		'調査の設定の変更：アドレス digital-2026・2026年度・受付 2026年6月1日 9:00〜指定なし・集計を伏せる人数 10 人未満・保存期間 5 年・所要時間 15 分・結果の公開 する・招待コード 不要・招待コードなしの配布 1,200 通・オープンデータのライセンス CC-BY-4.0・問い合わせ先 デジタル推進課（083-934-2700）'
	],
	'survey.publish': [{ versionId: 12 }, '調査票の公開：第2版'],
	'survey.close': [{}, '受付の終了'],
	'survey.reopen': [{}, '受付の再開'],
	'survey.archive': [{}, '調査のアーカイブ'],
	'survey.discard-draft': [{}, '下書きの破棄'],
	'survey.responses-deleted': [{ count: 1234, retentionYears: 5 }, '回答の削除：保存期間（5 年）が過ぎた回答 1,234 件'],
	'invitation.issue': [{ batchId: 3, count: 500, stratum: 'F3=20' }, '招待コードの発行：500 件（発行番号 3）・抽出の層 F3=20'],
	'invitation.withdraw': [{ batchId: 3, withdrawn: 120 }, '招待コードの無効化：発行番号 3 の使われていないコード 120 件'],
	'submit.limited': [{ count: 40 }, '回答の送信の制限：短い間に送信が集中したため受け付けませんでした（40 回）'],
	'paper.entry': [{ count: 12 }, '紙の調査票の入力：12 件（この日の合計）'],
	'paper.import': [{ count: 300 }, '紙の調査票の取り込み：300 件（この日の合計）'],
	'project.save': [{ number: 7, name: 'デジタル市役所' }, '重点プロジェクトの保存：重点プロジェクト7「デジタル市役所」'],
	'project.delete': [{}, '重点プロジェクトの削除'],
	'indicator.save': [{ name: 'オンライン申請の利用', questionKey: 'T2', codes: [1, 2] }, '指標の保存：「オンライン申請の利用」（T2 の 1・2）'],
	'indicator.delete': [{}, '指標の削除'],
	'results.text': [{ question: 'C4', search: '窓口', shown: 8 }, '自由記述の閲覧：C4（「窓口」で検索・8 件を表示）'],
	'weights.save': [{ rows: 24, joint: 20, note: '令和2年国勢調査' }, 'ウェイトの読み込み：人口の表 24 行（うち組み合わせ 20 行）・メモ「令和2年国勢調査」'],
	'weights.trim': [{ upper: 5, lower: null }, 'ウェイトの上限・下限の設定：上限 5・下限 なし'],
	'weights.clear': [{}, 'ウェイトの削除'],
	'export.raw': [{ kind: 'wide', values: 'codes', encoding: 'utf8bom', leaveOutSynthetic: true }, 'データのダウンロード：回答一覧（コード・UTF-8\u00a0BOM付き・合成データを除く）'],
	'export.codebook': [{ kind: 'codebook', values: 'codes', encoding: 'cp932' }, 'データのダウンロード：コードブック（Shift_JIS）'],
	'export.aggregate': [{ kind: 'aggregate', values: 'labels', encoding: 'utf8' }, 'データのダウンロード：単純集計表（選択肢の文言・UTF-8）'],
	'export.crosstab': [{ of: 'T2', by: 'F1', filters: '回答方法：ウェブ' }, 'クロス集計表のダウンロード：T2 × F1（絞り込み：回答方法：ウェブ）'],
	'export.response-rates': [{ encoding: 'cp932' }, '配布数と回収率のダウンロード：Shift_JIS'],
	'export.questionnaire': [{ version: 2, format: 'csv' }, '調査票のダウンロード：第2版（CSV）'],
	'export.invitations': [{ count: 500 }, '招待コードのダウンロード：500 件'],
	'export.audit': [{ filter: { person: '7', kind: 'paper', from: '2026-04-01' } }, '監査ログのダウンロード：絞り込み（職員：入力 太郎、種類：紙の調査票のすべて、期間：2026-04-01〜）'],
	'export.backup': [{ bytes: 5 * 1024 ** 2, responses: 3400, surveys: 2 }, 'バックアップのダウンロード：調査 2 件・回答 3,400 件（5 MB）']
};

describe('the audit log in words', () => {
	it('has a sample here for every kind of event, and no sample of a kind that is not', () => {
		expect(Object.keys(SAMPLES).sort()).toEqual([...AUDIT_ACTIONS].sort());
	});

	it.each(Object.entries(SAMPLES))('words %s', (action, [detail, words]) => {
		expect(eventWords(action, detail, NAMES)).toBe(words);
	});

	it('words an Excel download and the statistics scripts for what they are', () => {
		expect(eventWords('export.raw', { kind: 'wide', values: 'codes', encoding: 'utf8bom', format: 'xlsx', oneLine: false }, NAMES)).toBe('データのダウンロード：回答一覧（Excel・コード）');
		expect(eventWords('export.raw', { kind: 'wide', values: 'codes', encoding: 'utf8', format: 'csv', oneLine: true }, NAMES)).toBe('データのダウンロード：回答一覧（コード・UTF-8・改行を空白に）');
		expect(eventWords('export.codebook', { kind: 'wide', format: 'sps' }, NAMES)).toBe('データのダウンロード：回答一覧を読み込む SPSS のシンタックス');
		expect(eventWords('export.crosstab', { of: 'T2', by: 'F1', filters: '', format: 'xlsx' }, NAMES)).toBe('クロス集計表のダウンロード：T2 × F1（Excel）');
	});

	it('never shows JSON, even for details an old row lacks or a kind the app no longer writes', () => {
		for (const action of AUDIT_ACTIONS) {
			for (const detail of [{}, { count: 'x', roles: 'admin', filter: null, kind: 42 }]) {
				const words = eventWords(action, detail, NAMES);
				expect(words, action).not.toMatch(/[{}"]|undefined|NaN|null/);
				expect(words.startsWith(kindName(action)) || words.startsWith('データのダウンロード'), action).toBe(true);
			}
		}
		expect(eventWords('old.kind', { kind: 'wide', list: [1, 2], nested: { a: 1 } }, NAMES)).toBe('記録の種類「old.kind」：kind wide・list 1・2・nested a 1');
	});

	it('names what an event was done to, and who did it', () => {
		expect(targetWords('survey:digital-2022', NAMES)).toBe('令和4年度 デジタル活用アンケート（digital-2022）');
		expect(targetWords('survey:gone', NAMES)).toBe('調査 gone');
		expect(targetWords('user:3', NAMES)).toBe('山口 花子');
		expect(targetWords('user:admin@localhost', NAMES)).toBe('admin@localhost');
		expect(targetWords('project:4', NAMES)).toBe('重点プロジェクト7「デジタル市役所」');
		expect(targetWords('project:5', NAMES)).toBe('重点プロジェクト（ID 5、削除済み）');
		expect(targetWords('indicator:9', NAMES)).toBe('指標「オンライン申請の利用」');
		expect(actorWords(3, 'hanako@city.example', NAMES)).toEqual({ name: '山口 花子', loginId: 'hanako@city.example' });
		expect(actorWords(null, 'nobody@city.example', NAMES)).toEqual({ name: '登録のないログインID', loginId: 'nobody@city.example' });
		expect(actorWords(null, '', NAMES)).toEqual({ name: 'システム', loginId: '' });
	});

	it('filters by a kind or by a whole group of kinds', () => {
		expect(actionsOf('paper.entry')).toEqual(['paper.entry']);
		expect(actionsOf('paper')).toEqual(['paper.entry', 'paper.import']);
		expect(actionsOf('download')).toContain('export.raw');
		expect(actionsOf('nothing')).toEqual([]);
		expect(kindName('login')).toBe('ログインのすべて');
	});

	it('has words for every kind the code writes to the log', () => {
		const written = new Set<string>();
		const patterns: string[] = [];
		const walk = (dir: string): string[] =>
			fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
		for (const file of walk('src').filter((f) => /\.(ts|svelte)$/.test(f))) {
			const source = fs.readFileSync(file, 'utf8');
			for (const call of source.matchAll(/audit\.(?:record|recordFolded|countForDay)\(([^;]*)\);/g)) {
				// The kind is the first quoted text of the call that reads as one (a fold key has a colon).
				const kind = [...call[1].matchAll(/(['`])([^'`]*)\1/g)].map((m) => m[2]).find((t) => /^[a-z${}-]+(\.[a-z${}-]+)*$/.test(t));
				if (!kind) continue;
				if (kind.includes('${')) patterns.push(kind);
				else written.add(kind);
			}
		}
		// Enough calls were found for the search to mean something.
		expect(written.size).toBeGreaterThan(30);
		for (const kind of written) expect(AUDIT_ACTIONS, kind).toContain(kind);
		for (const pattern of patterns) {
			const re = new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\$\{\w+\}/g, '[a-z-]+')}$`);
			expect(AUDIT_ACTIONS.some((a) => re.test(a)), pattern).toBe(true);
		}
	});
});
