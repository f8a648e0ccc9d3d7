// The one way a posted form is read (form-schema.ts): the fields, as they read and refuse what
// was typed, and then real actions of each kind of form, run as SvelteKit runs them on a
// temporary SQLite file: a bad value is answered with its form's Japanese message, and the
// database is left exactly as it was.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import { FormFields } from '../../src/lib/server/form-body';
import {
	all,
	checkbox,
	choice,
	file,
	formObject,
	integer,
	integers,
	optionalDecimal,
	optionalInteger,
	parseForm,
	requireForm,
	text,
	whenRead
} from '../../src/lib/server/form-schema';
import { runAction } from './support/run-action';
import { LEAST_ANSWERS } from '../support/least-answers';

const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

/** A read post of these fields (a list posts the name once per value). */
function posted(fields: Record<string, string | string[] | File>): FormFields {
	const f = new FormFields();
	for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) f.add(name, v);
	return f;
}

describe('the fields of a form', () => {
	it('read a text trimmed, and refuse one too long or missing with its own message', () => {
		const form = formObject({ name: text({ required: true, max: 5, message: '名前を 5 文字以内で入力してください。' }), note: text() });
		expect(parseForm(posted({ name: '  山口　 ' }), form)).toMatchObject({ ok: true, value: { name: '山口', note: '' } });
		const long = parseForm(posted({ name: ' 山口市役所本庁 ' }), form);
		expect(long).toMatchObject({ ok: false, problems: ['名前を 5 文字以内で入力してください。'], fieldErrors: { name: '名前を 5 文字以内で入力してください。' } });
		// What was typed comes back read but unchecked, for the page to show again.
		expect(long.typed).toEqual({ name: '山口市役所本庁', note: '' });
		expect(parseForm(posted({ name: '   ' }), form)).toMatchObject({ ok: false, problems: ['名前を 5 文字以内で入力してください。'] });
		// A file where a text belongs is no text.
		expect(parseForm(posted({ name: new File(['x'], 'a.txt') }), form).ok).toBe(false);
	});

	it('keep a text as typed when told, and cut one the page already limits', () => {
		const form = formObject({ password: text({ trim: false }), note: text({ clip: 3 }) });
		expect(parseForm(posted({ password: ' pass word ', note: ' 出典です ' }), form)).toMatchObject({ ok: true, value: { password: ' pass word ', note: '出典で' } });
	});

	it('read whole numbers in full-width digits, and refuse others and those out of range', () => {
		const form = formObject({ year: integer({ min: 2000, max: 2100, message: '年度は西暦 4 桁で入力してください。' }) });
		expect(parseForm(posted({ year: '２０２７' }), form)).toMatchObject({ ok: true, value: { year: 2027 }, typed: { year: '2027' } });
		expect(parseForm(posted({ year: ' 2027 ' }), form)).toMatchObject({ ok: true, value: { year: 2027 } });
		for (const typed of ['', '1999', '2101', '2027.5', '-2027', '2e3', '０x10', '二〇二七'])
			expect(parseForm(posted({ year: typed }), form), typed).toMatchObject({ ok: false, problems: ['年度は西暦 4 桁で入力してください。'] });
		expect(parseForm(posted({}), form).ok).toBe(false);
	});

	it('read optional numbers as null when blank, and decimals with full-width points', () => {
		const form = formObject({
			year: optionalInteger({ min: 2000, max: 2100, message: '目標年度は西暦 4 桁で入力してください。' }),
			target: optionalDecimal({ message: '目標値は数で入力してください。' })
		});
		expect(parseForm(posted({ year: '', target: ' ' }), form)).toMatchObject({ ok: true, value: { year: null, target: null } });
		expect(parseForm(posted({ year: '２０３０', target: '６２．５' }), form)).toMatchObject({ ok: true, value: { year: 2030, target: 62.5 } });
		expect(parseForm(posted({ target: '-.5' }), form)).toMatchObject({ ok: true, value: { target: -0.5 } });
		expect(parseForm(posted({ year: '30', target: '約60' }), form)).toMatchObject({
			ok: false,
			problems: ['目標年度は西暦 4 桁で入力してください。', '目標値は数で入力してください。']
		});
	});

	it('read several whole numbers in one box, however they are separated', () => {
		const form = formObject({ codes: integers({ message: '番号を 1,2 のように入力してください。' }) });
		for (const typed of ['1,2', '1、2', '１，２', '1 2', ' 1　2 '])
			expect(parseForm(posted({ codes: typed }), form), typed).toMatchObject({ ok: true, value: { codes: [1, 2] } });
		for (const typed of ['', '1,x', '1.5'])
			expect(parseForm(posted({ codes: typed }), form), typed).toMatchObject({ ok: false, problems: ['番号を 1,2 のように入力してください。'] });
	});

	it('read a checkbox as checked only with its value', () => {
		const form = formObject({ resultsPublic: checkbox(), consent: checkbox('yes') });
		expect(parseForm(posted({ resultsPublic: 'on', consent: 'yes' }), form)).toMatchObject({ ok: true, value: { resultsPublic: true, consent: true } });
		expect(parseForm(posted({ consent: 'on' }), form)).toMatchObject({ ok: true, value: { resultsPublic: false, consent: false } });
	});

	it('refuse a choice they do not know, or fall back to the usual one when told', () => {
		const strict = formObject({ source: choice(['blank', 'clone'], { message: '作り方を選んでください。' }) });
		expect(parseForm(posted({ source: 'clone' }), strict)).toMatchObject({ ok: true, value: { source: 'clone' } });
		for (const typed of ['', 'Clone', ' clone', '__proto__'])
			expect(parseForm(posted({ source: typed }), strict), typed).toMatchObject({ ok: false, problems: ['作り方を選んでください。'] });
		const lenient = formObject({ kind: choice(['wide', 'long'], { fallback: 'wide' as const }) });
		expect(requireForm(posted({ kind: 'long' }), lenient)).toEqual({ kind: 'long' });
		expect(requireForm(posted({ kind: 'everything' }), lenient)).toEqual({ kind: 'wide' });
		// A query string reads the same way as a post.
		expect(requireForm(new URLSearchParams('kind=long'), lenient)).toEqual({ kind: 'long' });
	});

	it('read every value of a repeated field, only those it knows, and ask for at least one', () => {
		const form = formObject({ roles: all({ among: ['admin', 'analyst'] as const, min: 1, message: '役割を 1 つ以上選んでください。' }) });
		expect(parseForm(posted({ roles: ['analyst', 'owner', 'admin'] }), form)).toMatchObject({ ok: true, value: { roles: ['analyst', 'admin'] } });
		expect(parseForm(posted({ roles: ['owner'] }), form)).toMatchObject({ ok: false, problems: ['役割を 1 つ以上選んでください。'], typed: { roles: [] } });
		expect(requireForm(posted({ tag: ['a', 'b'] }), formObject({ tag: all() }))).toEqual({ tag: ['a', 'b'] });
	});

	it('read a file, refusing none (or an empty one) and one too large', () => {
		const form = formObject({ file: file({ message: 'ファイルを選んでください。', maxBytes: 4, tooLarge: 'ファイルが大きすぎます。' }) });
		const small = new File(['abc'], 'a.csv');
		expect(parseForm(posted({ file: small }), form)).toMatchObject({ ok: true, value: { file: small } });
		expect(parseForm(posted({}), form)).toMatchObject({ ok: false, problems: ['ファイルを選んでください。'] });
		expect(parseForm(posted({ file: new File([], 'empty.csv') }), form)).toMatchObject({ ok: false, problems: ['ファイルを選んでください。'] });
		expect(parseForm(posted({ file: 'a.csv' }), form)).toMatchObject({ ok: false, problems: ['ファイルを選んでください。'] });
		expect(parseForm(posted({ file: new File(['abcde'], 'big.csv') }), form)).toMatchObject({ ok: false, problems: ['ファイルが大きすぎます。'] });
		expect(requireForm(posted({}), formObject({ file: file() }))).toEqual({ file: undefined });
	});

	it('list problems once each, in the order of the fields, with those of several fields in their place', () => {
		const TIME = '日時の形式が正しくありません。';
		const form = formObject(
			{
				slug: text({ pattern: /^[a-z]+$/, message: '名前は小文字で。' }),
				opensAt: optionalInteger({ message: TIME }),
				closesAt: optionalInteger({ message: TIME }),
				minutes: integer({ min: 1, max: 120, message: '1〜120 分で。' })
			},
			(fields) =>
				fields.refine((v) => !(v.opensAt && v.closesAt && v.opensAt >= v.closesAt), {
					error: '終わりは始まりより後に。',
					path: ['closesAt'],
					when: whenRead('opensAt', 'closesAt')
				})
		);
		// The order of two fields is checked even though another field has a problem.
		expect(parseForm(posted({ slug: 'X', opensAt: '5', closesAt: '3', minutes: '0' }), form)).toMatchObject({
			ok: false,
			problems: ['名前は小文字で。', '終わりは始まりより後に。', '1〜120 分で。'],
			fieldErrors: { slug: '名前は小文字で。', closesAt: '終わりは始まりより後に。', minutes: '1〜120 分で。' }
		});
		// ...but not when either could not be read; a message shared by two fields is said once.
		expect(parseForm(posted({ slug: 'a', opensAt: 'x', closesAt: 'y', minutes: '5' }), form)).toMatchObject({ ok: false, problems: [TIME] });
	});

	it('answer an endpoint’s bad form with a 400 and its message', () => {
		const form = formObject({ codes: integers({ message: '招待コードが読み取れませんでした。' }) });
		let thrown: unknown;
		try {
			requireForm(posted({ codes: 'abc' }), form);
		} catch (e) {
			thrown = e;
		}
		expect(isHttpError(thrown) && [thrown.status, thrown.body.message]).toEqual([400, '招待コードが読み取れませんでした。']);
	});
});

// ---- Real actions -----------------------------------------------------------------------------

let db: Database.Database;
let surveyId: number;
let versionId: number;
const staff = { id: 0, email: 'staff@city.example', displayName: '職員', roles: ['admin', 'designer', 'analyst', 'clerk'], mustChangePassword: false };
const route = (path: string) => import(/* @vite-ignore */ `../../src/routes/${path}`);

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	const surveys = await import('../../src/lib/server/surveys');
	const users = await import('../../src/lib/server/users');
	staff.id = await users.create(db, { ...staff, roles: ['admin', 'designer', 'analyst', 'clerk'], password: 'katachi-no-yomikata-2026' });
	surveys.installBundled(db);
	const found = surveys.findPublished(db, 'digital-2022')!;
	surveyId = found.survey.id;
	versionId = found.versionId;
});
afterAll(() => {
	db.close();
	temp.remove();
});

/** Every row of every table: what "nothing changed" means. */
function snapshot(): string {
	const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
	return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).raw().all()]));
}

type Action = (event: never) => unknown;
async function action(path: string, name: string): Promise<Action> {
	const module = (await route(path)) as { actions: Record<string, Action> };
	return module.actions[name];
}

/** Runs an action as the staff member; a refusal must leave every table as it was. */
async function refused(run: Action, url: string, fields: Record<string, string | string[]>, options: { params?: Record<string, string>; files?: Record<string, File>; user?: unknown } = {}) {
	const before = snapshot();
	const { result } = await runAction(run, { url, fields, files: options.files, params: options.params, locals: { user: (options.user === undefined ? staff : options.user) as never } });
	expect(isActionFailure(result), JSON.stringify(result)).toBe(true);
	expect(snapshot()).toBe(before);
	return (result as { status: number; data: Record<string, unknown> }).data;
}

describe('a staff form refused', () => {
	it('a new account with no login id like an e-mail address, or one taken', async () => {
		const create = await action('admin/(staff)/users/+page.server.ts', 'create');
		const url = 'http://localhost/admin/users';
		const bad = await refused(create, url, { email: 'tanaka', displayName: ' 田中 ', roles: ['analyst', 'owner'] });
		expect(bad.problems).toEqual(['ログインIDには、メールアドレスの形で入力してください。']);
		// The page shows again what was typed, read: trimmed, and only roles it offers.
		expect(bad.values).toEqual({ email: 'tanaka', displayName: '田中', roles: ['analyst'], disabled: false });
		const taken = await refused(create, url, { email: 'staff@city.example', displayName: '', roles: [] });
		expect(taken.problems).toEqual(['このログインIDはすでに使われています。', '表示名を 100 文字以内で入力してください。', '役割を 1 つ以上選んでください。']);
	});

	it('an account changed to a display name too long', async () => {
		const update = await action('admin/(staff)/users/[id]/+page.server.ts', 'update');
		const data = await refused(update, `http://localhost/admin/users/${staff.id}`, { email: staff.email, displayName: '長'.repeat(101), roles: staff.roles }, { params: { id: String(staff.id) } });
		expect(data.problems).toEqual(['表示名を 100 文字以内で入力してください。']);
	});

	it('settings with the year in full-width digits are saved; minutes out of range are not', async () => {
		const settings = await action('admin/(staff)/surveys/[id]/+page.server.ts', 'settings');
		const url = `http://localhost/admin/surveys/${surveyId}`;
		const fields = {
			slug: 'digital-2022', fiscalYear: '２０２２', minCellSize: '１０', minutes: '15', retentionYears: '5', resultsPublic: 'on',
			contactOffice_ja: '山口市 総合政策部 スマートシティ推進室', contactPhone: '083-934-2700', contactHours_ja: '平日 8時30分〜17時15分'
		};
		const data = await refused(settings, url, { ...fields, minutes: '0', closesAt: '2024-99-99T99:99' }, { params: { id: String(surveyId) } });
		expect(data.problems).toEqual(['日時の形式が正しくありません。', '回答にかかる時間は 1〜120 分の整数にしてください。']);
		const { result } = await runAction(settings, { url, fields, params: { id: String(surveyId) }, locals: { user: staff as never } });
		expect(isRedirect(result) && result.location).toBe(`/admin/surveys/${surveyId}?done=settings`);
		expect(db.prepare('SELECT fiscal_year, min_cell_size, results_public FROM survey WHERE id = ?').get(surveyId)).toEqual({ fiscal_year: 2022, min_cell_size: 10, results_public: 1 });
	});

	it('a new survey whose address is taken, or of no known way to start it', async () => {
		const create = await action('admin/(staff)/surveys/+page.server.ts', 'create');
		const url = 'http://localhost/admin/surveys';
		const data = await refused(create, url, { source: 'clone', cloneOf: String(surveyId), slug: 'digital-2022', fiscalYear: '２０２３', title: '' }, { files: {} });
		expect(data.problems).toEqual(['アドレス「digital-2022」はほかの調査で使われています。', '調査名を入力してください。']);
		expect(data.values).toEqual({ source: 'clone', slug: 'digital-2022', fiscalYear: '2023', title: '', cloneOf: String(surveyId) });
		const unknown = await refused(create, url, { source: 'copy', slug: 'digital-2023', fiscalYear: '2023' }, { files: {} });
		expect(unknown.problems).toEqual(['作り方を選んでください。']);
		const noFile = await refused(create, url, { source: 'csv', slug: 'digital-2023', fiscalYear: '2023' }, { files: {} });
		expect(noFile.problems).toEqual(['ファイルを選んでください。']);
	});

	it('a draft that is no JSON', async () => {
		const save = await action('admin/(staff)/surveys/[id]/edit/+page.server.ts', 'save');
		const data = await refused(save, `http://localhost/admin/surveys/${surveyId}/edit`, { document: '{"sections":' }, { params: { id: String(surveyId) } });
		expect(data.message).toBe('調査票を読み取れませんでした。');
	});

	it('a project numbered in words, and a delete of no id', async () => {
		const save = await action('admin/(staff)/projects/+page.server.ts', 'saveProject');
		const url = 'http://localhost/admin/projects';
		const data = await refused(save, url, { number: '三', name: '' });
		expect(data.problems).toEqual(['番号は 1 以上の整数にしてください。', '名前を 200 文字以内で入力してください。']);
		const { result } = await runAction(save, { url, fields: { number: '３', name: ' 防災 ' }, locals: { user: staff as never } });
		expect(isRedirect(result)).toBe(true);
		expect(db.prepare('SELECT name FROM priority_project WHERE number = 3').all()).toEqual([{ name: '防災' }]);
		expect((await refused(save, url, { number: '3', name: '防災' })).problems).toEqual(['重点プロジェクト3はすでにあります。']);
		const remove = await action('admin/(staff)/projects/+page.server.ts', 'deleteProject');
		expect((await refused(remove, url, { id: 'all' })).problems).toEqual(['削除する項目が見つかりません。ページを開き直してください。']);
	});

	it('an indicator with codes, target and year that are no numbers', async () => {
		const save = await action('admin/(staff)/projects/+page.server.ts', 'saveIndicator');
		const projectId = db.prepare('SELECT id FROM priority_project').pluck().get() as number;
		const data = await refused(save, 'http://localhost/admin/projects', { projectId: String(projectId), name: '割合', questionKey: 'T2', codes: '1,二', target: '六割', targetYear: '27' });
		expect(data.problems).toEqual(['数える選択肢の番号を 1,2 のように入力してください。', '目標値は数で入力してください。', '目標年度は西暦 4 桁で入力してください。']);
	});

	it('invitation codes: a batch too large, and a withdrawal of no batch', async () => {
		const issue = await action('admin/(staff)/surveys/[id]/invitations/+page.server.ts', 'issue');
		const url = `http://localhost/admin/surveys/${surveyId}/invitations`;
		const data = await refused(issue, url, { count: '２００１', greeting: '' }, { params: { id: String(surveyId) } });
		expect(data.problems).toEqual(['発行する数は 1 から 2,000 までの整数で入力してください。']);
		// The box shows the count as read, and the usual greeting.
		expect(data.count).toBe('2001');
		expect(data.greeting).toMatch(/^このご案内は/);
		const long = await refused(issue, url, { count: '1', greeting: 'あ'.repeat(1001) }, { params: { id: String(surveyId) } });
		expect(long.problems).toEqual(['あいさつ文は 1,000 文字までにしてください。']);
		const withdraw = await action('admin/(staff)/surveys/[id]/invitations/+page.server.ts', 'withdraw');
		expect((await refused(withdraw, url, { batchId: '' }, { params: { id: String(surveyId) } })).problems).toEqual(['取り消す発行分が指定されていません。']);
	});

	it('invitation codes to download that are no codes: a 400 with its message', async () => {
		const { POST } = (await route('admin/(staff)/surveys/[id]/invitations/codes/+server.ts')) as { POST: Action };
		const before = snapshot();
		await expect(
			runAction(POST, { url: `http://localhost/admin/surveys/${surveyId}/invitations/codes`, fields: { codes: '1234-5678-9012\nabc' }, params: { id: String(surveyId) }, locals: { user: staff as never } })
		).rejects.toMatchObject({ status: 400, body: { message: '招待コードが読み取れませんでした。' } });
		expect(snapshot()).toBe(before);
	});

	it('weights: trimming bounds out of range, and margins with no file', async () => {
		const weights = 'admin/(staff)/results/[id]/weights/+page.server.ts';
		const url = `http://localhost/admin/results/${surveyId}/weights`;
		const trim = await refused(await action(weights, 'trim'), url, { upper: '０．５', lower: '1' }, { params: { id: String(surveyId) } });
		expect(trim).toEqual({
			trimProblems: ['上限は 1 より大きい数で書いてください（例：5 は平均の 5 倍）。', '下限は 0 より大きく 1 より小さい数で書いてください（例：0.2 は平均の 0.2 倍）。'],
			upper: '0.5',
			lower: '1'
		});
		const save = await refused(await action(weights, 'save'), url, { note: ' 住民基本台帳 ' }, { params: { id: String(surveyId) }, files: {} });
		expect(save).toEqual({ problems: [{ row: 0, column: '', message: 'ファイルを選んでください。' }], note: '住民基本台帳' });
	});

	it('paper: an empty CSV file, and a blank questionnaire', async () => {
		const check = await action('admin/(staff)/paper/[id]/import/+page.server.ts', 'check');
		const url = `http://localhost/admin/paper/${surveyId}`;
		const data = await refused(check, `${url}/import`, {}, { params: { id: String(surveyId) }, files: { file: new File([], 'paper.csv') } });
		expect(data.problems).toEqual([{ row: 0, column: '', message: 'ファイルを選んでください。' }]);
		const save = await action('admin/(staff)/paper/[id]/+page.server.ts', 'save');
		const blank = await refused(save, url, { F1: ' ' }, { params: { id: String(surveyId) } });
		expect(Object.values(blank.errors as object)).toEqual(['何も入力されていません。白紙の調査票は入力しません。']);
	});

	it('the data page takes only the tables and encodings it offers', async () => {
		const prepare = await action('admin/(staff)/data/[id]/+page.server.ts', 'prepare');
		const { result } = await runAction(prepare, {
			url: `http://localhost/admin/data/${surveyId}`,
			fields: { kind: 'everything', values: 'labels', encoding: 'ebcdic' },
			params: { id: String(surveyId) },
			locals: { user: staff as never }
		});
		expect(isRedirect(result) && result.location).toBe(`/admin/data/${surveyId}/download?kind=wide&values=labels&encoding=utf8bom`);
	});

	it('a login id longer than any account’s is refused unchecked, with the usual words', async () => {
		const login = await action('admin/login/+page.server.ts', 'default');
		const data = await refused(login, 'http://localhost/admin/login', { email: `${'a'.repeat(300)}@city.example`, password: 'x', next: '' }, { user: null });
		expect(data).toEqual({ email: 'a'.repeat(254), message: 'ログインIDまたはパスワードが正しくありません。' });
	});
});

describe("the resident's survey form", () => {
	it('refuses a post of no published version, and stores nothing', async () => {
		const submit = await action('s/[slug]/+page.server.ts', 'default');
		const base = { consent: 'yes', submissionKey: 'form-schema-test-key-0001', ...LEAST_ANSWERS };
		for (const bad of [{ versionId: 'latest' }, { versionId: String(versionId), submissionKey: 'short' }]) {
			const data = await refused(submit, 'http://localhost/s/digital-2022', { ...base, ...bad }, { params: { slug: 'digital-2022' }, user: null });
			expect(data.formError).toBe('badRequest');
		}
		const missing = await refused(submit, 'http://localhost/s/digital-2022', { ...base, consent: 'on', versionId: String(versionId) }, { params: { slug: 'digital-2022' }, user: null });
		expect(missing.consentMissing).toBe(true);
	});
});
