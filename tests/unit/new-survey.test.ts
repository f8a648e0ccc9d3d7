// A new survey from the template or as the next edition of another, through the real create
// action on a temporary SQLite file: the form suggests the year and the title with the year
// moved on, the survey takes the title typed (and the others languages' with the year moved),
// and a title another survey has is refused, changing nothing, until the official confirms it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import { runAction } from './support/run-action';
import { fiscalYearOf } from '../../src/lib/dates';

const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

let db: Database.Database;
let surveyId: number;
const staff = { id: 0, email: 'designer@city.example', displayName: '設計', roles: ['designer' as const], mustChangePassword: false };
const page = () => import('../../src/routes/admin/(staff)/surveys/+page.server');
let planning: number;

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	const surveys = await import('../../src/lib/server/surveys');
	const users = await import('../../src/lib/server/users');
	staff.id = await users.create(db, { ...staff, roles: ['designer'], password: 'daimei-to-nendo-no-an-2026' });
	surveys.installBundled(db);
	surveyId = surveys.findPublished(db, 'digital-2022')!.survey.id;
	planning = fiscalYearOf((await import('../../src/lib/server/today')).surveyDay()) + 1;
});
afterAll(() => {
	db.close();
	temp.remove();
});

async function opened(query = '') {
	const url = new URL(`http://localhost/admin/surveys${query}`);
	return (await (await page()).load({ url, locals: { user: staff } } as never)) as { start: Record<string, string> };
}

async function create(fields: Record<string, string>) {
	const { actions } = await page();
	const { result } = await runAction(actions.create as never, { url: 'http://localhost/admin/surveys?/create', fields, files: {}, locals: { user: staff as never } });
	return result;
}

const title = (slug: string) =>
	JSON.parse(
		db.prepare('SELECT v.document FROM survey_version v JOIN survey s ON s.id = v.survey_id WHERE s.slug = ? ORDER BY v.version DESC').pluck().get(slug) as string
	).title;

const era = (year: number) => `令和${year - 2018}年度`;

describe('the new-survey form', () => {
	it('opens with the next edition of the newest survey, and with the template’s when asked, without JavaScript', async () => {
		const start = (await opened()).start;
		expect(start).toMatchObject({ source: 'clone', cloneOf: String(surveyId), fiscalYear: String(planning), title: `${era(planning)} 山口市 市民のデジタル活用に関するアンケート` });
		const template = (await opened('?source=template&slug=next')).start;
		expect(template).toMatchObject({ source: 'template', slug: 'next', fiscalYear: String(planning), title: `${era(planning)} 山口市 市民のデジタル活用に関するアンケート` });
		expect((await opened('?source=blank')).start).toMatchObject({ source: 'blank', title: '' });
	});

	it('creates from the template under the title typed, the other languages’ year moved on', async () => {
		const result = await create({ source: 'template', slug: 'from-template', fiscalYear: '2027', title: '令和9年度 市民のデジタル活用アンケート' });
		expect(isRedirect(result)).toBe(true);
		expect(title('from-template')).toEqual({
			ja: '令和9年度 市民のデジタル活用アンケート',
			easy: '山口市（やまぐちし）の アンケート　デジタルの つかいかた（2027ねん）',
			en: 'Yamaguchi City Survey on Residents’ Use of Digital Technology (FY2027)'
		});
	});

	it('refuses a title another survey has, changing nothing, and creates it once confirmed', async () => {
		const before = db.prepare('SELECT count(*) FROM survey').pluck().get();
		// The same title, written with a full-width digit and space.
		const fields = { source: 'clone', cloneOf: String(surveyId), slug: 'same-title', fiscalYear: '２０２７', title: '令和９年度　市民のデジタル活用アンケート' };
		const refused = await create(fields);
		expect(isActionFailure(refused)).toBe(true);
		const data = (refused as { data: { problems: string[]; sameAs: { slug: string }[] } }).data;
		expect(data.problems).toEqual([
			'題名「令和９年度　市民のデジタル活用アンケート」は、2027年度（令和9年度）の調査（/s/from-template）と同じです。一覧や市民向けのページで見分けられるよう、年度などを入れて題名を変えてください。同じ題名のまま作るときは、「同じ題名で作成する」にチェックを入れてください。'
		]);
		expect(data.sameAs.map((s) => s.slug)).toEqual(['from-template']);
		expect(db.prepare('SELECT count(*) FROM survey').pluck().get()).toBe(before);

		expect(isRedirect(await create({ ...fields, sameTitle: 'on' }))).toBe(true);
		expect(title('same-title').ja).toBe('令和９年度　市民のデジタル活用アンケート');
		const logged = db.prepare("SELECT detail FROM audit_event WHERE action = 'survey.create' AND target = 'survey:same-title'").pluck().get() as string;
		expect(JSON.parse(logged)).toMatchObject({ source: 'clone', sameTitleAs: ['from-template'] });
	});

	it('clones under the new title in every language, and asks for one', async () => {
		const result = await create({ source: 'clone', cloneOf: String(surveyId), slug: 'next-edition', fiscalYear: '2028', title: '令和10年度 山口市 市民のデジタル活用に関するアンケート' });
		expect(isRedirect(result)).toBe(true);
		expect(title('next-edition')).toEqual({
			ja: '令和10年度 山口市 市民のデジタル活用に関するアンケート',
			easy: '山口市（やまぐちし）の アンケート　デジタルの つかいかた（2028ねん）',
			en: 'Yamaguchi City Survey on Residents’ Use of Digital Technology (FY2028)'
		});
		const untitled = await create({ source: 'template', slug: 'untitled', fiscalYear: '2028', title: ' ' });
		expect((untitled as { data: { problems: string[] } }).data.problems).toEqual(['調査名を入力してください。']);
	});
});
