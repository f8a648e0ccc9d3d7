// An indicator's base (対象の条件) is checked by the questionnaire's schema and against the
// questions surveys ask before it is saved; one saved by an earlier release that is no
// condition at all no longer takes the report down for every analyst.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import { runAction } from './support/run-action';

const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

let db: Database.Database;
let projects: typeof import('../../src/lib/server/projects');
let save: (event: never) => unknown;
let projectId: number;
let surveyId: number;
const designer = { id: 0, email: 'designer@city.example', displayName: '設計', roles: ['designer'], mustChangePassword: false };

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	projects = await import('../../src/lib/server/projects');
	const surveys = await import('../../src/lib/server/surveys');
	const users = await import('../../src/lib/server/users');
	designer.id = await users.create(db, { ...designer, roles: ['designer'], password: 'shihyou-joken-2026' });
	surveys.installBundled(db);
	surveyId = surveys.findPublished(db, 'digital-2022')!.survey.id;
	projectId = projects.saveProject(db, { number: 9, name: 'データ連携', description: '' });
	save = (await import('../../src/routes/admin/(staff)/projects/+page.server')).actions.saveIndicator as never;
});
afterAll(() => {
	db.close();
	temp.remove();
});

const indicators = () => db.prepare('SELECT name, base FROM indicator ORDER BY id').all();
const post = (base: string) =>
	runAction(save, {
		url: 'http://localhost/admin/projects',
		fields: { projectId: String(projectId), name: '提供してよい人の割合', questionKey: 'T2', codes: '1,2', base },
		locals: { user: designer as never }
	});

describe("an indicator's base", () => {
	it.each([
		['{"foo":1}', '形式が正しくありません'],
		['{"all":[]}', '1 個以上必要です'],
		['{"all":[{"question":"F1","op":"between","value":1}]}', '形式が正しくありません'],
		['{"all":[{"question":"Z9","op":"answered"}]}', '設問「Z9」はどの調査票にもありません。'],
		['F1 in 99', '設問「F1」に選択肢の番号 99 はありません。'],
		['D3 >= 2', '大小の比較は数値か尺度の設問にだけ使えます。']
	])('%s is refused, and nothing is saved', async (base, message) => {
		const before = indicators();
		const { result } = await post(base);
		expect(isActionFailure(result) && result.status).toBe(400);
		const problems = (result as { data: { problems: string[] } }).data.problems;
		expect(problems.some((p) => p.startsWith('対象の条件：') && p.includes(message)), problems.join(' / ')).toBe(true);
		expect(indicators()).toEqual(before);
	});

	it('is saved when it is a condition on questions surveys ask', async () => {
		const { result } = await post('F1 in 7,8');
		expect(isRedirect(result)).toBe(true);
		expect(indicators().at(-1)).toEqual({ name: '提供してよい人の割合', base: JSON.stringify({ all: [{ question: 'F1', op: 'oneOf', values: [7, 8] }] }) });
	});

	it('saved by an earlier release as no condition at all, is reported as such instead of failing the report', async () => {
		const { projectReport } = await import('../../src/lib/server/analytics/editions');
		db.prepare(
			"INSERT INTO indicator (name, question_key, row_key, codes, base, target, target_year, unit, project_id, position) VALUES ('古い指標', 'T2', '', '[1]', '{\"foo\":1}', NULL, NULL, '%', ?, 99)"
		).run(projectId);
		const report = projectReport(db, surveyId);
		const old = report.projects.flatMap((p) => p.indicators).find((i) => i.name === '古い指標')!;
		expect(old.base).toContain('読み取れません');
		expect(old.values.every((v) => v.uncountable && v.base === 0)).toBe(true);
	});
});
