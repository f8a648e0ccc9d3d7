// Invitation codes: issued in batches (one per mailing), kept only as keyed hashes (HMAC under
// a key outside the database), and used up by the response they open, without any link to it:
// the response waits in the pool under a tag of the code's hash, which keeps the code from a
// second use, and the code is marked used in its day's shuffled batch (response-pool.ts).
// Batches issued before the key hold plain SHA-256.
import { createHash, createHmac, randomInt } from 'node:crypto';
import type { DB } from './db';
import { codeKey } from './code-key';
import { holdsCode } from './response-pool';
import { CODE_DIGITS, normalizeCode } from '$lib/survey/invitation-code';

/** Codes one batch may hold: letters a browser can lay out and print in one go (about 10 MB of page); a larger mailing is issued in several batches. */
export const MAX_BATCH = 2000;

/** What a typed code is for a survey: malformed (not 12 digits), unknown, used, or valid. */
export type CodeState = 'valid' | 'used' | 'unknown' | 'malformed';

/** The code's hash as new batches keep it: HMAC-SHA-256 under the key of this database. */
const keyedHash = (db: DB, digits: string) => createHmac('sha256', codeKey(db.name)).update(digits).digest('hex');
/** The hash batches issued before the key keep (keyed = 0). */
const legacyHash = (digits: string) => createHash('sha256').update(digits).digest('hex');

/** Matches a code's row under either hash, each only in the batches that use it. */
const MATCH = `((i.code_hash = ? AND b.keyed = 1) OR (i.code_hash = ? AND b.keyed = 0))`;
const matchParams = (db: DB, digits: string) => [keyedHash(db, digits), legacyHash(digits)];

const newCode = () => Array.from({ length: CODE_DIGITS }, () => randomInt(10)).join('');

/** The group (層) a batch's sample was drawn from: a single choice's key and the code its members answer (F3 = 20, 徳地). */
export interface Stratum {
	key: string;
	code: number;
}

/** Issues `count` new codes for a survey and returns them: the only time they are seen. */
export function issue(db: DB, surveyId: number, count: number, day: string, stratum: Stratum | null = null): { batchId: number; codes: string[] } {
	if (!Number.isInteger(count) || count < 1 || count > MAX_BATCH) throw new RangeError(`count must be 1 to ${MAX_BATCH}`);
	return db.transaction(() => {
		const batchId = Number(
			db
				.prepare(
					`INSERT INTO invitation_batch (survey_id, issued, issued_on, keyed, stratum_key, stratum_code)
					 VALUES (@surveyId, @count, @day, 1, @key, @code)`
				)
				.run({ surveyId, count, day, key: stratum?.key ?? null, code: stratum?.code ?? null }).lastInsertRowid
		);
		const insert = db.prepare('INSERT INTO invitation (code_hash, batch_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
		const legacy = db.prepare('SELECT 1 FROM invitation WHERE code_hash = ?').pluck();
		const anyLegacy = !!db.prepare('SELECT 1 FROM invitation_batch WHERE keyed = 0 LIMIT 1').get();
		const codes: string[] = [];
		// A code already issued (to any survey, under either hash) is drawn again, so every code
		// opens one survey only.
		while (codes.length < count) {
			const code = newCode();
			if (anyLegacy && legacy.get(legacyHash(code))) continue;
			if (insert.run(keyedHash(db, code), batchId).changes) codes.push(code);
		}
		return { batchId, codes };
	})();
}

const FIND = `SELECT i.code_hash AS hash, i.used FROM invitation i JOIN invitation_batch b ON b.id = i.batch_id
	WHERE ${MATCH} AND b.survey_id = ?`;

/** A typed code's state for this survey, with its stored hash when it has one. */
function lookup(db: DB, surveyId: number, typed: string): { state: CodeState; hash?: string } {
	const digits = normalizeCode(typed);
	if (!digits) return { state: 'malformed' };
	const row = db.prepare(FIND).get(...matchParams(db, digits), surveyId) as { hash: string; used: number } | undefined;
	if (!row) return { state: 'unknown' };
	// A response that used it today waits in the pool: the code is used, though not yet marked.
	const used = row.used === 1 || holdsCode(db, row.hash);
	return { state: used ? 'used' : 'valid', hash: row.hash };
}

/** Whether a typed code may open this survey. */
export const check = (db: DB, surveyId: number, typed: string): CodeState => lookup(db, surveyId, typed).state;

/**
 * The stored hash of a code that may still be used for this survey, for the response that
 * uses it up (response-pool.ts); null when it may not (unknown, used, waiting or withdrawn).
 */
export function usable(db: DB, surveyId: number, typed: string): string | null {
	const { state, hash } = lookup(db, surveyId, typed);
	return state === 'valid' ? hash! : null;
}

export interface Batch {
	id: number;
	issued: number;
	issuedOn: string;
	/** Codes used by responses already stored; those of today's responses are counted the next day. */
	used: number;
	/** Codes still able to open the survey (issued less used and withdrawn). */
	unused: number;
	/** Kept under the key (false: issued before it, as plain SHA-256 a backup could reveal). */
	keyed: boolean;
	/** The group its sample was drawn from; null when drawn from everyone. */
	stratum: Stratum | null;
}

interface BatchRow extends Omit<Batch, 'keyed' | 'stratum'> {
	keyed: number;
	stratumKey: string | null;
	stratumCode: number | null;
}

/** A survey's batches, newest first, with how many codes of each were used. */
export function batches(db: DB, surveyId: number): Batch[] {
	return (
		db
			.prepare(
				`SELECT b.id, b.issued, b.issued_on AS issuedOn, b.keyed, b.stratum_key AS stratumKey, b.stratum_code AS stratumCode,
				        count(i.code_hash) FILTER (WHERE i.used = 1) AS used,
				        count(i.code_hash) FILTER (WHERE i.used = 0) AS unused
				 FROM invitation_batch b LEFT JOIN invitation i ON i.batch_id = b.id
				 WHERE b.survey_id = ? GROUP BY b.id ORDER BY b.id DESC`
			)
			.all(surveyId) as BatchRow[]
	).map(({ stratumKey, stratumCode, keyed, ...b }) => ({
		...b,
		keyed: keyed === 1,
		stratum: stratumKey === null || stratumCode === null ? null : { key: stratumKey, code: stratumCode }
	}));
}

/** Withdraws a batch's unused codes (letters lost or printed wrongly); used ones stay counted. */
export function withdraw(db: DB, surveyId: number, batchId: number): number {
	return db
		.prepare(
			`DELETE FROM invitation WHERE used = 0
			 AND batch_id = (SELECT id FROM invitation_batch WHERE id = ? AND survey_id = ?)`
		)
		.run(batchId, surveyId).changes;
}

/** Of the given codes, those that were issued for this survey and can still be used. */
export function stillValid(db: DB, surveyId: number, codes: string[]): string[] {
	return codes.filter((c) => check(db, surveyId, c) === 'valid');
}
