// Writes that arrive together are committed together. A durable commit (WAL, synchronous=FULL)
// waits for the disk once, however many rows it holds, and that wait is most of what storing a
// resident's answers costs; so the submissions that reach the server while one commit is on
// the disk are written in one transaction after it, each in a savepoint of its own. Each
// caller's promise settles only once its write is on the disk (or failed): nothing is
// acknowledged before it is durable, and one write that fails (throws) undoes only itself.
import type { DB } from './db';

interface Job {
	work: () => unknown;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

const waiting = new WeakMap<DB, Job[]>();

/** Runs `work` (synchronous, on `db`) in the next shared transaction; resolves after its commit. */
export function commitTogether<T>(db: DB, work: () => T): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		let jobs = waiting.get(db);
		if (!jobs) {
			waiting.set(db, (jobs = []));
			setImmediate(() => commit(db));
		}
		jobs.push({ work, resolve: resolve as (value: unknown) => void, reject });
	});
}

function commit(db: DB): void {
	// Never inside someone else's transaction: there a commit would only be a savepoint's release.
	if (db.inTransaction) {
		setImmediate(() => commit(db));
		return;
	}
	const jobs = waiting.get(db)!;
	waiting.delete(db);
	const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
	try {
		// IMMEDIATE: the write lock is taken (or waited for) once, for the whole group.
		db.transaction(() => {
			for (const job of jobs) {
				try {
					outcomes.push({ ok: true, value: db.transaction(job.work)() });
				} catch (error) {
					outcomes.push({ ok: false, error });
				}
				// Some errors (a full disk, an I/O error) make SQLite undo the whole transaction:
				// then nothing of the group is written, and no later job may run outside it.
				if (!db.inTransaction) throw (outcomes.at(-1) as { error?: unknown }).error ?? new Error('the shared transaction was undone');
			}
		}).immediate();
	} catch (error) {
		// The group was not stored: none of its writes happened.
		for (const job of jobs) job.reject(error);
		return;
	}
	jobs.forEach((job, i) => {
		const outcome = outcomes[i];
		if (outcome.ok) job.resolve(outcome.value);
		else job.reject(outcome.error);
	});
}
