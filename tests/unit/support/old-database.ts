// A database as an earlier release left it: a temporary file with the migrations before one
// name applied (and recorded), so a test can store rows of that time and run the rest.
import Database from 'better-sqlite3';
import { migrations } from '../../../src/lib/server/db';
import { tempDatabasePath } from './temp-db';

export function databaseBefore(migration: string): { db: Database.Database; remove: () => void } {
	const file = tempDatabasePath();
	const db = new Database(file.file);
	db.exec('CREATE TABLE schema_migration (name TEXT PRIMARY KEY, applied_at TEXT) STRICT');
	for (const m of migrations().filter((m) => m.name < migration)) {
		db.exec(m.sql);
		db.prepare('INSERT INTO schema_migration (name) VALUES (?)').run(m.name);
	}
	return { db, remove: file.remove };
}
