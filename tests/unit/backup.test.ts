// Backups on a temporary SQLite file: a checked copy with everything in it, in a folder of its
// own that is removed afterwards.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase, type DB } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';
import { backupFileName, makeBackup, summarize } from '../../src/lib/server/backup';
import { tempDatabasePath } from './support/temp-db';

const temp = tempDatabasePath();
let db: DB;

beforeAll(() => {
	db = openDatabase(temp.file);
	surveys.installBundled(db);
	addSynthetic(db, surveys.findPublished(db, 'digital-2022')!.survey.id, { count: 300, seed: 7, from: '2022-10-01', to: '2022-10-31' });
});
afterAll(() => {
	db.close();
	temp.remove();
});

describe('a backup', () => {
	it('holds what the database holds, checked, and is removed on request', async () => {
		const backup = await makeBackup(db, path.dirname(temp.file));
		expect(path.dirname(path.dirname(backup.file))).toBe(path.dirname(temp.file));
		const copy = new Database(backup.file, { readonly: true });
		const ids = (d: Database.Database) => d.prepare('SELECT id, answers FROM response ORDER BY id').raw().all();
		expect(ids(copy)).toEqual(ids(db));
		const answers = 'SELECT sum(json_array_length(answers)) FROM response';
		expect(copy.prepare(answers).pluck().get()).toBe(db.prepare(answers).pluck().get());
		copy.close();
		// Compacted: the same rows, in no more pages than the database's.
		const { bytes, ...held } = backup.summary;
		const { bytes: sourceBytes, ...source } = summarize(db);
		expect(held).toEqual(source);
		expect(bytes).toBeLessThanOrEqual(sourceBytes);
		expect(backup.summary).toMatchObject({ responses: 300, surveys: 1 });
		expect(backup.summary.migrations.at(-1)).toMatch(/^\d{3}_/);
		backup.remove();
		expect(fs.existsSync(path.dirname(backup.file))).toBe(false);
	});

	it('is a database the app opens and migrates like its own', async () => {
		const backup = await makeBackup(db);
		const reopened = openDatabase(backup.file);
		expect(summarize(reopened).responses).toBe(300);
		reopened.close();
		backup.remove();
	});

	it('is named for the day', () => {
		expect(backupFileName('2026-12-01')).toBe('survey-backup_2026-12-01.sqlite');
	});
});
