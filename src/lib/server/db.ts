// Opens the SQLite database with the pragmas this system relies on and applies migrations.
// synchronous=FULL with WAL: a response acknowledged to a resident has been fsynced, so it
// survives a crash or a power cut (NORMAL would only survive an application crash).
// secure_delete: deleted rows (a day's pooled responses once stored, responses past their
// retention) are overwritten with zeros, not left readable in free space.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { config } from './config';

export type DB = Database.Database;

/** The migration files, bundled at build time so the server needs no source tree. */
const migrationFiles = import.meta.glob('/db/migrations/*.sql', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

export function migrations(): { name: string; sql: string }[] {
	return Object.entries(migrationFiles)
		.map(([file, sql]) => ({ name: path.basename(file), sql }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Applies the migrations not yet recorded, each in its own transaction. Safe to run twice. */
export function migrate(db: DB): string[] {
	db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
		name TEXT PRIMARY KEY,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
	) STRICT`);
	const applied = new Set(
		db.prepare('SELECT name FROM schema_migration').pluck().all() as string[]
	);
	const record = db.prepare('INSERT INTO schema_migration (name) VALUES (?)');
	const done: string[] = [];
	for (const { name, sql } of migrations()) {
		if (applied.has(name)) continue;
		db.transaction(() => {
			db.exec(sql);
			record.run(name);
		})();
		done.push(name);
	}
	return done;
}

export function openDatabase(file: string): DB {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
	const db = new Database(file);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	db.pragma('secure_delete = ON');
	db.pragma('busy_timeout = 5000');
	migrate(db);
	return db;
}

const statements = new WeakMap<DB, Map<string, Database.Statement>>();

/**
 * A statement compiled once per connection, for the few every resident's submission runs
 * (compiling costs more than running them). Only for statements run one way: pluck() and raw()
 * change a statement for every later user, so those stay with db.prepare.
 */
export function statement(db: DB, sql: string): Database.Statement {
	let byText = statements.get(db);
	if (!byText) statements.set(db, (byText = new Map()));
	let s = byText.get(sql);
	if (!s) byText.set(sql, (s = db.prepare(sql)));
	return s;
}

let shared: DB | undefined;

/** The application's database, opened (and migrated) on first use. */
export function db(): DB {
	shared ??= openDatabase(config.databasePath);
	return shared;
}
