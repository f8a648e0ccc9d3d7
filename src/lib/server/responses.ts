// Takes responses: one transaction accepts a response with all its answers, guarded by the
// form's one-time submission key so the same filling-in is never taken twice, and by its
// invitation code. An accepted response waits sealed in the pool until its day is over, when
// `mixPool` stores the day's together in random order (response-pool.ts explains why).
import { createHash, randomBytes } from 'node:crypto';
import { statement, type DB } from './db';
import type { Language, Questionnaire } from '$lib/survey/schema';
import type { Answers } from '$lib/survey/answers';
import { encodeAnswers, decodeAnswers, toAnswers, toStored, type EncodedAnswers, type StoredAnswer } from '$lib/survey/stored-answers';
import * as invitations from './invitations';
import * as pool from './response-pool';
import { RESPONSE_COLUMNS, type ResponseColumn } from '$lib/survey/stored-data';

export type Channel = 'web' | 'paper' | 'import';

export interface NewResponse {
	surveyId: number;
	versionId: number;
	document: Questionnaire;
	/** Already checked against the version: visible questions only. */
	answers: Answers;
	channel: Channel;
	language: Language;
	/** The day of receipt, YYYY-MM-DD. */
	day: string;
	/** The form's one-time key; a second submission with it stores nothing. */
	submissionKey?: string;
	/** The invitation code the response uses up, for a survey that requires one. */
	invitation?: string;
}

export type SubmitResult = { stored: true; id: string } | { stored: false; reason: 'duplicate' | 'invitation' };

/** Thrown inside the storing transaction to undo it when the invitation code cannot be used. */
class InvitationRefused extends Error {}

const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;
export const isSubmissionKey = (key: string) => SUBMISSION_KEY.test(key);

export const newSubmissionKey = () => randomBytes(18).toString('base64url');

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export function submit(db: DB, input: NewResponse): SubmitResult {
	return store(db, { ...input, answers: toStored(input.document, input.answers) });
}

/** Stores a response from answers already in their stored form (paper entry and import), in one transaction. */
export function store(
	db: DB,
	input: Omit<NewResponse, 'answers' | 'document'> & { answers: StoredAnswer[] }
): SubmitResult {
	const { answers } = input;
	const transaction = db.transaction((): SubmitResult => {
		if (input.submissionKey !== undefined) {
			if (!isSubmissionKey(input.submissionKey)) throw new Error('malformed submission key');
			const claimed = statement(db, 'INSERT INTO submission_key (key_hash, survey_id, used_on) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(
				hashKey(input.submissionKey),
				input.surveyId,
				input.day
			);
			if (claimed.changes === 0) return { stored: false, reason: 'duplicate' };
		}
		// After the key, so a form sent twice is recognised as sent, not refused for its code.
		const codeHash = input.invitation === undefined ? undefined : invitations.usable(db, input.surveyId, input.invitation);
		if (codeHash === null) throw new InvitationRefused();
		const id = newResponseId();
		const { surveyId, versionId, channel, language, day } = input;
		if (!pool.add(db, { id, surveyId, versionId, channel, language, day, answers: encodeAnswers(answers), codeHash })) throw new InvitationRefused();
		return { stored: true, id };
	});
	try {
		return transaction();
	} catch (e) {
		if (e instanceof InvitationRefused) return { stored: false, reason: 'invitation' };
		throw e;
	}
}

/** What is stored about a response besides its answers. */
export interface ResponseMeta {
	versionId: number;
	channel: Channel;
	language: Language;
	day: string;
	synthetic?: boolean;
}

/**
 * A random response id (128 bits, base64url) that never starts with "-": a spreadsheet would
 * read such an id as a formula, so the exports would have to write it with a ' in front.
 */
export function newResponseId(random: (n: number) => Buffer = randomBytes): string {
	for (;;) {
		const id = random(16).toString('base64url');
		if (!id.startsWith('-')) return id;
	}
}

/** The response insert, column by column from the list the privacy notice tells residents of. */
const INSERT_RESPONSE = `INSERT INTO response (${RESPONSE_COLUMNS.map((c) => c.column).join(', ')})
	VALUES (${RESPONSE_COLUMNS.map(() => '?').join(', ')})`;

/** Inserts a response with its answers (stored-answers.ts); call inside a transaction. The one way responses are written. */
export function insertResponse(db: DB, meta: ResponseMeta, answers: StoredAnswer[] | EncodedAnswers, id = newResponseId()): string {
	const values: Record<ResponseColumn, string | number> = {
		id,
		survey_version_id: meta.versionId,
		channel: meta.channel,
		language: meta.language,
		submitted_on: meta.day,
		synthetic: meta.synthetic ? 1 : 0,
		answers: typeof answers === 'string' ? answers : encodeAnswers(answers)
	};
	db.prepare(INSERT_RESPONSE).run(RESPONSE_COLUMNS.map((c) => values[c.column]));
	return id;
}

export function countForSurvey(db: DB, surveyId: number): number {
	return db
		.prepare(
			`SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id
			 WHERE v.survey_id = ?`
		)
		.pluck()
		.get(surveyId) as number;
}

export interface StoredResponse {
	id: string;
	versionId: number;
	channel: Channel;
	language: Language;
	submittedOn: string;
	answers: Answers;
}

export function read(db: DB, id: string, document: Questionnaire): StoredResponse | undefined {
	const r = db
		.prepare('SELECT survey_version_id, channel, language, submitted_on, answers FROM response WHERE id = ?')
		.get(id) as
		| { survey_version_id: number; channel: Channel; language: Language; submitted_on: string; answers: string }
		| undefined;
	if (!r) return undefined;
	return {
		id,
		versionId: r.survey_version_id,
		channel: r.channel,
		language: r.language,
		submittedOn: r.submitted_on,
		answers: toAnswers(document, decodeAnswers(r.answers))
	};
}

/**
 * Stores the pooled responses received before `beforeDay` in one shuffled batch (housekeeping
 * passes today: every finished day's). Returns how many.
 */
export const mixPool = (db: DB, beforeDay: string): number =>
	pool.mix(db, beforeDay, (db, r) => {
		insertResponse(db, { versionId: r.versionId, channel: r.channel, language: r.language, day: r.day }, r.answers, r.id);
	});

/** Forgets submission keys older than the given day: by then no form with them is open. */
export function purgeSubmissionKeys(db: DB, beforeDay: string): number {
	return db.prepare('DELETE FROM submission_key WHERE used_on < ?').run(beforeDay).changes;
}
