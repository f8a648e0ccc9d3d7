// SURVEY_TIME_ZONE is obeyed everywhere, not only for the day stored with a response: here the
// survey runs in New York (UTC−5 in winter, UTC−4 in summer). The schedule is typed and shown on
// New York's clock, the audit log's dates are New York days, downloads and the next fiscal year
// go by New York's calendar, and pages are told the zone to show dates in.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';
import { FormFields } from '../../src/lib/server/form-body';

// Before any import reads the configuration (imports are hoisted above plain statements).
const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase({ SURVEY_TIME_ZONE: 'America/New_York' })));

let db: Database.Database;
let surveyId: number;
const admin = { id: 0, email: 'admin@city.example', displayName: '管理', roles: ['admin'], mustChangePassword: false };

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	const surveys = await import('../../src/lib/server/surveys');
	const users = await import('../../src/lib/server/users');
	admin.id = await users.create(db, { ...admin, roles: ['admin'], password: 'jikan-tai-no-shiken-2026' });
	surveys.installBundled(db);
	surveyId = surveys.findPublished(db, 'digital-2022')!.survey.id;
});
afterAll(() => {
	db.close();
	temp.remove();
});
afterEach(() => {
	vi.useRealTimers();
});

const event = (url: string, params: Record<string, string> = {}) =>
	({
		url: new URL(url, 'http://localhost'),
		params,
		locals: { lang: 'ja', textSize: 'normal', user: admin, session: null },
		request: new Request(new URL(url, 'http://localhost'))
	}) as never;

describe('the settings form in New York', () => {
	const fields = (more: Record<string, string>) => {
		const f = new FormFields();
		const all = {
			slug: 'zone-test', fiscalYear: '2026', minCellSize: '10', minutes: '15', retentionYears: '5',
			contactOffice_ja: '山口市 総合政策部 スマートシティ推進室', contactPhone: '083-934-2700', contactHours_ja: '平日 8時30分〜17時15分', ...more
		};
		for (const [k, v] of Object.entries(all)) f.add(k, v);
		return f;
	};

	it('reads the times typed in on New York’s clock, summer and winter', async () => {
		const { settingsForm } = await import('../../src/lib/server/settings-form');
		const { parseForm } = await import('../../src/lib/server/form-schema');
		const read = parseForm(fields({ opensAt: '2026-07-01T09:00', closesAt: '2026-12-01T09:00' }), settingsForm(db, 0));
		expect(read.ok && read.value).toMatchObject({ opensAt: '2026-07-01T13:00:00.000Z', closesAt: '2026-12-01T14:00:00.000Z' });
		const impossible = parseForm(fields({ opensAt: '2026-02-30T09:00' }), settingsForm(db, 0));
		expect(!impossible.ok && impossible.problems).toEqual(['日時の形式が正しくありません。']);
	});

	it('shows stored times on New York’s clock', async () => {
		const { toLocalInput } = await import('../../src/lib/server/settings-form');
		expect(toLocalInput('2026-07-01T13:00:00.000Z')).toBe('2026-07-01T09:00');
		expect(toLocalInput('2026-12-01T14:00:00.000Z')).toBe('2026-12-01T09:00');
		expect(toLocalInput(null)).toBe('');
	});
});

describe('the audit log in New York', () => {
	it('filters by New York days, from its midnight to the next', async () => {
		const audit = await import('../../src/lib/server/audit');
		const insert = db.prepare("INSERT INTO audit_event (at, actor_id, actor, action, target, detail) VALUES (?, NULL, 'zone@city.example', 'zone.test', '', '{}')");
		// 23:30 on 7 March and 00:30 on 8 March in New York (winter time, UTC−5); 23:30 on
		// 8 March after the clocks went forward (UTC−4).
		const ids = ['2026-03-08T04:30:00.000Z', '2026-03-08T05:30:00.000Z', '2026-03-09T03:30:00.000Z'].map((at) => Number(insert.run(at).lastInsertRowid));
		const on = (from: string, to = from) => audit.list(db, { actions: ['zone.test'], from, to }).events.map((e) => e.id).sort();
		expect(on('2026-03-07')).toEqual([ids[0]]);
		expect(on('2026-03-08')).toEqual([ids[1], ids[2]]);
		expect(on('2026-03-09')).toEqual([]);
		expect(on('2026-03-07', '2026-03-08')).toEqual(ids);
	});

	it('dates a day’s paper-entry count at New York’s midnight', async () => {
		const audit = await import('../../src/lib/server/audit');
		audit.countForDay(db, admin, 'paper.entry', 'survey:zone-test', '2026-07-01', 3);
		audit.countForDay(db, admin, 'paper.entry', 'survey:zone-test', '2026-07-01', 2);
		const rows = db.prepare("SELECT at, json_extract(detail, '$.count') AS count FROM audit_event WHERE action = 'paper.entry' AND target = 'survey:zone-test'").all();
		expect(rows).toEqual([{ at: '2026-07-01T04:00:00.000Z', count: 5 }]);
	});
});

describe('the calendar in New York', () => {
	// 22:00 on 31 March in New York is already 1 April in UTC (and in Japan).
	const EVENING_IN_NEW_YORK = new Date('2026-04-01T02:00:00Z');

	it('names downloads by New York’s day', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(EVENING_IN_NEW_YORK);
		const { surveyDay } = await import('../../src/lib/server/today');
		expect(surveyDay()).toBe('2026-03-31');
		const { GET } = await import('../../src/routes/admin/(staff)/audit/export/+server');
		const response = (await GET(event('/admin/audit/export') as never)) as Response;
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="audit-log_2026-03-31.csv"');
	});

	it('offers the next fiscal year by New York’s day, not the browser’s', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(EVENING_IN_NEW_YORK);
		const { load } = await import('../../src/routes/admin/(staff)/surveys/+page.server');
		// Still fiscal 2025 there (it begins on 1 April), so the next is 2026.
	expect(((await load(event('/admin/surveys'))) as { planningYear: number }).planningYear).toBe(2026);
	});

	it('tells every page the zone, and states the deadline on New York’s clock', async () => {
		const layout = await import('../../src/routes/+layout.server');
		expect(await layout.load(event('/'))).toMatchObject({ timeZone: 'America/New_York' });
		db.prepare('UPDATE survey SET closes_at = ? WHERE id = ?').run('2027-01-31T14:59:00Z', surveyId);
		const { load } = await import('../../src/routes/s/[slug]/privacy/+page.server');
		const page = (await load(event('/s/digital-2022/privacy', { slug: 'digital-2022' }))) as { notice: { summary: string[] } };
		expect(page.notice.summary.join()).toContain('期限は 2027年1月31日 9:59 です。');
	});
});
