// Backups of the whole database for administrators: written by VACUUM INTO on a connection of
// its own in a worker thread, so residents' answers go on being taken meanwhile, then checked
// before it is handed over. VACUUM rebuilds every table in key order (random ids) and leaves
// free pages behind, so the copy keeps neither the order rows were written in nor any deleted
// row's remains; the day's waiting responses are in it sealed (response-pool.ts), openable
// only with the key, which is never in it. The copy holds every response: only administrators
// may take one, and each is written to the audit log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { DB } from './db';

export interface DatabaseSummary {
	bytes: number;
	surveys: number;
	responses: number;
	staff: number;
	auditEvents: number;
	migrations: string[];
}

const COUNTS = `SELECT (SELECT count(*) FROM survey) AS surveys, (SELECT count(*) FROM response) AS responses,
	(SELECT count(*) FROM staff_user) AS staff, (SELECT count(*) FROM audit_event) AS auditEvents`;

/** What a database holds, for the backup page and to compare a backup with its source. */
export function summarize(db: Database.Database): DatabaseSummary {
	const counts = db.prepare(COUNTS).get() as Pick<DatabaseSummary, 'surveys' | 'responses' | 'staff' | 'auditEvents'>;
	return {
		bytes: (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number),
		...counts,
		migrations: migrationsOf(db)
	};
}

const migrationsOf = (db: Database.Database) => db.prepare('SELECT name FROM schema_migration ORDER BY name').pluck().all() as string[];

export class BackupCheckError extends Error {}

export interface Backup {
	file: string;
	summary: DatabaseSummary;
	/** Removes the copy and its folder. */
	remove: () => void;
}

/** The driver's entry file, for the worker to load (it runs as a script, outside the bundle). */
const driver = createRequire(import.meta.url).resolve('better-sqlite3');

const VACUUM_INTO = `const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.from, { readonly: true, fileMustExist: true });
try { db.pragma('busy_timeout = 5000'); db.prepare('VACUUM INTO ?').run(workerData.to); } finally { db.close(); }
parentPort.postMessage('done');`;

/** Writes a compacted copy of the database file `from` to `to`, off the main thread. */
function vacuumInto(from: string, to: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(VACUUM_INTO, { eval: true, workerData: { driver, from, to } });
		worker.once('message', () => resolve());
		worker.once('error', reject);
		worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`backup worker exited with ${code}`))));
	});
}

/**
 * Copies the database into a new file of its own in a private temporary folder and checks the
 * copy (SQLite's quick_check, and the migrations it records). The caller sends it and then
 * removes it.
 */
export async function makeBackup(db: DB, tmp = os.tmpdir()): Promise<Backup> {
	const dir = fs.mkdtempSync(path.join(tmp, 'survey-backup-'));
	const remove = () => fs.rmSync(dir, { recursive: true, force: true });
	try {
		const file = path.join(dir, 'survey.sqlite');
		await vacuumInto(db.name, file);
		const copy = new Database(file, { readonly: true, fileMustExist: true });
		try {
			const check = copy.pragma('quick_check', { simple: true });
			if (check !== 'ok') throw new BackupCheckError(`quick_check: ${String(check)}`);
			const summary = summarize(copy);
			if (summary.migrations.join() !== migrationsOf(db).join()) throw new BackupCheckError('migrations differ');
			return { file, summary, remove };
		} finally {
			copy.close();
		}
	} catch (e) {
		remove();
		throw e;
	}
}

export const backupFileName = (day: string) => `survey-backup_${day}.sqlite`;
