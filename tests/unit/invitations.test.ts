// Invitation codes on a temporary SQLite file: issued as hashes only, used up by the response
// they open in the same transaction (and not at all if that fails), never linked to it; and
// the survey page and its action for a survey that requires them.
import { storedAnswer } from '../../src/lib/survey/stored-answers';
import fs from 'node:fs';
import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import { runAction } from './support/run-action';
import { formatCode, normalizeCode } from '../../src/lib/survey/invitation-code';
import { letters } from '../../src/lib/server/invitation-letters';
import { keyFileFor } from '../../src/lib/server/code-key';
import { storeWaiting } from './support/pool';

// Before any import reads the configuration (imports are hoisted above plain statements).
const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase({ SUBMIT_RATE_LIMIT: '3' })));

let db: Database.Database;
let invitations: typeof import('../../src/lib/server/invitations');
let responses: typeof import('../../src/lib/server/responses');
let route: typeof import('../../src/routes/s/[slug]/+page.server');
let paperEntries: typeof import('../../src/lib/server/paper-entries');
let surveyId: number;
let otherId: number;
let versionId: number;

beforeAll(async () => {
	const dbModule = await import('../../src/lib/server/db');
	const surveys = await import('../../src/lib/server/surveys');
	invitations = await import('../../src/lib/server/invitations');
	responses = await import('../../src/lib/server/responses');
	route = await import('../../src/routes/s/[slug]/+page.server');
	paperEntries = await import('../../src/lib/server/paper-entries');
	db = dbModule.db();
	surveys.installBundled(db);
	const found = surveys.findPublished(db, 'digital-2022')!;
	surveyId = found.survey.id;
	versionId = found.versionId;
	db.prepare('UPDATE survey SET invitation_required = 1 WHERE id = ?').run(surveyId);
	otherId = surveys.create(db, { slug: 'other', fiscalYear: 2026, document: found.document }).surveyId;
});
afterAll(() => {
	db.close();
	temp.remove();
});

const count = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;
// Responses taken: stored, or waiting sealed for their day's batch.
const responseCount = () => count('SELECT count(*) FROM response') + count('SELECT count(*) FROM response_pool');

describe('codes as residents type them', () => {
	it('are 12 digits, read from full-width digits, spaces and any dash', () => {
		expect(normalizeCode('1234-5678-9012')).toBe('123456789012');
		expect(normalizeCode(' １２３４ー５６７８−９０１２ ')).toBe('123456789012');
		expect(normalizeCode('1234 5678 9012')).toBe('123456789012');
		expect(normalizeCode('1234-5678-901')).toBeUndefined();
		expect(normalizeCode('1234-5678-901a')).toBeUndefined();
		expect(normalizeCode('')).toBeUndefined();
		expect(formatCode('123456789012')).toBe('1234-5678-9012');
	});
});

describe('issuing codes', () => {
	it('gives each code once and keeps only its hash', () => {
		const { batchId, codes } = invitations.issue(db, surveyId, 200, '2026-12-01');
		expect(codes).toHaveLength(200);
		expect(new Set(codes).size).toBe(200);
		expect(codes.every((c) => /^\d{12}$/.test(c))).toBe(true);
		expect(count('SELECT count(*) FROM invitation WHERE batch_id = ?', batchId)).toBe(200);
		const stored = db.prepare('SELECT code_hash FROM invitation').pluck().all() as string[];
		expect(stored.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
		// Not one code in the database file, in either form.
		db.pragma('wal_checkpoint(TRUNCATE)');
		const file = fs.readFileSync(temp.file).toString('latin1');
		expect(codes.filter((c) => file.includes(c) || file.includes(formatCode(c)))).toEqual([]);
	});

	it('keys each hash with a secret kept beside the database, never in it', () => {
		const { codes } = invitations.issue(db, surveyId, 20, '2026-12-01');
		const keyFile = keyFileFor(temp.file);
		expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
		const key = Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'hex');
		expect(key.length).toBe(32);
		const stored = new Set(db.prepare('SELECT code_hash FROM invitation').pluck().all() as string[]);
		for (const code of codes) {
			expect(stored.has(createHash('sha256').update(code).digest('hex'))).toBe(false);
			expect(stored.has(createHmac('sha256', key).update(code).digest('hex'))).toBe(true);
		}
		// Neither the key nor anything that spells it is in the database file.
		db.pragma('wal_checkpoint(TRUNCATE)');
		const file = fs.readFileSync(temp.file);
		expect(file.includes(key)).toBe(false);
		expect(file.toString('latin1').includes(key.toString('hex'))).toBe(false);
	});

	it('still takes codes issued before the key (plain SHA-256), and marks their batch', () => {
		const code = '314159265358';
		const batch = Number(
			db.prepare("INSERT INTO invitation_batch (survey_id, issued, issued_on, keyed) VALUES (?, 1, '2026-11-01', 0)").run(surveyId).lastInsertRowid
		);
		db.prepare('INSERT INTO invitation (code_hash, batch_id) VALUES (?, ?)').run(createHash('sha256').update(code).digest('hex'), batch);
		expect(invitations.check(db, surveyId, code)).toBe('valid');
		expect(invitations.batches(db, surveyId).find((b) => b.id === batch)?.keyed).toBe(false);
		expect(invitations.batches(db, surveyId).filter((b) => b.id !== batch).every((b) => b.keyed)).toBe(true);
		invitations.withdraw(db, surveyId, batch);
		expect(invitations.check(db, surveyId, code)).toBe('unknown');
	});

	it('refuses a key that is too short', () => {
		process.env.INVITATION_KEY = 'abcd';
		try {
			expect(() => invitations.check(db, surveyId, '123456789012')).toThrow(/32 random bytes/);
		} finally {
			delete process.env.INVITATION_KEY;
		}
	});

	it('refuses a count outside 1 to the maximum', () => {
		expect(() => invitations.issue(db, surveyId, 0, '2026-12-01')).toThrow(RangeError);
		expect(() => invitations.issue(db, surveyId, invitations.MAX_BATCH + 1, '2026-12-01')).toThrow(RangeError);
		expect(() => invitations.issue(db, surveyId, 1.5, '2026-12-01')).toThrow(RangeError);
	});

	it('stores nothing that could link a code to a response, or keep the order of use', () => {
		const columns = db.prepare("SELECT name FROM pragma_table_info('invitation')").pluck().all();
		expect(columns).toEqual(['code_hash', 'batch_id', 'used']);
		expect(() => db.prepare('SELECT rowid FROM invitation').all()).toThrow();
	});
});

describe('using a code', () => {
	const answer = { versionId: 0, channel: 'web' as const, language: 'ja' as const, day: '2026-12-01' };
	const store = (invitation: string | undefined, key: string) =>
		responses.store(db, { ...answer, surveyId, versionId, invitation, submissionKey: key, answers: [storedAnswer('F1', { code: 7 })] });

	it('is checked against the survey it was issued for', () => {
		const [code] = invitations.issue(db, surveyId, 1, '2026-12-01').codes;
		expect(invitations.check(db, surveyId, formatCode(code))).toBe('valid');
		expect(invitations.check(db, otherId, code)).toBe('unknown');
		expect(invitations.check(db, surveyId, '0000-0000-000')).toBe('malformed');
		expect(invitations.check(db, surveyId, '0000-0000-0000')).toBe('unknown');
	});

	it('opens one response; a second with the same code stores nothing, not even its form key', () => {
		const [code] = invitations.issue(db, surveyId, 1, '2026-12-01').codes;
		const before = responseCount();
		expect(store(formatCode(code), 'invitation-key-000001')).toMatchObject({ stored: true });
		expect(invitations.check(db, surveyId, code)).toBe('used');
		expect(store(code, 'invitation-key-000002')).toEqual({ stored: false, reason: 'invitation' });
		expect(responseCount()).toBe(before + 1);
		// The refused form's key was rolled back with it: sent again with a fresh code it is stored.
		const [fresh] = invitations.issue(db, surveyId, 1, '2026-12-01').codes;
		expect(store(fresh, 'invitation-key-000002')).toMatchObject({ stored: true });
		// The same form sent twice is recognised as sent, not refused for its now-used code.
		expect(store(fresh, 'invitation-key-000002')).toEqual({ stored: false, reason: 'duplicate' });
		expect(responseCount()).toBe(before + 2);
	});

	it("is marked used only in its day's batch, among the others, and its waiting row is erased", () => {
		storeWaiting(db);
		const codes = invitations.issue(db, surveyId, 3, '2026-12-01').codes;
		codes.forEach((c, i) => store(c, `invitation-key-batch-${i}0000`));
		const marked = () => count('SELECT count(*) FROM invitation WHERE used = 1');
		const before = marked();
		expect(count('SELECT count(*) FROM response_pool')).toBe(3);
		// A day not yet over stays waiting.
		expect(responses.mixPool(db, '2026-12-01')).toBe(0);
		expect(marked()).toBe(before);
		expect(responses.mixPool(db, '2026-12-02')).toBe(3);
		expect(marked()).toBe(before + 3);
		expect(count('SELECT count(*) FROM response_pool')).toBe(0);
		for (const c of codes) expect(invitations.check(db, surveyId, c)).toBe('used');
	});

	it('cannot open another survey, and an unknown code opens nothing', () => {
		const [code] = invitations.issue(db, otherId, 1, '2026-12-01').codes;
		const before = responseCount();
		expect(store(code, 'invitation-key-000003')).toEqual({ stored: false, reason: 'invitation' });
		expect(store('999999999999', 'invitation-key-000004')).toEqual({ stored: false, reason: 'invitation' });
		expect(responseCount()).toBe(before);
	});

	it('counts used and unused codes per batch; withdrawing leaves the used ones counted', () => {
		const { batchId, codes } = invitations.issue(db, surveyId, 5, '2026-12-02');
		store(codes[0], 'invitation-key-000005');
		// Until its day's batch, the code is used but not yet marked, so its batch counts it later.
		expect(invitations.batches(db, surveyId)[0]).toMatchObject({ used: 0, unused: 5 });
		expect(invitations.check(db, surveyId, codes[0])).toBe('used');
		storeWaiting(db);
		expect(invitations.batches(db, surveyId)[0]).toEqual({ id: batchId, issued: 5, issuedOn: '2026-12-02', used: 1, unused: 4, keyed: true, stratum: null });
		expect(invitations.withdraw(db, otherId, batchId)).toBe(0);
		expect(invitations.withdraw(db, surveyId, batchId)).toBe(4);
		expect(invitations.batches(db, surveyId)[0]).toMatchObject({ used: 1, unused: 0 });
		expect(invitations.check(db, surveyId, codes[1])).toBe('unknown');
		expect(invitations.stillValid(db, surveyId, codes)).toEqual([]);
	});
});

describe('paper questionnaires with a code', () => {
	const form = (invitation?: string) => ({ answers: [storedAnswer('F1', { code: 3 })], invitation });

	it('use up their codes, all of them or none', () => {
		const codes = invitations.issue(db, surveyId, 3, '2026-12-03').codes;
		const before = responseCount();
		expect(paperEntries.storePaper(surveyId, versionId, [form(codes[0]), form()], 'import')).toBe(2);
		expect(invitations.check(db, surveyId, codes[0])).toBe('used');
		// The second code is already used: neither questionnaire is stored, and the first code stays free.
		expect(() => paperEntries.storePaper(surveyId, versionId, [form(codes[1]), form(codes[0])], 'import')).toThrow(paperEntries.InvitationTaken);
		expect(invitations.check(db, surveyId, codes[1])).toBe('valid');
		expect(responseCount()).toBe(before + 2);
	});

	it('are checked before storing: unreadable, unknown, used, or twice in one file', () => {
		const [fresh, used] = invitations.issue(db, surveyId, 2, '2026-12-03').codes;
		paperEntries.storePaper(surveyId, versionId, [form(used)], 'paper');
		expect(paperEntries.invitationProblem(surveyId, fresh)).toBeUndefined();
		expect(paperEntries.invitationProblem(surveyId, '12-34')).toBe('招待コードは 12 けたの数字です。');
		expect(paperEntries.invitationProblem(surveyId, '000000000001')).toContain('この調査の招待コードにありません');
		expect(paperEntries.invitationProblem(surveyId, used)).toContain('すでに回答に使われています');
		expect(paperEntries.invitationProblems(surveyId, [form(fresh), form(), form(formatCode(fresh)), form(used)])).toEqual([
			{ row: 4, column: '招待コード', message: 'この招待コードは 2 行目にもあります。' },
			{ row: 5, column: '招待コード', message: expect.stringContaining('すでに回答に使われています') }
		]);
	});
});

describe('letters', () => {
	it('carry the code, the address that opens the survey with it, and that address as a QR code', async () => {
		const [letter] = await letters('https://survey.example.lg.jp', 'digital-2022', ['123456789012']);
		expect(letter.code).toBe('1234-5678-9012');
		expect(letter.url).toBe('https://survey.example.lg.jp/s/digital-2022?code=1234-5678-9012');
		expect(letter.qr).toMatch(/^<svg[^>]*viewBox="0 0 (\d+) \1"/);
		const [other] = await letters('https://survey.example.lg.jp', 'digital-2022', ['123456789013']);
		expect(other.qr).not.toBe(letter.qr);
	});
});

describe('the survey page of a survey that needs a code', () => {
	const load = (query: string, client = '203.0.113.9') =>
		(route.load as (e: unknown) => Record<string, unknown>)({
			params: { slug: 'digital-2022' },
			url: new URL(`http://localhost/s/digital-2022${query}`),
			locals: { lang: 'ja', textSize: 'normal' },
			getClientAddress: () => client
		});
	let clientNumber = 0;
	const post = async (fields: Record<string, string>, client = `198.51.100.${++clientNumber}`) =>
		(
			await runAction(route.actions.default as never, {
				url: 'http://localhost/s/digital-2022',
				fields: { consent: 'yes', versionId: String(versionId), lang: 'ja', F1: '7', F3: '20', F4: '2', D2: '1', ...fields },
				params: { slug: 'digital-2022' },
				client
			})
		).result;

	it('counts a wrong code sent with the answers as a wrong guess, as on the code form', async () => {
		// The limit in this file is 3 a window.
		for (let i = 0; i < 3; i++) {
			const refused = await post({ submissionKey: `wrong-code-post-00${i}`, invitation: `0000-0000-010${i}` }, '192.0.2.40');
			expect(isActionFailure(refused) && refused.status).toBe(409);
		}
		const limited = await post({ submissionKey: 'wrong-code-post-009', invitation: '0000-0000-0109' }, '192.0.2.40');
		expect(isActionFailure(limited) && limited.status).toBe(429);
	});

	it('asks for the code, and says what is wrong with a wrong one', () => {
		expect(load('')).toMatchObject({ phase: 'invitation', problem: 'missing' });
		expect(load('?code=12345')).toMatchObject({ phase: 'invitation', problem: 'malformed', typed: '12345' });
		expect(load('?code=0000-0000-0001')).toMatchObject({ phase: 'invitation', problem: 'unknown' });
		expect(load('')).not.toHaveProperty('document');
	});

	it('shows the survey for a valid code and takes one response with it', async () => {
		const [code] = invitations.issue(db, surveyId, 1, '2026-12-01').codes;
		expect(load(`?code=${code}`)).toMatchObject({ phase: 'open', invitation: formatCode(code) });
		const before = responseCount();
		const stored = await post({ submissionKey: 'invitation-form-000001', invitation: formatCode(code) });
		expect(isRedirect(stored) && stored.location).toBe('/s/digital-2022/thanks');
		expect(load(`?code=${code}`)).toMatchObject({ phase: 'invitation', problem: 'used' });
		const again = await post({ submissionKey: 'invitation-form-000002', invitation: formatCode(code) });
		expect(isActionFailure(again) && again.status).toBe(409);
		expect(isActionFailure(again) && again.data).toMatchObject({ formError: 'invitation' });
		const without = await post({ submissionKey: 'invitation-form-000003' });
		expect(isActionFailure(without) && without.data).toMatchObject({ formError: 'invitation' });
		expect(responseCount()).toBe(before + 1);
	});

	it('slows down a client trying wrong codes, never one reloading with a valid code', () => {
		const [code] = invitations.issue(db, surveyId, 1, '2026-12-04').codes;
		// The limit in this file is 3 a window.
		for (let i = 0; i < 5; i++) expect(load(`?code=${code}`, '192.0.2.7')).toMatchObject({ phase: 'open' });
		for (let i = 0; i < 3; i++) expect(load(`?code=00000000000${i}`, '192.0.2.8')).toMatchObject({ problem: 'unknown' });
		expect(load('?code=000000000009', '192.0.2.8')).toMatchObject({ problem: 'rateLimited' });
		// Once slowed down, a guess that happens to be right tells nothing either.
		expect(load(`?code=${code}`, '192.0.2.8')).toMatchObject({ problem: 'rateLimited' });
		expect(load(`?code=${code}`, '192.0.2.9')).toMatchObject({ phase: 'open' });
	});
});
