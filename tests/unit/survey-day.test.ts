// "Today" is the day in the survey's time zone (Asia/Tokyo by default), not in UTC: a download
// made at 08:00 on 1 April in Japan (23:00 on 31 March, UTC) is named 1 April, and the printed
// report is dated 1 April. Each download is asked for as the browser would, from its handler.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';

// Before any import reads the configuration (imports are hoisted above plain statements).
const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

let db: Database.Database;
let surveyId: number;
let slug: string;
const admin = { id: 0, email: 'admin@city.example', displayName: '管理', roles: ['admin'], mustChangePassword: false };

/** 08:00 on 1 April 2026 in Japan, still 31 March in UTC. */
const MORNING_IN_JAPAN = new Date('2026-04-01T08:00:00+09:00');

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	const surveys = await import('../../src/lib/server/surveys');
	const users = await import('../../src/lib/server/users');
	admin.id = await users.create(db, { ...admin, roles: ['admin'], password: 'kyou-no-hizuke-2026' });
	surveys.installBundled(db);
	const found = surveys.findPublished(db, 'digital-2022')!;
	surveyId = found.survey.id;
	slug = found.survey.slug;
});
afterAll(() => {
	db.close();
	temp.remove();
});
beforeEach(() => {
	// Only the clock: the database's and the streams' timers run as usual.
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(MORNING_IN_JAPAN);
});
afterEach(() => {
	vi.useRealTimers();
});

/** The least of a request event the staff handlers read. */
const event = (url: string, init?: RequestInit) =>
	({
		url: new URL(url, 'http://localhost'),
		params: { id: String(surveyId) },
		locals: { lang: 'ja', textSize: 'normal', user: admin, session: null },
		request: new Request(new URL(url, 'http://localhost'), init)
	}) as never;

async function fileName(handler: (event: never) => unknown, url: string, init?: RequestInit): Promise<string> {
	const response = (await handler(event(url, init))) as Response;
	expect(response.status).toBe(200);
	await response.body?.cancel();
	const disposition = response.headers.get('content-disposition') ?? '';
	return /filename="([^"]+)"/.exec(disposition)?.[1] ?? disposition;
}

describe('a download at 08:00 in Japan', () => {
	it('is made on that day, which UTC has not reached', async () => {
		const { surveyDay } = await import('../../src/lib/server/today');
		expect(new Date().toISOString().slice(0, 10)).toBe('2026-03-31');
		expect(surveyDay()).toBe('2026-04-01');
	});

	it('carries that day: the audit log', async () => {
		const { GET } = await import('../../src/routes/admin/(staff)/audit/export/+server');
		expect(await fileName(GET as never, '/admin/audit/export')).toBe('audit-log_2026-04-01.csv');
	});

	it('carries that day: a cross-tabulation', async () => {
		const { GET } = await import('../../src/routes/admin/(staff)/results/[id]/crosstab/download/+server');
		expect(await fileName(GET as never, `/admin/results/${surveyId}/crosstab/download?of=D2&by=F1`)).toBe(`${slug}_crosstab_D2_by_F1_2026-04-01.csv`);
	});

	it('carries that day: the questionnaire as JSON and as CSV', async () => {
		const { GET } = await import('../../src/routes/admin/(staff)/surveys/[id]/export/+server');
		expect(await fileName(GET as never, `/admin/surveys/${surveyId}/export`)).toBe(`${slug}_v1_2026-04-01.json`);
		expect(await fileName(GET as never, `/admin/surveys/${surveyId}/export?format=csv`)).toBe(`${slug}_v1_2026-04-01.csv`);
	});

	it('carries that day: the response data', async () => {
		const { GET } = await import('../../src/routes/admin/(staff)/data/[id]/download/+server');
		expect(await fileName(GET as never, `/admin/data/${surveyId}/download?kind=codebook&encoding=cp932`)).toBe(`${slug}_codebook_2026-04-01_sjis.csv`);
	});

	it('carries that day: invitation codes for a mail merge', async () => {
		const invitations = await import('../../src/lib/server/invitations');
		const { surveyDay } = await import('../../src/lib/server/today');
		const { codes } = invitations.issue(db, surveyId, 2, surveyDay());
		const { POST } = await import('../../src/routes/admin/(staff)/surveys/[id]/invitations/codes/+server');
		const body = new URLSearchParams({ codes: codes.join('\n') });
		const init = { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
		expect(await fileName(POST as never, `/admin/surveys/${surveyId}/invitations/codes`, init)).toBe(`${slug}_invitations_2026-04-01.csv`);
	});

	it('carries that day: a backup', async () => {
		const { GET } = await import('../../src/routes/admin/(staff)/backup/download/+server');
		expect(await fileName(GET as never, '/admin/backup/download')).toBe('survey-backup_2026-04-01.sqlite');
	});
});

describe('the priority-project report printed at 08:00 in Japan', () => {
	it('is dated that day', async () => {
		const { load } = await import('../../src/routes/admin/(staff)/results/[id]/report/+page.server');
		const data = (await load(event(`/admin/results/${surveyId}/report`))) as { printedOn: string };
		expect(data.printedOn).toBe('2026-04-01');
	});
});

describe('the root layout', () => {
	it('gives every page the survey’s time zone, for the dates it shows', async () => {
		const { load } = await import('../../src/routes/+layout.server');
		expect(await load(event('/'))).toMatchObject({ timeZone: 'Asia/Tokyo' });
	});
});
