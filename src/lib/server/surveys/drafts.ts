// The draft a designer edits: created with a new survey or cloned from an earlier edition,
// saved as the editor goes, thrown away, and nothing else (publishing is life-cycle.ts).
import type { DB } from '../db';
import type { Text } from '$lib/survey/schema';
import { checkQuestionnaire } from '$lib/survey/check-document';
import { getById, InvalidQuestionnaireError, SurveyStateError, type Survey } from './records';
import { publishedVersion } from './versions';

/** Creates a survey with its document as draft version 1. */
export function create(
	db: DB,
	input: { slug: string; fiscalYear: number; document: unknown }
): { surveyId: number; versionId: number } {
	const checked = checkQuestionnaire(input.document);
	if (!checked.ok) throw new InvalidQuestionnaireError(checked.problems);
	return db.transaction(() => {
		const surveyId = Number(
			db
				.prepare('INSERT INTO survey (slug, fiscal_year) VALUES (?, ?)')
				.run(input.slug, input.fiscalYear).lastInsertRowid
		);
		const versionId = Number(
			db
				.prepare('INSERT INTO survey_version (survey_id, version, document) VALUES (?, 1, ?)')
				.run(surveyId, JSON.stringify(checked.doc)).lastInsertRowid
		);
		return { surveyId, versionId };
	})();
}

/** The unpublished version being edited, if there is one (its document may not be valid yet), and when it was last saved. */
export function draft(
	db: DB,
	surveyId: number
): { versionId: number; version: number; document: unknown; savedAt: string } | undefined {
	const row = db
		.prepare(
			`SELECT id, version, document, coalesce(saved_at, created_at) AS saved_at FROM survey_version
			 WHERE survey_id = ? AND published_at IS NULL ORDER BY version DESC LIMIT 1`
		)
		.get(surveyId) as { id: number; version: number; document: string; saved_at: string } | undefined;
	return row && { versionId: row.id, version: row.version, document: JSON.parse(row.document), savedAt: row.saved_at };
}

/** The document the editor starts from: the draft, else the version residents answer. */
export function editable(db: DB, survey: Survey): unknown {
	const d = draft(db, survey.id);
	if (d) return d.document;
	return survey.publishedVersionId ? publishedVersion(db, survey.publishedVersionId) : undefined;
}

const MAX_DOCUMENT_BYTES = 1_000_000;
/** The time of a save, as every stored time is written: ISO 8601 in UTC, to the second. */
const now = () => `${new Date().toISOString().slice(0, 19)}Z`;

/**
 * Saves the editor's document as the draft: into the existing draft version, or as a new
 * version after the published ones (a published version is never changed).
 */
export function saveDraft(db: DB, surveyId: number, document: unknown): number {
	const json = JSON.stringify(document);
	if (json.length > MAX_DOCUMENT_BYTES) throw new SurveyStateError('調査票が大きすぎます。');
	return db.transaction(() => {
		const survey = getById(db, surveyId);
		if (!survey) throw new SurveyStateError('調査がありません。');
		if (survey.status === 'archived') throw new SurveyStateError('アーカイブした調査は編集できません。');
		const existing = draft(db, surveyId);
		if (existing) {
			db.prepare('UPDATE survey_version SET document = ?, saved_at = ? WHERE id = ?').run(json, now(), existing.versionId);
			return existing.versionId;
		}
		const next = (db.prepare('SELECT coalesce(max(version), 0) + 1 FROM survey_version WHERE survey_id = ?').pluck().get(surveyId) as number);
		return Number(
			db.prepare('INSERT INTO survey_version (survey_id, version, document, saved_at) VALUES (?, ?, ?, ?)').run(surveyId, next, json, now())
				.lastInsertRowid
		);
	})();
}

/** Throws the draft away; the published version stays as it is. */
export function discardDraft(db: DB, surveyId: number): void {
	db.prepare('DELETE FROM survey_version WHERE survey_id = ? AND published_at IS NULL').run(surveyId);
}

/**
 * A new edition from an earlier one (e.g. 2022 → 2023): same questions and keys, as a draft,
 * under its own title when one is given.
 */
export function clone(
	db: DB,
	sourceId: number,
	target: { slug: string; fiscalYear: number; title?: Text }
): { surveyId: number; versionId: number } {
	const source = getById(db, sourceId);
	if (!source) throw new SurveyStateError('元の調査がありません。');
	const copied = editable(db, source);
	const document = target.title && copied && typeof copied === 'object' ? { ...copied, title: target.title } : copied;
	return db.transaction(() => {
		const surveyId = Number(
			// The edition's way of running carries over (k, published results, invitation codes, the
			// contact, minutes and retention residents are told of, the open data's licence); its
			// dates, its codes and what it handed out do not: each year's letters are its own.
			db
				.prepare(
					`INSERT INTO survey (slug, fiscal_year, min_cell_size, results_public, invitation_required, previous_edition_id,
					                     contact, minutes, retention_years, open_data_licence)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					target.slug, target.fiscalYear, source.minCellSize, source.resultsPublic ? 1 : 0, source.invitationRequired ? 1 : 0, source.id,
					source.contact && JSON.stringify(source.contact), source.minutes, source.retentionYears, source.openDataLicence
				)
				.lastInsertRowid
		);
		const versionId = Number(
			db.prepare('INSERT INTO survey_version (survey_id, version, document) VALUES (?, 1, ?)')
				.run(surveyId, JSON.stringify(document)).lastInsertRowid
		);
		return { surveyId, versionId };
	})();
}
