// Retention that is enforced: a survey's responses are kept `retentionYears` after it closes
// (its deadline, or the day it was closed by hand), as residents are told. When that has
// passed, every staff page that lists surveys says so, and an administrator deletes the
// responses in one audited transaction (a backup offered first). secure_delete zeroes what
// was deleted, and the WAL is checkpointed and truncated, so the answers leave nothing
// readable in the database files.
import type { DB } from './db';
import * as surveys from './surveys';
import type { Survey } from './surveys';
import { truncateLog } from './response-pool';
import { retentionEnds } from '$lib/survey/privacy';

export class RetentionError extends Error {
	status = 409;
}

export interface Retention {
	/** When the retention period ends (ISO); undefined while the survey has not closed. */
	endsAt?: string;
	/** Whether it has ended and the survey still holds responses to delete. */
	due: boolean;
	/** When the responses were deleted, if they were. */
	deletedAt: string | null;
}

/** Responses a survey holds: stored, and any waiting for their day's batch. */
export function heldResponses(db: DB, surveyId: number): number {
	return db
		.prepare(
			`SELECT (SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = @id)
			      + (SELECT count(*) FROM response_pool WHERE survey_id = @id)`
		)
		.pluck()
		.get({ id: surveyId }) as number;
}

export function retentionOf(db: DB, survey: Survey, now: Date): Retention {
	const closed = survey.status === 'closed' || survey.status === 'archived' || (survey.closesAt !== null && survey.closesAt <= now.toISOString());
	const endsAt = closed ? retentionEnds(survey.closesAt ?? survey.closedAt, survey.retentionYears) : undefined;
	const due = endsAt !== undefined && endsAt <= now.toISOString() && heldResponses(db, survey.id) > 0;
	return { endsAt, due, deletedAt: survey.responsesDeletedAt };
}

/** Surveys whose retention has ended with responses still held, for the warnings on staff pages. */
export function dueSurveys(db: DB, now: Date): { id: number; slug: string; fiscalYear: number; endsAt: string }[] {
	return surveys
		.all(db)
		.map((s) => ({ s, r: retentionOf(db, s, now) }))
		.filter(({ r }) => r.due)
		.map(({ s, r }) => ({ id: s.id, slug: s.slug, fiscalYear: s.fiscalYear, endsAt: r.endsAt! }));
}

/**
 * Deletes every response of a survey whose retention has ended (and its waiting ones, its form
 * keys and its invitation codes) in one transaction, then truncates the WAL. Returns how many
 * responses were deleted. Refused while the retention period runs.
 */
export function deleteResponses(db: DB, surveyId: number, now: Date): number {
	db.pragma('secure_delete = ON');
	const deleted = db.transaction(() => {
		const survey = surveys.getById(db, surveyId);
		if (!survey) throw new RetentionError('その調査は見つかりません。');
		if (!retentionOf(db, survey, now).due) throw new RetentionError('保存期間が終わっていないか、削除する回答がありません。');
		const count = heldResponses(db, surveyId);
		db.prepare('DELETE FROM response WHERE survey_version_id IN (SELECT id FROM survey_version WHERE survey_id = ?)').run(surveyId);
		db.prepare('DELETE FROM response_pool WHERE survey_id = ?').run(surveyId);
		db.prepare('DELETE FROM submission_key WHERE survey_id = ?').run(surveyId);
		db.prepare('DELETE FROM invitation_batch WHERE survey_id = ?').run(surveyId);
		db.prepare("UPDATE survey SET responses_deleted_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?").run(surveyId);
		return count;
	})();
	truncateLog(db);
	return deleted;
}
