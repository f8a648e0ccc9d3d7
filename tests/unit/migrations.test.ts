// A database as main left it on 2026-12-01 (tests/fixtures/main-2026-12-01: demo data, paper
// entries with 不明 and skipped answers), opened by today's code, which migrates it: every
// export must come out byte for byte as that code wrote it, and each answer must now be kept
// once in the file, not twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { openDatabase, type DB } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import { exportStream, type Kind } from '../../src/lib/server/data-export';
import type { ValueMode } from '../../src/lib/survey/export-columns';
import { tempDatabasePath } from './support/temp-db';
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { codeKey } from '../../src/lib/server/code-key';
import { mixPool } from '../../src/lib/server/responses';
import { decodeAnswers, encodeAnswers, storedAnswer } from '../../src/lib/survey/stored-answers';
import { databaseBefore } from './support/old-database';
import { migrate } from '../../src/lib/server/db';

const FIXTURE = 'tests/fixtures/main-2026-12-01';
const expected = JSON.parse(readFileSync(`${FIXTURE}/exports.json`, 'utf8')) as Record<string, { bytes: number; sha256: string }>;
const temp = tempDatabasePath();
let db: DB;

const occurrences = (bytes: Buffer, text: string) => {
	const needle = Buffer.from(text, 'utf8');
	let n = 0;
	for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) n++;
	return n;
};

beforeAll(() => {
	writeFileSync(temp.file, gunzipSync(readFileSync(`${FIXTURE}/database.sqlite.gz`)));
	const before = new Database(temp.file, { readonly: true });
	expect(before.prepare('SELECT count(*) FROM answer').pluck().get()).toBeGreaterThan(1000);
	before.close();
	expect(occurrences(readFileSync(temp.file), '紙で回答しました')).toBe(2);
	db = openDatabase(temp.file);
});
afterAll(() => {
	db.close();
	temp.remove();
});

async function exported(surveyId: number, kind: Kind, values: ValueMode): Promise<Buffer> {
	const chunks: Uint8Array[] = [];
	for await (const chunk of exportStream(db, { surveyId, kind, values, encoding: 'utf8bom' }, temp.file) as unknown as AsyncIterable<Uint8Array>)
		chunks.push(chunk);
	return Buffer.concat(chunks);
}

describe('a database of main before migration 012', () => {
	it('keeps its answers once: the answer table is gone, and each text is in the file once', () => {
		expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE 'answer%'").pluck().all()).toEqual([]);
		db.pragma('wal_checkpoint(TRUNCATE)');
		expect(occurrences(readFileSync(temp.file), '紙で回答しました')).toBe(1);
	});

	it.each(Object.keys(expected))('exports %s byte for byte as before', async (name) => {
		const [slug, kind, values] = name.split(' ') as [string, Kind, ValueMode];
		const bytes = await exported(surveys.findPublished(db, slug)!.survey.id, kind, values);
		expect({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual(expected[name]);
	});
});

describe('a response an earlier release left waiting in the pool', () => {
	it('is stored with its answers when its day is over, though it was sealed in the old shape', () => {
		// Sealed as the release before this one sealed: the answers as `rows` of objects, a
		// valid one without status or skip flag, in a padded AES-256-GCM box.
		const old = {
			id: 'pooled-by-an-earlier-release',
			surveyId: surveys.findPublished(db, 'digital-2022')!.survey.id,
			versionId: surveys.findPublished(db, 'digital-2022')!.versionId,
			channel: 'paper',
			language: 'ja',
			day: '2026-11-30',
			rows: [
				{ questionKey: 'F1', rowKey: '', code: 3, number: null, text: null },
				{ questionKey: 'T2', rowKey: '', code: null, number: null, text: null, status: 'invalid', skipped: 0 },
				{ questionKey: 'C4', rowKey: '', code: null, number: null, text: '古い形で待っていた回答', status: 'valid', skipped: 1 }
			]
		};
		const key = createHmac('sha256', codeKey(temp.file)).update('response-pool seal v1').digest();
		const text = Buffer.from(JSON.stringify(old));
		const padded = Buffer.alloc(2048);
		padded.writeUInt32BE(text.length, 0);
		text.copy(padded, 4);
		const iv = randomBytes(12);
		const cipher = createCipheriv('aes-256-gcm', key, iv);
		const body = Buffer.concat([cipher.update(padded), cipher.final()]);
		db.prepare('INSERT INTO response_pool (tag, survey_id, received_on, sealed) VALUES (?, ?, ?, ?)').run(
			randomBytes(32), old.surveyId, old.day, Buffer.concat([iv, cipher.getAuthTag(), body])
		);
		expect(mixPool(db, '2026-12-01')).toBe(1);
		const stored = db.prepare('SELECT channel, submitted_on, answers FROM response WHERE id = ?').get(old.id) as { channel: string; submitted_on: string; answers: string };
		expect(stored).toMatchObject({ channel: 'paper', submitted_on: '2026-11-30' });
		expect(decodeAnswers(stored.answers)).toEqual([
			storedAnswer('F1', { code: 3 }),
			storedAnswer('T2', { status: 'invalid' }),
			storedAnswer('C4', { text: '古い形で待っていた回答', skipped: 1 })
		]);
	});
});

describe('migration 012 on answers that do not match their rows', () => {
	const cases: [string, string, [number, string, string, number | null, number | null, string | null, string, number][]][] = [
		['a gap in the rows', '[["F1","",3],["F2","",1]]', [[0, 'F1', '', 3, null, null, 'valid', 0], [5, 'F2', '', 1, null, null, 'valid', 0]]],
		['a code written as text', '[["F1","","3"]]', [[0, 'F1', '', 3, null, null, 'valid', 0]]],
		['a status written as null', '[["F1","",3,null,null,null]]', [[0, 'F1', '', 3, null, null, 'valid', 0]]],
		['an object instead of an array', '{"F1":3}', []],
		['an eighth field', '[["F1","",3,null,null,"valid",0,1]]', [[0, 'F1', '', 3, null, null, 'valid', 0]]],
		['a different text', '[["C4","",null,null,"意見 "]]', [[0, 'C4', '', null, null, '意見', 'valid', 0]]]
	];
	it.each(cases)('refuses %s, and leaves the database as it was', (_, answers, rows) => {
		const { db: old, remove } = databaseBefore('012');
		old.exec("INSERT INTO survey (id, slug, fiscal_year) VALUES (1, 'a', 2024); INSERT INTO survey_version (id, survey_id, version, document) VALUES (1, 1, 1, '{}')");
		old.prepare("INSERT INTO response (id, survey_version_id, channel, language, submitted_on, answers) VALUES ('r', 1, 'web', 'ja', '2026-01-01', ?)").run(answers);
		const add = old.prepare("INSERT INTO answer (response_id, seq, question_key, row_key, code, number, text, status, skipped) VALUES ('r', ?, ?, ?, ?, ?, ?, ?, ?)");
		for (const r of rows) add.run(...r);
		expect(() => migrate(old)).toThrow(/packed_answers_match_answer_rows/);
		expect(old.prepare('SELECT count(*) FROM answer').pluck().get()).toBe(rows.length);
		expect(old.prepare("SELECT count(*) FROM schema_migration WHERE name LIKE '012%'").pluck().get()).toBe(0);
		old.close();
		remove();
	});

	it('and the codec refuses to store what the table would have refused', () => {
		expect(() => encodeAnswers([storedAnswer('F1')])).toThrow(/not a storable answer/);
		expect(() => encodeAnswers([storedAnswer('W1', { number: Number.NaN })])).toThrow(/not a storable answer/);
		expect(() => encodeAnswers([storedAnswer('F1', { code: 1.5 })])).toThrow(/not a storable answer/);
		expect(encodeAnswers([storedAnswer('T2', { status: 'invalid' })])).toBe('[["T2","",null,null,null,"invalid"]]');
		expect(decodeAnswers('[["F1","",3,null,null,null,null]]')).toEqual([storedAnswer('F1', { code: 3 })]);
	});
});
