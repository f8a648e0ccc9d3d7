import { afterEach, describe, expect, it } from 'vitest';
import { migrate, migrations, openDatabase, type DB } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import { tempDatabasePath } from './support/temp-db';
import { small } from './support/questionnaires';

let cleanup: (() => void)[] = [];
afterEach(() => {
	cleanup.forEach((f) => f());
	cleanup = [];
});

function open(): DB {
	const { file, remove } = tempDatabasePath();
	const db = openDatabase(file);
	cleanup.push(() => {
		db.close();
		remove();
	});
	return db;
}

describe('the database', () => {
	it('is opened with WAL, full sync, foreign keys, a busy timeout and secure delete', () => {
		const db = open();
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
		expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
		expect(db.pragma('secure_delete', { simple: true })).toBe(1);
	});

	it('applies every migration once, records it, and does nothing the second time', () => {
		const db = open();
		const names = db.prepare('SELECT name FROM schema_migration ORDER BY name').pluck().all();
		expect(names).toEqual(migrations().map((m) => m.name));
		expect(names[0]).toBe('001_surveys_and_responses.sql');
		expect(migrate(db)).toEqual([]);
		expect(db.prepare('SELECT count(*) FROM schema_migration').pluck().get()).toBe(names.length);
	});

	it('installs the bundled survey on an empty database only, published and open', () => {
		const db = open();
		expect(surveys.installBundled(db)).toBe(true);
		expect(surveys.installBundled(db)).toBe(false);
		const found = surveys.findPublished(db, 'digital-2022')!;
		expect(found.survey).toMatchObject({ status: 'open', fiscalYear: 2022, minCellSize: 10 });
		expect(found.document.title.ja).toContain('令和4年度');
		expect(surveys.listPublic(db, new Date()).map((s) => [s.slug, s.phase])).toEqual([['digital-2022', 'open']]);
	});

	it('never lets a published version change or disappear', () => {
		const db = open();
		const { surveyId, versionId } = surveys.create(db, { slug: 'test', fiscalYear: 2026, document: small() });
		surveys.publish(db, surveyId, versionId);
		expect(() => db.prepare("UPDATE survey_version SET document = '{}' WHERE id = ?").run(versionId)).toThrow(
			/cannot be changed/
		);
		expect(() => db.prepare('DELETE FROM survey_version WHERE id = ?').run(versionId)).toThrow(/cannot be deleted/);
	});

	it('refuses to create a survey from an invalid questionnaire, and stores nothing', () => {
		const db = open();
		const doc = small();
		doc.sections[0].questions[1].key = 'Q1';
		expect(() => surveys.create(db, { slug: 'bad', fiscalYear: 2026, document: doc })).toThrow(
			surveys.InvalidQuestionnaireError
		);
		expect(surveys.count(db)).toBe(0);
	});

	it('rejects a slug that is not lower-case letters, digits and hyphens', () => {
		const db = open();
		expect(() => surveys.create(db, { slug: 'Bad Slug', fiscalYear: 2026, document: small() })).toThrow(/CHECK/);
	});

	it('works out the phase from status and schedule', () => {
		const db = open();
		const { surveyId, versionId } = surveys.create(db, { slug: 'later', fiscalYear: 2027, document: small() });
		surveys.publish(db, surveyId, versionId, { opensAt: '2099-04-01T00:00:00Z' });
		expect(surveys.listPublic(db, new Date())[0].phase).toBe('scheduled');
		surveys.publish(db, surveyId, versionId, { opensAt: null, closesAt: '2000-01-01T00:00:00Z' });
		expect(surveys.listPublic(db, new Date())[0].phase).toBe('closed');
	});
});
