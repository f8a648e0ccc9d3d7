// Writes arriving together share one durable commit, each in a savepoint of its own: checked
// on a real SQLite file by counting the commits the WAL sees and by failing one write.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../src/lib/server/db';
import { commitTogether } from '../../src/lib/server/group-commit';
import { tempDatabasePath } from './support/temp-db';

let temp: ReturnType<typeof tempDatabasePath>;
let db: DB;
beforeEach(() => {
	temp = tempDatabasePath();
	db = openDatabase(temp.file);
	db.exec('CREATE TABLE note (text TEXT NOT NULL UNIQUE) STRICT');
});
afterEach(() => {
	db.close();
	temp.remove();
});

const add = (text: string) => () => db.prepare('INSERT INTO note (text) VALUES (?)').run(text).changes;
const notes = () => db.prepare('SELECT text FROM note ORDER BY text').pluck().all();
/** Commits so far, as SQLite counts changes to the file (data_version moves on other connections' commits). */
const commits = (() => {
	let watcher: DB | undefined;
	return () => (watcher ??= openDatabase(temp.file)).pragma('data_version', { simple: true }) as number;
})();

describe('writes committed together', () => {
	it('are one commit for all that arrive in the same turn, and each promise has its own result', async () => {
		const before = commits();
		const results = await Promise.all(['一', '二', '三', '四'].map((t) => commitTogether(db, add(t))));
		expect(results).toEqual([1, 1, 1, 1]);
		expect(notes()).toEqual(['一', '三', '二', '四']);
		expect(commits() - before).toBe(1);
	});

	it('settle only after the commit: nothing is acknowledged before it is stored', async () => {
		let stored: unknown[] = [];
		await commitTogether(db, () => ((stored = notes()), add('五')()));
		expect(stored).toEqual([]);
		// Another connection sees it once the promise has settled.
		const other = openDatabase(temp.file);
		expect(other.prepare('SELECT count(*) FROM note').pluck().get()).toBe(1);
		other.close();
	});

	it('undo a write that fails, alone: the others are stored', async () => {
		const outcomes = await Promise.allSettled([commitTogether(db, add('同じ')), commitTogether(db, add('同じ')), commitTogether(db, add('別'))]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/UNIQUE/);
		expect(notes()).toEqual(['別', '同じ']);
	});

	it('all fail at once when another connection holds the write lock: one wait, not one per write', async () => {
		const other = openDatabase(temp.file);
		db.pragma('busy_timeout = 200');
		other.exec('BEGIN IMMEDIATE');
		const started = performance.now();
		const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => commitTogether(db, add(`待${i}`))));
		const waited = performance.now() - started;
		other.exec('ROLLBACK');
		other.close();
		expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
		expect(waited).toBeLessThan(1500);
		expect(notes()).toEqual([]);
	});

	it('store none of the group when SQLite undoes the whole transaction (a full disk), and say why', async () => {
		db.pragma('wal_checkpoint(TRUNCATE)');
		db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 2}`);
		const outcomes = await Promise.allSettled([commitTogether(db, add('前')), commitTogether(db, add('大'.repeat(200_000))), commitTogether(db, add('後'))]);
		expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
		expect(outcomes.map((o) => String((o as PromiseRejectedResult).reason?.message))).toEqual(Array(3).fill(expect.stringMatching(/full/)));
		expect(db.inTransaction).toBe(false);
		const other = openDatabase(temp.file);
		expect(other.prepare('SELECT count(*) FROM note').pluck().get()).toBe(0);
		other.close();
	});

	it('wait for a transaction already open on the connection instead of committing inside it', async () => {
		const pending = commitTogether(db, add('外'));
		db.exec('BEGIN');
		// The turn in which the group would commit comes and goes while the transaction is open.
		await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setImmediate(resolve));
		db.exec('ROLLBACK');
		expect(await pending).toBe(1);
		expect(notes()).toEqual(['外']);
	});
});
