// A resident's survey post as plain HTTP, and reading a server's own database file.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { LEAST_ANSWERS } from '../../support/least-answers';

export const SURVEY = '/s/digital-2022';

/** Reads the database at `path` (read-only) while its server runs. */
export function readDb<T>(path: string, read: (db: Database.Database) => T): T {
	const db = new Database(path, { readonly: true, fileMustExist: true });
	try {
		return read(db);
	} finally {
		db.close();
	}
}

export const versionIdOf = (path: string) =>
	readDb(path, (db) => db.prepare("SELECT published_version_id FROM survey WHERE slug = 'digital-2022'").pluck().get() as number);

/** The least a resident sends (consent and the required questions), and any further fields. */
export function answers(versionId: number, more: Record<string, string> = {}): string {
	return new URLSearchParams({
		consent: 'yes',
		submissionKey: randomBytes(18).toString('base64url'),
		versionId: String(versionId),
		...LEAST_ANSWERS,
		...more
	}).toString();
}

/** Responses a server has taken: stored, or waiting sealed for their day's batch. */
export const taken = (path: string) =>
	readDb(path, (db) => db.prepare('SELECT (SELECT count(*) FROM response) + (SELECT count(*) FROM response_pool)').pluck().get() as number);
