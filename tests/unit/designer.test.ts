// The designer's server side on a temporary SQLite file: a published version cannot be
// changed in any way; drafts, life cycle, clones, and the priority projects.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isActionFailure } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import { runAction } from './support/run-action';
import { small } from './support/questionnaires';
import { BUNDLED_CONTACT } from '../../src/lib/survey/privacy';
import { settingsForm } from '../../src/lib/server/settings-form';
import { FormFields } from '../../src/lib/server/form-body';
import { parseForm } from '../../src/lib/server/form-schema';

// Before any import reads the configuration (imports are hoisted above plain statements).
const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

let db: Database.Database;
let surveys: typeof import('../../src/lib/server/surveys');
let projects: typeof import('../../src/lib/server/projects');
let save: (event: never) => unknown;
const designer = { id: 1, email: 'd@city.example', displayName: 'D', roles: ['designer' as const], mustChangePassword: false };

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	surveys = await import('../../src/lib/server/surveys');
	projects = await import('../../src/lib/server/projects');
	save = (await import('../../src/routes/admin/(staff)/surveys/[id]/edit/+page.server')).actions.save as never;
});
afterAll(() => {
	db.close();
	temp.remove();
});

const saveAsDesigner = (surveyId: number, document: unknown) =>
	runAction(save, {
		url: `http://localhost/admin/surveys/${surveyId}/edit?/save`,
		fields: { document: JSON.stringify(document) },
		params: { id: String(surveyId) },
		locals: { user: designer }
	});

describe('a published version', () => {
	it('cannot be changed: saving makes a new draft version and the published one stays as it was', async () => {
		const { surveyId, versionId } = surveys.create(db, { slug: 'frozen', fiscalYear: 2026, document: small() });
		surveys.publishDraft(db, surveyId);
		const before = db.prepare('SELECT document, published_at FROM survey_version WHERE id = ?').get(versionId);

		const changed = small();
		changed.sections[0].questions[0].label = { ja: '書き換えた設問' };
		const { result } = await saveAsDesigner(surveyId, changed);
		expect(result).toMatchObject({ versionId: expect.any(Number) });
		const draftId = (result as { versionId: number }).versionId;
		expect(draftId).not.toBe(versionId);
		expect(db.prepare('SELECT document, published_at FROM survey_version WHERE id = ?').get(versionId)).toEqual(before);
		expect(surveys.versions(db, surveyId).map((v) => [v.version, !!v.publishedAt])).toEqual([[2, false], [1, true]]);

		// Not by SQL either, nor by deleting it, nor by discarding drafts.
		expect(() => db.prepare("UPDATE survey_version SET document = '{}' WHERE id = ?").run(versionId)).toThrow(/cannot be changed/);
		expect(() => db.prepare('UPDATE survey_version SET published_at = NULL WHERE id = ?').run(versionId)).toThrow(/cannot be changed/);
		expect(() => db.prepare('DELETE FROM survey_version WHERE id = ?').run(versionId)).toThrow(/cannot be deleted/);
		surveys.discardDraft(db, surveyId);
		expect(surveys.versions(db, surveyId).map((v) => v.version)).toEqual([1]);
		expect(surveys.getById(db, surveyId)?.publishedVersionId).toBe(versionId);
	});

	it('publishing a new version leaves earlier responses with the version they answered', async () => {
		const { surveyId, versionId } = surveys.create(db, { slug: 'versions', fiscalYear: 2026, document: small() });
		surveys.publishDraft(db, surveyId);
		db.prepare("INSERT INTO response (id, survey_version_id, channel, language, submitted_on) VALUES ('r1', ?, 'web', 'ja', '2026-11-25')").run(versionId);
		surveys.saveDraft(db, surveyId, small());
		const v2 = surveys.publishDraft(db, surveyId);
		expect(v2).not.toBe(versionId);
		expect(db.prepare("SELECT survey_version_id FROM response WHERE id = 'r1'").pluck().get()).toBe(versionId);
		expect(surveys.getById(db, surveyId)?.publishedVersionId).toBe(v2);
	});

	it('an invalid draft is saved but cannot be published', async () => {
		const { surveyId } = surveys.create(db, { slug: 'broken', fiscalYear: 2026, document: small() });
		const broken = small();
		broken.sections[0].questions[1].key = 'Q1';
		await saveAsDesigner(surveyId, broken);
		expect(() => surveys.publishDraft(db, surveyId)).toThrow(surveys.InvalidQuestionnaireError);
		expect(surveys.getById(db, surveyId)?.status).toBe('draft');
	});

	it('a save says which draft it wrote and when, as the editor shows it', async () => {
		const { surveyId } = surveys.create(db, { slug: 'saved-at', fiscalYear: 2026, document: small() });
		surveys.publishDraft(db, surveyId);
		expect(surveys.draft(db, surveyId)).toBeUndefined();
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			vi.setSystemTime(new Date('2026-11-24T05:06:07.890Z'));
			const { result } = await saveAsDesigner(surveyId, small());
			expect(result).toMatchObject({ draft: { version: 2, savedAt: '2026-11-24T05:06:07Z' } });
			vi.setSystemTime(new Date('2026-11-25T01:02:03Z'));
			await saveAsDesigner(surveyId, small());
			expect(surveys.draft(db, surveyId)).toMatchObject({ version: 2, savedAt: '2026-11-25T01:02:03Z' });
		} finally {
			vi.useRealTimers();
		}
	});

	it('the editor refuses what is not a questionnaire object', async () => {
		const { surveyId } = surveys.create(db, { slug: 'refuse', fiscalYear: 2026, document: small() });
		const { result } = await saveAsDesigner(surveyId, [1, 2]);
		expect(isActionFailure(result) && result.status).toBe(400);
	});
});

describe('the life cycle', () => {
	it('goes draft → open → closed → archived, and an open survey must be closed before archiving', () => {
		const { surveyId } = surveys.create(db, { slug: 'cycle', fiscalYear: 2026, document: small() });
		expect(() => surveys.close(db, surveyId)).toThrow(surveys.SurveyStateError);
		surveys.publishDraft(db, surveyId);
		expect(() => surveys.archive(db, surveyId)).toThrow(surveys.SurveyStateError);
		surveys.close(db, surveyId);
		surveys.reopen(db, surveyId);
		surveys.close(db, surveyId);
		surveys.archive(db, surveyId);
		expect(surveys.getById(db, surveyId)?.status).toBe('archived');
		expect(() => surveys.saveDraft(db, surveyId, small())).toThrow(surveys.SurveyStateError);
	});

	it('publishing a version without a schedule keeps the dates the survey has; a schedule given replaces them', () => {
		const { surveyId, versionId } = surveys.create(db, { slug: 'dated', fiscalYear: 2026, document: small() });
		db.prepare("UPDATE survey SET opens_at = '2026-04-01T00:00:00Z', closes_at = '2026-04-30T14:59:00Z' WHERE id = ?").run(surveyId);
		surveys.publish(db, surveyId, versionId);
		expect(surveys.getById(db, surveyId)).toMatchObject({ status: 'open', opensAt: '2026-04-01T00:00:00Z', closesAt: '2026-04-30T14:59:00Z' });
		surveys.publish(db, surveyId, versionId, { closesAt: null });
		expect(surveys.getById(db, surveyId)).toMatchObject({ opensAt: '2026-04-01T00:00:00Z', closesAt: null });
	});

	it('a clone keeps the questions and keys as a draft, and remembers its previous edition', () => {
		const { surveyId } = surveys.create(db, { slug: 'year-one', fiscalYear: 2026, document: small() });
		surveys.publishDraft(db, surveyId);
		db.prepare("UPDATE survey SET min_cell_size = 5, results_public = 1, invitation_required = 1, closes_at = '2026-12-25T00:00:00Z', minutes = 15, retention_years = 3, contact = ? WHERE id = ?").run(JSON.stringify(BUNDLED_CONTACT), surveyId);
		const { surveyId: next } = surveys.clone(db, surveyId, { slug: 'year-two', fiscalYear: 2027 });
		const copy = surveys.getById(db, next)!;
		expect(copy).toMatchObject({ status: 'draft', fiscalYear: 2027, previousEditionId: surveyId, publishedVersionId: null });
		// How the survey is run carries over; its dates do not.
		expect(copy).toMatchObject({ minCellSize: 5, resultsPublic: true, invitationRequired: true, closesAt: null, minutes: 15, retentionYears: 3, contact: BUNDLED_CONTACT });
		expect(surveys.draft(db, next)?.document).toEqual(surveys.findPublished(db, 'year-one')?.document);
		expect(surveys.comparisonBase(db, copy)?.label).toContain('2026年度の調査');
	});
});

describe('priority projects', () => {
	it('start with projects 1 and 7 and their indicators from the council record', () => {
		const list = projects.list(db);
		expect(list.map((p) => [p.number, p.indicators.length])).toEqual([[1, 4], [7, 5]]);
		expect(list[1].indicators[0]).toMatchObject({
			questionKey: 'D2',
			codes: [1, 2],
			base: { all: [{ question: 'F1', op: 'oneOf', values: [7, 8, 9, 10] }] }
		});
	});

	it('are edited: a project, an indicator with a target, and deletion', () => {
		const id = projects.saveProject(db, { number: 3, name: '防災', description: '' });
		const indicator = projects.saveIndicator(db, {
			projectId: id, name: '防災情報を受け取りたい人の割合', questionKey: 'G3', rowKey: '', codes: [3], base: null, target: 60, targetYear: 2027, unit: '%'
		});
		expect(projects.list(db).find((p) => p.id === id)?.indicators.map((i) => [i.id, i.target])).toEqual([[indicator, 60]]);
		projects.deleteProject(db, id);
		expect(db.prepare('SELECT count(*) FROM indicator WHERE id = ?').pluck().get(indicator)).toBe(0);
	});
});

describe('the settings form', () => {
	const fields = (more: Record<string, string>) => {
		const f = new FormFields();
		const all = {
			slug: 'settings-test', fiscalYear: '２０２７', minCellSize: '10', minutes: '15', retentionYears: '5',
			contactOffice_ja: '山口市 総合政策部 スマートシティ推進室', contactOffice_en: 'Smart City Promotion Office',
			contactPhone: '083-934-2700', contactHours_ja: '平日 8時30分〜17時15分', contactHours_easy: '', ...more
		};
		for (const [k, v] of Object.entries(all)) f.add(k, v);
		return f;
	};

	const readSettings = (f: FormFields, database: Database.Database, surveyId: number) => {
		const read = parseForm(f, settingsForm(database, surveyId));
		return { settings: read.ok ? read.value : undefined, problems: read.ok ? [] : read.problems };
	};

	it('reads the contact in each language given, the minutes and the retention years', () => {
		const { settings, problems } = readSettings(fields({}), db, 0);
		expect(problems).toEqual([]);
		expect(settings).toMatchObject({
			fiscalYear: 2027, minutes: 15, retentionYears: 5,
			contact: { office: { ja: '山口市 総合政策部 スマートシティ推進室', en: 'Smart City Promotion Office' }, phone: '083-934-2700', hours: { ja: '平日 8時30分〜17時15分' } }
		});
		// A blank language is left out, not stored empty.
		expect(settings?.contact.hours).not.toHaveProperty('easy');
	});

	it('reads what went out without codes (blank is none) and the open data’s licence (CC BY 4.0 unless chosen)', () => {
		expect(readSettings(fields({}), db, 0).settings).toMatchObject({ distributedWithoutCodes: 0, openDataLicence: 'CC-BY-4.0' });
		expect(readSettings(fields({ distributedWithoutCodes: '１２００', openDataLicence: 'CC0-1.0' }), db, 0).settings).toMatchObject({
			distributedWithoutCodes: 1200,
			openDataLicence: 'CC0-1.0'
		});
		expect(readSettings(fields({ distributedWithoutCodes: '-5' }), db, 0).problems).toEqual([
			'招待コードなしで配布した数は 0 以上の整数で入力してください（なければ空欄）。'
		]);
	});

	it('says what is missing or out of range', () => {
		expect(readSettings(fields({ contactPhone: '' }), db, 0).problems).toEqual(['問い合わせ先の課・室の名前、電話番号、受付時間（日本語）を入力してください。']);
		expect(readSettings(fields({ retentionYears: '0', minutes: '1.5' }), db, 0).problems).toEqual([
			'回答の保存期間は 1〜30 年の整数にしてください。',
			'回答にかかる時間は 1〜120 分の整数にしてください。'
		]);
	});
});
