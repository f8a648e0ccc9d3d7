// A backup of a database with many responses: how long it takes against copying the file
// (same run), and the longest time the server's event loop is held meanwhile, which is how long
// a resident's submission could wait.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';
import { makeBackup } from '../../src/lib/server/backup';
import { tempDatabasePath } from '../unit/support/temp-db';
import { longestStall } from './support/stalls';

const SIZE = Number(process.env.BENCH_BACKUP_SIZE ?? 50_000);
const temp = tempDatabasePath();
let db: DB;

beforeAll(() => {
	db = openDatabase(temp.file);
	surveys.installBundled(db);
	addSynthetic(db, surveys.findPublished(db, 'digital-2022')!.survey.id, { count: SIZE, seed: 11, from: '2022-10-01', to: '2022-10-31' });
	db.pragma('wal_checkpoint(TRUNCATE)');
});
afterAll(() => {
	db.close();
	temp.remove();
});

it('backs up a large database without holding the server', async () => {
	const started = performance.now();
	const copied = path.join(path.dirname(temp.file), 'copy.sqlite');
	fs.copyFileSync(temp.file, copied);
	const copying = performance.now() - started;
	fs.rmSync(copied);

	const { result: backup, longestMs: longest, ms: backingUp } = await longestStall(() => makeBackup(db, path.dirname(temp.file)));
	expect(backup.summary.responses).toBe(SIZE);
	const mb = fs.statSync(backup.file).size / 2 ** 20;
	backup.remove();
	console.log(
		`backup of ${SIZE.toLocaleString('en')} responses (${mb.toFixed(0)} MB): ${(backingUp / 1000).toFixed(2)} s with the check, ` +
			`${(backingUp / copying).toFixed(1)}× the ${(copying / 1000).toFixed(2)} s of copying the file; event loop held at most ${longest.toFixed(0)} ms at a time`
	);
});
