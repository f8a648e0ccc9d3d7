// What an investigator holding the database files learns, on a server of its own: residents
// answer with known invitation codes in a known order, each response carrying a marker text,
// and the raw bytes of the database file, its -wal and -shm, and a backup made as the README
// says, are searched (while answers arrive, after a kill -9 in the middle of a burst, and after
// the day's batch). The investigator must not be able to pair a code with its response, or
// order responses within their day, better than chance:
// - a marker in plain text before its day's batch, or a code's plain SHA-256, is a failure;
// - a WAL commit holding some but not all of a day's markers is a failure (it would pair those
//   responses with the codes marked in the same commit, and order them against the rest);
// - marker positions (byte offsets, WAL frame order) must not follow arrival: |Kendall's tau|
//   below the bound chance stays under in all but one run of 10,000 (z = 3.89).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startServer, type RunningServer } from '../support/server';
import { postForm } from './support/http';
import { SURVEY, answers, readDb, taken, versionIdOf } from './support/resident';
import { arrivalTau, markersIn, snapshot, walCommits } from './support/forensics';
import { issue } from '../../src/lib/server/invitations';
import { mixPool } from '../../src/lib/server/responses';
import { makeBackup } from '../../src/lib/server/backup';
import fs from 'node:fs';

const N = 60;
const marker = (i: number) => `ZQ${String(i).padStart(4, '0')}XK`;

function openServerDb(file: string): Database.Database {
	const db = new Database(file, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	return db;
}

/** Makes the bundled survey one for invited residents, and issues `n` codes for it. */
function codesFor(file: string, n: number): string[] {
	const db = openServerDb(file);
	try {
		const surveyId = db.prepare("SELECT id FROM survey WHERE slug = 'digital-2022'").pluck().get() as number;
		db.prepare('UPDATE survey SET invitation_required = 1 WHERE id = ?').run(surveyId);
		return issue(db, surveyId, n, '2026-12-01').codes;
	} finally {
		db.close();
	}
}

/** The day's batch, as the server makes it after midnight (here: every waiting response, now). */
function mixNow(file: string): number {
	const db = openServerDb(file);
	try {
		return mixPool(db, '9999-12-31');
	} finally {
		db.close();
	}
}

async function answer(server: RunningServer, code: string, i: number): Promise<number> {
	const body = answers(versionIdOf(server.databasePath), { invitation: code, C4: `ご意見 ${marker(i)} です` });
	return (await postForm(`${server.url}${SURVEY}`, body)).status;
}

/** What the investigator can say from these bytes; fails the test where that beats chance. */
function expectNothingBeyondChance(label: string, bytes: Buffer, markers: string[], codes: string[]) {
	for (const code of codes) {
		const sha = createHash('sha256').update(code).digest();
		expect(bytes.includes(sha.toString('hex')) || bytes.includes(sha), `${label}: a code's plain SHA-256`).toBe(false);
	}
	const { found, tau, bound } = arrivalTau(bytes, markers);
	if (tau !== undefined) {
		console.log(`${label}: ${found} markers, Kendall's tau against arrival ${tau.toFixed(3)} (bound ±${bound!.toFixed(3)})`);
		expect(Math.abs(tau), `${label}: Kendall's tau of ${found} positions against arrival`).toBeLessThan(bound!);
	}
	return found;
}

/** Every WAL commit with markers in it holds all of them: one batch, in no order of arrival. */
function expectOneBatchCommits(label: string, wal: Buffer, markers: string[]) {
	for (const pages of walCommits(wal)) {
		const inCommit = markersIn(pages, markers);
		if (inCommit.length) expect(inCommit.length, `${label}: a WAL commit with ${inCommit.length} of ${markers.length} responses`).toBe(markers.length);
	}
}

describe('a day of answers with invitation codes', () => {
	let server: RunningServer;
	let codes: string[];
	const markers = Array.from({ length: N }, (_, i) => marker(i));
	beforeAll(async () => {
		server = await startServer();
		codes = codesFor(server.databasePath, N);
		for (let i = 0; i < N; i++) expect(await answer(server, codes[i], i)).toBe(303);
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('leaves no answer readable, and no code marked, until the day is over', () => {
		const files = snapshot(server.databasePath);
		for (const [name, bytes] of Object.entries(files)) expect(expectNothingBeyondChance(name, bytes, markers, codes), `${name}: markers in plain text`).toBe(0);
		expect(taken(server.databasePath)).toBe(N);
		expect(readDb(server.databasePath, (db) => db.prepare('SELECT count(*) FROM invitation WHERE used = 1').pluck().get())).toBe(0);
		// Each code is used all the same: a second answer with it is refused.
		return answer(server, codes[0], N).then((status) => expect(status).toBe(409));
	});

	it("stores the day's answers as one batch in random order, readable by no order of arrival", async () => {
		// A reader holds the WAL open, so the batch's commit stays in it to be copied.
		const reader = new Database(server.databasePath, { readonly: true });
		const hold = reader.prepare('SELECT count(*) FROM survey');
		reader.exec('BEGIN');
		hold.get();
		try {
			expect(mixNow(server.databasePath)).toBe(N);
			const held = snapshot(server.databasePath);
			expectOneBatchCommits('wal while a reader held it', held.wal, markers);
			expectNothingBeyondChance('wal while a reader held it', held.wal, markers, codes);
		} finally {
			reader.exec('COMMIT');
			reader.close();
		}
		// Nothing holds it now: the next batch (or housekeeping) truncates it.
		mixNow(server.databasePath);
		const db = openServerDb(server.databasePath);
		db.pragma('wal_checkpoint(TRUNCATE)');
		db.close();

		const files = snapshot(server.databasePath);
		expect(expectNothingBeyondChance('database file', files.db, markers, codes)).toBe(N);
		expectOneBatchCommits('wal', files.wal, markers);
		expectNothingBeyondChance('wal', files.wal, markers, codes);
		expect(readDb(server.databasePath, (db) => db.prepare('SELECT count(*) FROM invitation WHERE used = 1').pluck().get())).toBe(N);
		expect(readDb(server.databasePath, (db) => db.prepare('SELECT count(*) FROM response_pool').pluck().get())).toBe(0);
	});

	it('makes backups that keep no order of arrival either', async () => {
		const db = openServerDb(server.databasePath);
		try {
			const backup = await makeBackup(db, path.dirname(server.databasePath));
			try {
				expect(expectNothingBeyondChance('backup', fs.readFileSync(backup.file), markers, codes)).toBe(N);
			} finally {
				backup.remove();
			}
		} finally {
			db.close();
		}
	});
});

describe('a kill -9 in the middle of a burst', () => {
	let first: RunningServer;
	let dir: string;
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('leaves nothing an investigator can pair or order, and loses no acknowledged answer', async () => {
		first = await startServer();
		dir = path.dirname(first.databasePath);
		const codes = codesFor(first.databasePath, N);
		const markers = Array.from({ length: N }, (_, i) => marker(1000 + i));
		// Ten at a time; the server is killed while the fourth ten are on their way.
		const acknowledged: string[] = [];
		for (let start = 0; start < N; start += 10) {
			const burst = Array.from({ length: 10 }, (_, j) => start + j).map(async (i) => {
				const status = await answer(first, codes[i], 1000 + i).catch(() => 0);
				if (status === 303) acknowledged.push(markers[i]);
			});
			if (start === 30) {
				await new Promise((r) => setTimeout(r, 15));
				await first.crash();
				await Promise.all(burst);
				break;
			}
			await Promise.all(burst);
		}
		expect(acknowledged.length).toBeGreaterThanOrEqual(30);
		const crashed = snapshot(first.databasePath);
		for (const [name, bytes] of Object.entries(crashed))
			expect(expectNothingBeyondChance(`${name} after kill -9`, bytes, markers, codes), `${name}: markers in plain text`).toBe(0);

		// The next start keeps the day's answers waiting; the day's batch stores every one acknowledged.
		const second = await startServer({}, { databasePath: first.databasePath });
		try {
			mixNow(second.databasePath);
			const stored = readDb(second.databasePath, (db) => db.prepare('SELECT answers FROM response').pluck().all() as string[]).join('\n');
			for (const m of acknowledged) expect(stored, `acknowledged response ${m}`).toContain(m);
			const files = snapshot(second.databasePath);
			const found = expectNothingBeyondChance('database file after the batch', files.db, markers, codes);
			expect(found).toBeGreaterThanOrEqual(acknowledged.length);
			expectOneBatchCommits('wal after the batch', files.wal, markers.filter((m) => stored.includes(m)));
		} finally {
			await second.stop();
		}
	});
});
