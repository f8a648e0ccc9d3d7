// What keeping no order of arrival costs: taking a response into the sealed pool against
// inserting it straight into the response table (same rows, same run), and the day's batch
// that stores a day of responses together after midnight, with the longest time it holds the
// server's event loop. Run with `npm run bench`; it prints figures and checks nothing about speed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import * as responses from '../../src/lib/server/responses';
import { toStored } from '../../src/lib/survey/stored-answers';
import { checkAnswers } from '../../src/lib/survey/validate-answers';
import { syntheticValues } from '../../src/lib/survey/synthetic';
import { seededRandom } from '../../src/lib/seeded-random';
import { tempDatabasePath } from '../unit/support/temp-db';

const DAY = Number(process.env.BENCH_POOL_DAY ?? 3000);
const temp = tempDatabasePath();
let db: DB;

beforeAll(() => {
	db = openDatabase(temp.file);
	surveys.installBundled(db);
});
afterAll(() => {
	db.close();
	temp.remove();
});

it('takes responses into the pool and stores a day of them in one shuffled batch', () => {
	const { survey, versionId, document } = surveys.findPublished(db, 'digital-2022')!;
	const random = seededRandom(5);
	const rows = Array.from({ length: DAY }, () => toStored(document, checkAnswers(document, syntheticValues(document, random)).answers));
	const meta = { surveyId: survey.id, versionId, channel: 'web' as const, language: 'ja' as const, day: '2026-11-30' };

	// One transaction each, as residents' submissions are.
	let started = performance.now();
	for (const r of rows) db.transaction(() => responses.insertResponse(db, meta, r))();
	const direct = (performance.now() - started) / DAY;
	db.prepare('DELETE FROM response').run();

	started = performance.now();
	for (const r of rows) responses.store(db, { ...meta, answers: r });
	const pooled = (performance.now() - started) / DAY;
	const sealedMb = (db.prepare('SELECT sum(length(sealed)) FROM response_pool').pluck().get() as number) / 2 ** 20;

	started = performance.now();
	expect(responses.mixPool(db, '2026-12-01')).toBe(DAY);
	const batch = performance.now() - started;
	console.log(
		`pool: taking a response ${pooled.toFixed(2)} ms against ${direct.toFixed(2)} ms inserted straight (${(pooled / direct).toFixed(2)}×, synchronous=FULL); ` +
			`${DAY.toLocaleString('en')} sealed responses ${sealedMb.toFixed(1)} MB; the day's batch stores them in ${(batch / 1000).toFixed(2)} s ` +
			`(${(batch / DAY).toFixed(2)} ms each), holding the event loop that long once after midnight`
	);
});
