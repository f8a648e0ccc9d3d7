// The day's responses wait here, sealed, and are stored in the response table only when their
// day is over, all of that day's together in one shuffled batch (`mix`). So whoever copies the
// database file, its -wal or a backup at any moment learns nothing finer than the day:
// - a pooled response is AES-256-GCM-sealed under a key outside the database (derived from the
//   invitation-code key), padded to a size class, so neither its answers nor its length tie it
//   to the stored response it becomes;
// - an invitation code is not marked used when the response arrives: the pooled row's key is a
//   tag derived from the code's hash (so a second use of the code clashes with it), and the code
//   is marked used in the batch, among all the day's others;
// - the batch inserts responses (and marks codes) in random order, then the pooled rows are
//   deleted with secure_delete and the WAL is checkpointed and truncated.
// A response is acknowledged once its sealed row is committed (synchronous=FULL): a crash
// before the day's batch loses nothing, the batch is made at the next start.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt } from 'node:crypto';
import { statement, type DB } from './db';
import { codeKey } from './code-key';
import type { Channel } from './responses';
import { encodeAnswers, storedAnswer, type EncodedAnswers, type StoredAnswer } from '$lib/survey/stored-answers';
import type { Language } from '$lib/survey/schema';

/** What a pooled response holds, sealed: everything its stored row will, and the code it used. */
export interface PooledResponse {
	id: string;
	surveyId: number;
	versionId: number;
	channel: Channel;
	language: Language;
	day: string;
	/** Encoded as the response will store them: compact, so a sealed response stays in the smallest padding. */
	answers: EncodedAnswers;
	/** The hash the invitation table keeps for the code this response used. */
	codeHash?: string;
}

/** Sealed sizes are powers of two from this, so a sealed row tells its response's length only roughly. */
const SMALLEST_SEALED = 2048;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const derived = (db: DB, label: string) => createHmac('sha256', codeKey(db.name)).update(label).digest();
const sealingKey = (db: DB) => derived(db, 'response-pool seal v1');

/** The pool key of a response that used this code: the same every time, so the code is used once. */
const claimTag = (db: DB, codeHash: string) =>
	createHmac('sha256', derived(db, 'response-pool claim v1')).update(codeHash).digest();

function padded(json: string): Buffer {
	const text = Buffer.from(json, 'utf8');
	let size = SMALLEST_SEALED;
	while (size < text.length + 4) size *= 2;
	const out = Buffer.alloc(size);
	out.writeUInt32BE(text.length, 0);
	text.copy(out, 4);
	return out;
}

function seal(key: Buffer, response: PooledResponse): Buffer {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const body = Buffer.concat([cipher.update(padded(JSON.stringify(response))), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function unseal(key: Buffer, sealed: Buffer): PooledResponse {
	const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
	decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
	const plain = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
	const r = JSON.parse(plain.subarray(4, 4 + plain.readUInt32BE(0)).toString('utf8')) as PooledResponse & { rows?: Partial<StoredAnswer>[] };
	// Sealed by an earlier release: the answers were `rows` of objects, a valid one without status or skip flag.
	const { rows, ...rest } = r;
	return rows ? { ...rest, answers: encodeAnswers(rows.map((a) => storedAnswer(a.questionKey!, a))) } : r;
}

/**
 * Adds a response to the pool; call inside the transaction that accepts it. False when its
 * code's tag is pooled already (the code was used today), and then nothing is added.
 */
export function add(db: DB, response: PooledResponse): boolean {
	const tag = response.codeHash === undefined ? randomBytes(32) : claimTag(db, response.codeHash);
	return (
		statement(db, 'INSERT INTO response_pool (tag, survey_id, received_on, sealed) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(tag, response.surveyId, response.day, seal(sealingKey(db), response)).changes === 1
	);
}

/** Whether a response that used this code waits in the pool. */
export const holdsCode = (db: DB, codeHash: string) =>
	!!db.prepare('SELECT 1 FROM response_pool WHERE tag = ?').get(claimTag(db, codeHash));

/** How many responses of a survey wait for their day's batch. */
export function pending(db: DB, surveyId: number): number {
	return db.prepare('SELECT count(*) FROM response_pool WHERE survey_id = ?').pluck().get(surveyId) as number;
}

/** The pooled responses of a survey, unsealed: for counts that must include today's (paper entry). */
export function pooled(db: DB, surveyId: number): PooledResponse[] {
	const key = sealingKey(db);
	return (db.prepare('SELECT sealed FROM response_pool WHERE survey_id = ?').pluck().all(surveyId) as Buffer[]).map((s) => unseal(key, s));
}

/** Fisher–Yates with a cryptographic source: the batch order says nothing about arrival. */
function shuffled<T>(items: T[]): T[] {
	const out = items.slice();
	for (let i = out.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

type Insert = (db: DB, response: PooledResponse) => void;

/**
 * Stores every pooled response received before `beforeDay` (YYYY-MM-DD), in random order, in
 * one transaction with the codes they used, then erases the pool rows and truncates the WAL.
 * Returns how many were stored. A row that cannot be unsealed (the key changed) stops the
 * batch and stays pooled: nothing acknowledged is dropped.
 */
export function mix(db: DB, beforeDay: string, insert: Insert): number {
	db.pragma('secure_delete = ON');
	const key = sealingKey(db);
	const stored = db.transaction(() => {
		const rows = db.prepare('SELECT tag, sealed FROM response_pool WHERE received_on < ?').all(beforeDay) as { tag: Buffer; sealed: Buffer }[];
		const batch = shuffled(rows.map((r) => ({ tag: r.tag, response: unseal(key, r.sealed) })));
		for (const { response } of batch) insert(db, response);
		const used = db.prepare('UPDATE invitation SET used = 1 WHERE code_hash = ?');
		for (const { response } of shuffled(batch)) if (response.codeHash !== undefined) used.run(response.codeHash);
		const erase = db.prepare('DELETE FROM response_pool WHERE tag = ?');
		for (const { tag } of shuffled(batch)) erase.run(tag);
		return batch.length;
	})();
	if (stored > 0) truncateLog(db);
	return stored;
}

/**
 * Copies the WAL into the database and empties it, so its frames (the order in which rows were
 * written) are gone; retried by the next housekeeping if a reader holds it meanwhile.
 */
export function truncateLog(db: DB): boolean {
	if (db.pragma('journal_mode', { simple: true }) !== 'wal') return true;
	const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
	return result.busy === 0;
}
