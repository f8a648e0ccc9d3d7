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
