// The audit log's page and CSV on a real database: filtered by person, kind (one or a group)
// and Japanese days from the address; a filter that cannot be read is told in words and
// filters nothing by a guess; the CSV says what the page says, with the record beside it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';

// Before any import reads the configuration (imports are hoisted above plain statements).
const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

let db: Database.Database;
const admin = { id: 0, email: 'admin@city.example', displayName: '管理 一郎', roles: ['admin'], mustChangePassword: false };
const clerk = { id: 0, email: 'clerk@city.example', displayName: '入力 花子', roles: ['clerk'], mustChangePassword: false };

type Load = (event: never) => {
	problems: string[];
	total: number;
	query: Record<string, string>;
	events: { words: string; target: string; actor: { name: string; loginId: string } }[];
	people: { value: string; name: string }[];
};
let load: Load;
let GET: (event: never) => Response;

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	const users = await import('../../src/lib/server/users');
	const surveys = await import('../../src/lib/server/surveys');
	const audit = await import('../../src/lib/server/audit');
	surveys.installBundled(db);
	admin.id = await users.create(db, { ...admin, roles: ['admin'], password: 'kansa-no-kiroku-2026' });
	clerk.id = await users.create(db, { ...clerk, roles: ['clerk'], password: 'kami-no-nyuuryoku-2026' });
	audit.record(db, admin, 'export.raw', 'survey:digital-2022', { kind: 'wide', values: 'codes', encoding: 'utf8bom' });
	audit.countForDay(db, clerk, 'paper.entry', 'survey:digital-2022', '2026-04-01', 3);
	audit.countForDay(db, clerk, 'paper.import', 'survey:digital-2022', '2026-04-02', 10);
	audit.record(db, { id: null, email: 'nobody@city.example' }, 'login.failure', '', { reason: 'unknown-id', count: 2 });
	load = (await import('../../src/routes/admin/(staff)/audit/+page.server')).load as never;
	GET = (await import('../../src/routes/admin/(staff)/audit/export/+server')).GET as never;
});
afterAll(() => {
	db.close();
	temp.remove();
});

const event = (url: string) =>
	({ url: new URL(url, 'http://localhost'), params: {}, locals: { lang: 'ja', textSize: 'normal', user: admin, session: null } }) as never;
const page = (query: string) => load(event(`/admin/audit${query}`));

describe('the audit log page', () => {
	it('says every event in words, with who did it and to what', () => {
		const all = page('');
		expect(all.problems).toEqual([]);
		const words = all.events.map((e) => e.words);
		expect(words).toContain('データのダウンロード：回答一覧（コード・UTF-8\u00a0BOM付き）');
		expect(words).toContain('紙の調査票の入力：3 件（この日の合計）');
		expect(words.join()).not.toMatch(/[{}"]/);
		const download = all.events.find((e) => e.words.startsWith('データのダウンロード'))!;
		expect(download.actor).toEqual({ name: '管理 一郎', loginId: 'admin@city.example' });
		expect(download.target).toBe('令和4年度 山口市 市民のデジタル活用に関するアンケート（digital-2022）');
		expect(all.people.map((p) => p.name)).toContain('入力 花子（clerk@city.example）');
	});

	it('filters by person, by kind or group, and by Japanese days', () => {
		expect(page(`?person=${clerk.id}`).events.map((e) => e.words)).toEqual(['紙の調査票の取り込み：10 件（この日の合計）', '紙の調査票の入力：3 件（この日の合計）']);
		expect(page('?person=unregistered').events.map((e) => e.actor.loginId)).toEqual(['nobody@city.example']);
		expect(page('?person=system').total).toBe(0);
		expect(page('?kind=paper').total).toBe(2);
		expect(page('?kind=paper.import').total).toBe(1);
		expect(page('?kind=download').events.map((e) => e.words)).toEqual(['データのダウンロード：回答一覧（コード・UTF-8\u00a0BOM付き）']);
		expect(page('?from=2026-04-02&to=2026-04-02').events.map((e) => e.words)).toEqual(['紙の調査票の取り込み：10 件（この日の合計）']);
		expect(page(`?person=${clerk.id}&kind=paper&from=2026-04-01&to=2026-04-01`).total).toBe(1);
		// Empty fields, as the form sends them untouched, filter nothing.
		expect(page('?person=&kind=&from=&to=').total).toBe(page('').total);
	});

	it('tells what in the filter it cannot read, and shows nothing by a guess', () => {
		const cases: [string, string][] = [
			['?from=2024-99-99', '開始日「2024-99-99」はありえない日付です。'],
			['?to=2024-02-30', '終了日「2024-02-30」はありえない日付です。'],
			['?from=yesterday', '開始日は「2026-04-01」の形の日付で指定してください。'],
			['?from=2026-04-02&to=2026-04-01', '終了日は開始日と同じ日か、それより後にしてください。'],
			['?kind=drop table', '種類は一覧から選んでください。'],
			['?person=%FF', '職員は一覧から選んでください。'],
			['?person=1e9', '職員は一覧から選んでください。']
		];
		for (const [query, problem] of cases) {
			const shown = page(query);
			expect(shown.problems, query).toEqual([problem]);
			expect(shown.events, query).toEqual([]);
		}
		// What was typed is shown again, to be put right.
		expect(page('?from=2024-99-99&kind=paper').query).toMatchObject({ from: '2024-99-99', kind: 'paper' });
	});
});

describe('the audit log CSV', () => {
	const download = (query: string) => GET(event(`/admin/audit/export${query}`));

	it('has the page’s words, and the record as written beside them', async () => {
		const response = download('?kind=download');
		const rows = parse(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
		// The download is logged before it is made, so it lists itself too.
		expect(rows.map((r) => r['記録の種類'])).toEqual(['export.raw', 'export.audit']);
		expect(rows[0]).toMatchObject({
			職員: '管理 一郎',
			ログインID: 'admin@city.example',
			内容: 'データのダウンロード：回答一覧（コード・UTF-8\u00a0BOM付き）',
			対象: '令和4年度 山口市 市民のデジタル活用に関するアンケート（digital-2022）',
			記録の種類: 'export.raw',
			記録の対象: 'survey:digital-2022'
		});
		expect(JSON.parse(rows[0]['記録の詳細'])).toEqual({ kind: 'wide', values: 'codes', encoding: 'utf8bom' });
		expect(rows[0]['日時']).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}:\d{2}$/);
		// The download itself is in the log, its filter in words.
		expect(page('?kind=export.audit').events[0].words).toBe('監査ログのダウンロード：絞り込み（種類：ダウンロードのすべて）');
	});

	it('refuses a filter it cannot read, and logs nothing', () => {
		const before = page('?kind=export.audit').total;
		expect(() => download('?from=2024-99-99')).toThrow(expect.objectContaining({ status: 400, body: { message: '開始日「2024-99-99」はありえない日付です。' } }));
		expect(page('?kind=export.audit').total).toBe(before);
	});
});
