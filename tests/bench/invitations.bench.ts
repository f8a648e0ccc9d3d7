// Issuing one full batch of invitation codes and making its letters (QR codes included): the
// time a designer waits after pressing 発行する, and the size of the letters' QR codes on the
// page, against inserting the same number of rows with nothing else to do (same run).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import * as invitations from '../../src/lib/server/invitations';
import { letters } from '../../src/lib/server/invitation-letters';
import { tempDatabasePath } from '../unit/support/temp-db';

const temp = tempDatabasePath();
let db: DB;
let surveyId: number;

beforeAll(() => {
	db = openDatabase(temp.file);
	surveys.installBundled(db);
	surveyId = surveys.findPublished(db, 'digital-2022')!.survey.id;
});
afterAll(() => {
	db.close();
	temp.remove();
});

it('issues a full batch and makes its letters', async () => {
	const n = invitations.MAX_BATCH;
	let started = performance.now();
	db.exec('CREATE TABLE plain (k TEXT PRIMARY KEY, b INTEGER) STRICT, WITHOUT ROWID');
	const insert = db.prepare('INSERT INTO plain VALUES (?, 1)');
	db.transaction(() => {
		for (let i = 0; i < n; i++) insert.run(String(i).padStart(64, '0'));
	})();
	const baseline = performance.now() - started;

	started = performance.now();
	const { codes } = invitations.issue(db, surveyId, n, '2026-12-01');
	const issuing = performance.now() - started;
	started = performance.now();
	const made = await letters('https://survey.city.example.lg.jp', 'digital-2022', codes);
	const lettering = performance.now() - started;
	expect(made).toHaveLength(n);
	const qrBytes = made.reduce((sum, l) => sum + l.qr.length, 0);
	console.log(
		`${n.toLocaleString('en')} codes: issued in ${issuing.toFixed(0)} ms (${(issuing / baseline).toFixed(1)}× the ${baseline.toFixed(0)} ms of inserting ` +
			`as many plain rows), letters with QR codes in ${lettering.toFixed(0)} ms, QR codes ${(qrBytes / 2 ** 20).toFixed(1)} MB ` +
			`(${(qrBytes / n / 1024).toFixed(1)} KB a letter)`
	);
});
