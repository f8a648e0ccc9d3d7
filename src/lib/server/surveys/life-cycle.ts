// The designer's life cycle of a survey: draft → open (now or scheduled) → closed → archived,
// and the settings that go with it.
import type { DB } from '../db';
import { checkQuestionnaire } from '$lib/survey/check-document';
import type { Contact } from '$lib/survey/privacy';
import type { OpenDataLicence } from '$lib/analytics/open-data';
import { translationGaps, gapsFingerprint } from '$lib/survey/translation';
import { getById, InvalidQuestionnaireError, SurveyStateError, UnconfirmedTranslationsError, type Survey } from './records';
import { draft } from './drafts';

/**
 * Freezes a version and makes it the one residents answer; opens the survey. The schedule given
 * replaces the survey's dates (null clears one); a date not given stays as it was.
 */
export function publish(
	db: DB,
	surveyId: number,
	versionId: number,
	schedule: { opensAt?: string | null; closesAt?: string | null } = {}
): void {
	db.transaction(() => {
		const version = db
			.prepare('SELECT document, published_at FROM survey_version WHERE id = ? AND survey_id = ?')
			.get(versionId, surveyId) as { document: string; published_at: string | null } | undefined;
		if (!version) throw new Error(`survey ${surveyId} has no version ${versionId}`);
		const checked = checkQuestionnaire(JSON.parse(version.document));
		if (!checked.ok) throw new InvalidQuestionnaireError(checked.problems);
		if (!version.published_at)
			db.prepare(
				"UPDATE survey_version SET published_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?"
			).run(versionId);
		db.prepare(
			`UPDATE survey SET published_version_id = @versionId, status = 'open',
			 opens_at = CASE WHEN @setOpens THEN @opensAt ELSE opens_at END,
			 closes_at = CASE WHEN @setCloses THEN @closesAt ELSE closes_at END
			 WHERE id = @surveyId`
		).run({
			versionId,
			surveyId,
			setOpens: schedule.opensAt === undefined ? 0 : 1,
			opensAt: schedule.opensAt ?? null,
			setCloses: schedule.closesAt === undefined ? 0 : 1,
			closesAt: schedule.closesAt ?? null
		});
	})();
}

export function setStatus(db: DB, surveyId: number, status: Survey['status']): void {
	db.prepare(
		`UPDATE survey SET status = @status,
		 closed_at = CASE @status WHEN 'closed' THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHEN 'open' THEN NULL ELSE closed_at END
		 WHERE id = @surveyId`
	).run({ status, surveyId });
}

export interface Settings {
	slug: string;
	fiscalYear: number;
	opensAt: string | null;
	closesAt: string | null;
	minCellSize: number;
	resultsPublic: boolean;
	invitationRequired: boolean;
	retentionYears: number;
	minutes: number;
	contact: Contact;
	distributedWithoutCodes: number;
	openDataLicence: OpenDataLicence;
}

export function updateSettings(db: DB, surveyId: number, s: Settings): void {
	db.prepare(
		`UPDATE survey SET slug = ?, fiscal_year = ?, opens_at = ?, closes_at = ?, min_cell_size = ?,
		 results_public = ?, invitation_required = ?, retention_years = ?, minutes = ?, contact = ?,
		 distributed_without_codes = ?, open_data_licence = ? WHERE id = ?`
	).run(
		s.slug, s.fiscalYear, s.opensAt, s.closesAt, s.minCellSize, s.resultsPublic ? 1 : 0, s.invitationRequired ? 1 : 0,
		s.retentionYears, s.minutes, JSON.stringify(s.contact), s.distributedWithoutCodes, s.openDataLicence, surveyId
	);
}

/**
 * Publishes the draft: it becomes immutable and residents answer it (from opensAt if set). A
 * draft with translations missing or stale is published only once the designer has confirmed
 * exactly those (`confirmedGaps`, the fingerprint of the list they were shown).
 */
export function publishDraft(db: DB, surveyId: number, { confirmedGaps }: { confirmedGaps?: string } = {}): number {
	const d = draft(db, surveyId);
	if (!d) throw new SurveyStateError('公開する下書きがありません。');
	const survey = getById(db, surveyId)!;
	if (survey.status === 'archived') throw new SurveyStateError('アーカイブした調査は公開できません。');
	const checked = checkQuestionnaire(d.document);
	const gaps = checked.ok ? translationGaps(checked.doc) : [];
	if (gaps.length && confirmedGaps !== gapsFingerprint(gaps)) throw new UnconfirmedTranslationsError(gaps);
	publish(db, surveyId, d.versionId, { opensAt: survey.opensAt, closesAt: survey.closesAt });
	return d.versionId;
}

export function close(db: DB, surveyId: number): void {
	const survey = getById(db, surveyId);
	if (survey?.status !== 'open') throw new SurveyStateError('回答を受け付けている調査ではありません。');
	setStatus(db, surveyId, 'closed');
}

export function reopen(db: DB, surveyId: number): void {
	const survey = getById(db, surveyId);
	if (survey?.status !== 'closed' || !survey.publishedVersionId) throw new SurveyStateError('終了した調査ではありません。');
	db.prepare("UPDATE survey SET status = 'open', closes_at = NULL, closed_at = NULL WHERE id = ?").run(surveyId);
}

export function archive(db: DB, surveyId: number): void {
	const survey = getById(db, surveyId);
	if (survey?.status === 'open') throw new SurveyStateError('回答受付中の調査は、先に終了してください。');
	setStatus(db, surveyId, 'archived');
}
