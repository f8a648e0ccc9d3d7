// The survey's submission action, run as SvelteKit runs it, against a temporary SQLite file.
import { decodeAnswers, encodeAnswers } from '../../src/lib/survey/stored-answers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import { tempDatabasePath } from './support/temp-db';
import { runAction } from './support/run-action';
import { LEAST_ANSWERS } from '../support/least-answers';

const temp = tempDatabasePath();
process.env.DATABASE_PATH = temp.file;
process.env.SUBMIT_RATE_LIMIT = '3';

type Fields = Record<string, string | string[]>;
let submitAction: (event: unknown) => Promise<unknown>;
let db: Database.Database;
let versionId: number;
let storeWaiting: (db: Database.Database) => number;

beforeAll(async () => {
	const dbModule = await import('../../src/lib/server/db');
	const surveys = await import('../../src/lib/server/surveys');
	db = dbModule.db();
	surveys.installBundled(db);
	versionId = surveys.findPublished(db, 'digital-2022')!.versionId;
	const route = await import('../../src/routes/s/[slug]/+page.server');
	({ storeWaiting } = await import('./support/pool'));
	submitAction = route.actions.default as (event: unknown) => Promise<unknown>;
});
afterAll(() => {
	db.close();
	temp.remove();
});

let clientNumber = 0;
/** Each call comes from a new client unless one is named, so the rate limit stays out of the way. */
async function post(fields: Fields, client = `198.51.100.${++clientNumber}`) {
	const { result } = await runAction(submitAction as never, {
		url: 'http://localhost/s/digital-2022',
		fields,
		params: { slug: 'digital-2022' },
		client
	});
	return result;
}

let keyNumber = 0;
const form = (extra: Fields = {}): Fields => ({
	consent: 'yes',
	submissionKey: `test-submission-key-${String(++keyNumber).padStart(4, '0')}`,
	versionId: String(versionId),
	...LEAST_ANSWERS,
	...extra
});

// What was taken: stored, or waiting for the day's batch (stored first, as that batch would).
function counts() {
	storeWaiting(db);
	return {
		responses: db.prepare('SELECT count(*) FROM response').pluck().get() as number,
		answers: db.prepare('SELECT coalesce(sum(json_array_length(answers)), 0) FROM response').pluck().get() as number
	};
}

describe('submitting the survey', () => {
	it('stores a valid response with its answers and redirects to the thank-you page', async () => {
		const before = counts();
		const result = await post(form({ A1: ['1', '2'], 'T1.T1_2': '1', C4: '意見です', W1: '8' }));
		expect(isRedirect(result) && result.location).toBe('/s/digital-2022/thanks');
		expect(counts().responses).toBe(before.responses + 1);
		// F1 F3 F4 D2, two A1 codes, one matrix row, C4 and W1.
		expect(counts().answers).toBe(before.answers + 9);
	});

	it('keeps nothing about the person: only the day, the channel and the language', () => {
		const columns = (db.prepare("SELECT name FROM pragma_table_info('response')").pluck().all() as string[]).sort();
		expect(columns).toEqual(['answers', 'channel', 'id', 'language', 'submitted_on', 'survey_version_id', 'synthetic']);
		const row = db.prepare('SELECT * FROM response LIMIT 1').get() as Record<string, unknown>;
		expect(row.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(row.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
		// The answers are stored once, on the response, in questionnaire order, the defaults left off.
		const stored = decodeAnswers(row.answers as string);
		expect(stored.length).toBeGreaterThan(5);
		expect(row.answers).toBe(encodeAnswers(stored));
		expect(JSON.parse(row.answers as string)[0]).toEqual(['F1', '', stored[0].code]);
		expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'answer'").pluck().get()).toBe(0);
		// And it cannot be changed afterwards.
		expect(() => db.prepare("UPDATE response SET channel = 'paper' WHERE id = ?").run(row.id)).toThrow(/cannot be changed/);
		expect(() => db.prepare("UPDATE response SET answers = '[]' WHERE id = ?").run(row.id)).toThrow(/cannot be changed/);
	});

	it('drops answers to questions that conditions hide', async () => {
		const before = counts();
		// D2=1 (daily user) hides D3; T2=1 hides T3.
		await post(form({ D3: ['1'], T2: '1', T3: ['2'] }));
		expect(counts().responses).toBe(before.responses + 1);
		const hidden = db.prepare("SELECT count(*) FROM response, json_each(answers) j WHERE j.value ->> 0 IN ('D3', 'T3')").pluck().get();
		expect(hidden).toBe(0);
	});

	it('rejects forged codes with a clear error and stores nothing', async () => {
		const before = counts();
		const result = await post(form({ F1: '99', G2: ['1', '42'] }));
		expect(isActionFailure(result)).toBe(true);
		if (!isActionFailure(result)) return;
		expect(result.status).toBe(400);
		expect(result.data).toMatchObject({ errors: { F1: { code: 'invalid' }, G2: { code: 'invalid' } } });
		expect(counts()).toEqual(before);
	});

	it('refuses an answer without consent, a missing required answer, or too long a text', async () => {
		const before = counts();
		for (const fields of [form({ consent: '' }), form({ F3: '' }), form({ C4: 'あ'.repeat(2001) })]) {
			const result = await post(fields);
			expect(isActionFailure(result) && result.status).toBe(400);
		}
		expect(counts()).toEqual(before);
	});

	it('refuses a request for a version that is not this survey’s, or without a submission key', async () => {
		const before = counts();
		for (const fields of [form({ versionId: '999' }), form({ submissionKey: '' }), form({ submissionKey: 'short' })]) {
			const result = await post(fields);
			expect(isActionFailure(result) && result.data).toMatchObject({ formError: 'badRequest' });
		}
		expect(counts()).toEqual(before);
	});

	it('stores one response for the same filled-in form sent twice', async () => {
		const before = counts();
		const fields = form();
		const first = await post(fields);
		const second = await post(fields);
		expect(isRedirect(first) && isRedirect(second)).toBe(true);
		expect(counts().responses).toBe(before.responses + 1);
	});

	it('slows down a client that submits too often, and keeps its address nowhere', async () => {
		const client = '192.0.2.77';
		for (let i = 0; i < 3; i++) expect(isRedirect(await post(form(), client))).toBe(true);
		const limited = await post(form(), client);
		expect(isActionFailure(limited) && limited.status).toBe(429);
		expect(isActionFailure(limited) && limited.data).toMatchObject({ formError: 'rateLimited' });
		const dump = (db.prepare("SELECT group_concat(sql) FROM sqlite_master").pluck().get() as string) +
			JSON.stringify(db.prepare('SELECT * FROM response').all()) +
			JSON.stringify(db.prepare('SELECT * FROM submission_key').all());
		expect(dump).not.toContain('192.0.2');
	});

	it('refuses answers once the survey has closed', async () => {
		db.prepare("UPDATE survey SET status = 'closed'").run();
		const before = counts();
		const result = await post(form());
		expect(isActionFailure(result) && result.status).toBe(409);
		expect(counts()).toEqual(before);
		db.prepare("UPDATE survey SET status = 'open'").run();
	});
});
