// Surveys and their versions: create, publish, find for residents, list for the home page.
import type { DB } from './db';
import type { Questionnaire } from '$lib/survey/schema';
import { checkQuestionnaire } from '$lib/survey/check-document';
import { surveyPhase, type Phase, type Schedule } from '$lib/survey/phase';
import bundled2022 from '$lib/survey/templates/digital-level-2022.json';
import { BUNDLED_CONTACT, parseContact, type Contact } from '$lib/survey/privacy';

export interface Survey extends Schedule {
	id: number;
	slug: string;
	fiscalYear: number;
	publishedVersionId: number | null;
	minCellSize: number;
	resultsPublic: boolean;
	invitationRequired: boolean;
	previousEditionId: number | null;
	/** Years responses are kept after the survey closes. */
	retentionYears: number;
	/** About how long answering takes, as residents are told. */
	minutes: number;
	/** Who residents may ask; null until the designer fills it in. */
	contact: Contact | null;
	/** When it was closed by hand (retention runs from closesAt, or from this). */
	closedAt: string | null;
	/** When its responses were deleted at the end of retention. */
	responsesDeletedAt: string | null;
}

export interface PublishedSurvey {
	survey: Survey;
	versionId: number;
	document: Questionnaire;
}

interface SurveyRow {
	id: number;
	slug: string;
	fiscal_year: number;
	status: Survey['status'];
	published_version_id: number | null;
	opens_at: string | null;
	closes_at: string | null;
	min_cell_size: number;
	results_public: number;
	invitation_required: number;
	previous_edition_id: number | null;
	retention_years: number;
	minutes: number;
	contact: string | null;
	closed_at: string | null;
	responses_deleted_at: string | null;
}

const toSurvey = (r: SurveyRow): Survey => ({
	id: r.id,
	slug: r.slug,
	fiscalYear: r.fiscal_year,
	status: r.status,
	publishedVersionId: r.published_version_id,
	opensAt: r.opens_at,
	closesAt: r.closes_at,
	minCellSize: r.min_cell_size,
	resultsPublic: r.results_public === 1,
	invitationRequired: r.invitation_required === 1,
	previousEditionId: r.previous_edition_id,
	retentionYears: r.retention_years,
	minutes: r.minutes,
	contact: parseContact(r.contact),
	closedAt: r.closed_at,
	responsesDeletedAt: r.responses_deleted_at
});

export class InvalidQuestionnaireError extends Error {
	status = 400;
	constructor(public problems: { path: string; message: string }[]) {
		super(`invalid questionnaire: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
	}
}

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

/** Freezes a draft version and makes it the one residents answer; opens the survey. */
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
			`UPDATE survey SET published_version_id = ?, status = 'open', opens_at = ?, closes_at = ?
			 WHERE id = ?`
		).run(versionId, schedule.opensAt ?? null, schedule.closesAt ?? null, surveyId);
	})();
}

export function setStatus(db: DB, surveyId: number, status: Survey['status']): void {
	db.prepare(
		`UPDATE survey SET status = @status,
		 closed_at = CASE @status WHEN 'closed' THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHEN 'open' THEN NULL ELSE closed_at END
		 WHERE id = @surveyId`
	).run({ status, surveyId });
}

export function count(db: DB): number {
	return db.prepare('SELECT count(*) FROM survey').pluck().get() as number;
}

export const BUNDLED_SLUG = 'digital-2022';

/**
 * On an empty database, installs and opens the bundled FY2022 digital-level survey, with the
 * city's contact (phone and hours marked for the city to fill in) and a deadline at the end of
 * the month after next (23:59 Japan time), as a mailed survey would have.
 */
export function installBundled(db: DB, now = new Date()): boolean {
	if (count(db) > 0) return false;
	const { surveyId, versionId } = create(db, {
		slug: BUNDLED_SLUG,
		fiscalYear: 2022,
		document: bundled2022
	});
	const japan = new Date(now.getTime() + 9 * 3600_000);
	const deadline = new Date(Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth() + 3, 1) - 60_000 - 9 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
	db.prepare('UPDATE survey SET contact = ? WHERE id = ?').run(JSON.stringify(BUNDLED_CONTACT), surveyId);
	publish(db, surveyId, versionId, { closesAt: deadline });
	return true;
}

/** Published documents never change, so each is parsed once per database. */
const versionCache = new WeakMap<DB, Map<number, { surveyId: number; doc: Questionnaire }>>();

/** A published version's document (of the given survey), or undefined if there is none. */
export function publishedVersion(db: DB, versionId: number, surveyId?: number): Questionnaire | undefined {
	let cache = versionCache.get(db);
	if (!cache) versionCache.set(db, (cache = new Map()));
	let entry = cache.get(versionId);
	if (!entry) {
		const row = db
			.prepare('SELECT survey_id, document FROM survey_version WHERE id = ? AND published_at IS NOT NULL')
			.get(versionId) as { survey_id: number; document: string } | undefined;
		if (!row) return undefined;
		entry = { surveyId: row.survey_id, doc: JSON.parse(row.document) as Questionnaire };
		cache.set(versionId, entry);
	}
	return surveyId === undefined || entry.surveyId === surveyId ? entry.doc : undefined;
}

function publishedDocument(db: DB, versionId: number): Questionnaire {
	const doc = publishedVersion(db, versionId);
	if (!doc) throw new Error(`version ${versionId} is not published`);
	return doc;
}

/** Every published version's document of a survey, by version id, and the newest of them. */
export function publishedDocuments(db: DB, surveyId: number): { byVersion: Map<number, Questionnaire>; newest: Questionnaire } {
	const byVersion = new Map<number, Questionnaire>();
	for (const v of versions(db, surveyId)) if (v.publishedAt) byVersion.set(v.id, publishedDocument(db, v.id));
	const survey = getById(db, surveyId)!;
	const newest = byVersion.get(survey.publishedVersionId ?? -1) ?? [...byVersion.values()][0];
	return { byVersion, newest };
}

/** The survey at /s/{slug} with the version residents answer, if it was ever published. */
export function findPublished(db: DB, slug: string): PublishedSurvey | undefined {
	const row = db.prepare('SELECT * FROM survey WHERE slug = ?').get(slug) as SurveyRow | undefined;
	if (!row || row.published_version_id === null) return undefined;
	return {
		survey: toSurvey(row),
		versionId: row.published_version_id,
		document: publishedDocument(db, row.published_version_id)
	};
}

export interface ListedSurvey {
	slug: string;
	title: Questionnaire['title'];
	description: Questionnaire['description'];
	fiscalYear: number;
	phase: Phase;
	opensAt: string | null;
	closesAt: string | null;
	/** Whether residents may see its results page (after it has closed). */
	resultsPublic: boolean;
	/** Whether answering needs the invitation code of a mailed letter. */
	invitationRequired: boolean;
}

/** Surveys residents may see on the home page: open, scheduled, and closed (newest first). */
export function listPublic(db: DB, now: Date): ListedSurvey[] {
	const rows = db
		.prepare(
			`SELECT * FROM survey WHERE published_version_id IS NOT NULL AND status IN ('open', 'closed')
			 ORDER BY fiscal_year DESC, id DESC`
		)
		.all() as SurveyRow[];
	return rows.map((row) => {
		const survey = toSurvey(row);
		const doc = publishedDocument(db, row.published_version_id!);
		return {
			slug: survey.slug,
			title: doc.title,
			description: doc.description,
			fiscalYear: survey.fiscalYear,
			phase: surveyPhase(survey, now),
			opensAt: survey.opensAt,
			closesAt: survey.closesAt,
			resultsPublic: survey.resultsPublic,
			invitationRequired: survey.invitationRequired
		};
	});
}

export interface StaffSurvey {
	id: number;
	slug: string;
	title: string;
	fiscalYear: number;
	status: Survey['status'];
	phase: Phase | 'draft';
	publishedVersion: number | null;
	latestVersion: number;
	opensAt: string | null;
	closesAt: string | null;
	responses: number;
	/** Taken today, waiting for the day's batch (response-pool.ts). */
	waiting: number;
}

/** Every survey with its status and response count, for the staff dashboard. */
export function listForStaff(db: DB, now: Date): StaffSurvey[] {
	const rows = db
		.prepare(
			`SELECT s.*, pv.version AS published_version,
			        (SELECT max(version) FROM survey_version WHERE survey_id = s.id) AS latest_version,
			        json_extract(coalesce(pv.document,
			          (SELECT document FROM survey_version WHERE survey_id = s.id ORDER BY version DESC LIMIT 1)),
			          '$.title.ja') AS title,
			        (SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id
			          WHERE v.survey_id = s.id) AS responses,
			        (SELECT count(*) FROM response_pool p WHERE p.survey_id = s.id) AS waiting
			 FROM survey s LEFT JOIN survey_version pv ON pv.id = s.published_version_id
			 ORDER BY s.fiscal_year DESC, s.id DESC`
		)
		.all() as (SurveyRow & {
		published_version: number | null;
		latest_version: number;
		title: string;
		responses: number;
		waiting: number;
	})[];
	return rows.map((r) => {
		const survey = toSurvey(r);
		return {
			id: r.id,
			slug: r.slug,
			title: r.title,
			fiscalYear: r.fiscal_year,
			status: r.status,
			phase: surveyPhase(survey, now),
			publishedVersion: r.published_version,
			latestVersion: r.latest_version,
			opensAt: r.opens_at,
			closesAt: r.closes_at,
			responses: r.responses,
			waiting: r.waiting
		};
	});
}

// ---- the designer's life cycle: draft → open (now or scheduled) → closed → archived --------

export class SurveyStateError extends Error {
	status = 409;
}

/** Every survey, oldest first. */
export const all = (db: DB): Survey[] => (db.prepare('SELECT * FROM survey ORDER BY id').all() as SurveyRow[]).map(toSurvey);

export function getById(db: DB, id: number): Survey | undefined {
	const row = db.prepare('SELECT * FROM survey WHERE id = ?').get(id) as SurveyRow | undefined;
	return row && toSurvey(row);
}

export interface VersionInfo {
	id: number;
	version: number;
	publishedAt: string | null;
	createdAt: string;
	responses: number;
}

export function versions(db: DB, surveyId: number): VersionInfo[] {
	return (
		db
			.prepare(
				`SELECT v.id, v.version, v.published_at, v.created_at,
				        (SELECT count(*) FROM response WHERE survey_version_id = v.id) AS responses
				 FROM survey_version v WHERE v.survey_id = ? ORDER BY v.version DESC`
			)
			.all(surveyId) as { id: number; version: number; published_at: string | null; created_at: string; responses: number }[]
	).map((r) => ({ id: r.id, version: r.version, publishedAt: r.published_at, createdAt: r.created_at, responses: r.responses }));
}

/** The unpublished version being edited, if there is one (its document may not be valid yet). */
export function draft(db: DB, surveyId: number): { versionId: number; version: number; document: unknown } | undefined {
	const row = db
		.prepare(
			`SELECT id, version, document FROM survey_version WHERE survey_id = ? AND published_at IS NULL
			 ORDER BY version DESC LIMIT 1`
		)
		.get(surveyId) as { id: number; version: number; document: string } | undefined;
	return row && { versionId: row.id, version: row.version, document: JSON.parse(row.document) };
}

/** The document the editor starts from: the draft, else the version residents answer. */
export function editable(db: DB, survey: Survey): unknown {
	const d = draft(db, survey.id);
	if (d) return d.document;
	return survey.publishedVersionId ? publishedVersion(db, survey.publishedVersionId) : undefined;
}

const MAX_DOCUMENT_BYTES = 1_000_000;

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
			db.prepare('UPDATE survey_version SET document = ? WHERE id = ?').run(json, existing.versionId);
			return existing.versionId;
		}
		const next = (db.prepare('SELECT coalesce(max(version), 0) + 1 FROM survey_version WHERE survey_id = ?').pluck().get(surveyId) as number);
		return Number(
			db.prepare('INSERT INTO survey_version (survey_id, version, document) VALUES (?, ?, ?)').run(surveyId, next, json)
				.lastInsertRowid
		);
	})();
}

/** Throws the draft away; the published version stays as it is. */
export function discardDraft(db: DB, surveyId: number): void {
	db.prepare('DELETE FROM survey_version WHERE survey_id = ? AND published_at IS NULL').run(surveyId);
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
}

export function updateSettings(db: DB, surveyId: number, s: Settings): void {
	db.prepare(
		`UPDATE survey SET slug = ?, fiscal_year = ?, opens_at = ?, closes_at = ?, min_cell_size = ?,
		 results_public = ?, invitation_required = ?, retention_years = ?, minutes = ?, contact = ? WHERE id = ?`
	).run(
		s.slug, s.fiscalYear, s.opensAt, s.closesAt, s.minCellSize, s.resultsPublic ? 1 : 0, s.invitationRequired ? 1 : 0,
		s.retentionYears, s.minutes, JSON.stringify(s.contact), surveyId
	);
}

/** Publishes the draft: it becomes immutable and residents answer it (from opensAt if set). */
export function publishDraft(db: DB, surveyId: number): number {
	const d = draft(db, surveyId);
	if (!d) throw new SurveyStateError('公開する下書きがありません。');
	const survey = getById(db, surveyId)!;
	if (survey.status === 'archived') throw new SurveyStateError('アーカイブした調査は公開できません。');
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

/** A new edition from an earlier one (e.g. 2022 → 2023): same questions and keys, as a draft. */
export function clone(db: DB, sourceId: number, target: { slug: string; fiscalYear: number }): { surveyId: number; versionId: number } {
	const source = getById(db, sourceId);
	if (!source) throw new SurveyStateError('元の調査がありません。');
	const document = editable(db, source);
	return db.transaction(() => {
		const surveyId = Number(
			// The edition's way of running carries over (k, published results, invitation codes, the
			// contact, minutes and retention residents are told of); its dates and its codes do
			// not: each year's letters get codes of their own.
			db
				.prepare(
					`INSERT INTO survey (slug, fiscal_year, min_cell_size, results_public, invitation_required, previous_edition_id,
					                     contact, minutes, retention_years)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
				)
				.run(
					target.slug, target.fiscalYear, source.minCellSize, source.resultsPublic ? 1 : 0, source.invitationRequired ? 1 : 0, source.id,
					source.contact && JSON.stringify(source.contact), source.minutes, source.retentionYears
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

export const slugTaken = (db: DB, slug: string, exceptId = 0) =>
	!!db.prepare('SELECT 1 FROM survey WHERE slug = ? AND id != ?').get(slug, exceptId);

/**
 * What a draft is compared with before publishing: this survey's published version, or, for a
 * new edition not yet published, the published version of the edition it was cloned from.
 */
export function comparisonBase(db: DB, survey: Survey): { label: string; document: Questionnaire } | undefined {
	if (survey.publishedVersionId) {
		const document = publishedVersion(db, survey.publishedVersionId);
		if (document) return { label: '公開中の版', document };
	}
	const previous = survey.previousEditionId ? getById(db, survey.previousEditionId) : undefined;
	const document = previous?.publishedVersionId ? publishedVersion(db, previous.publishedVersionId) : undefined;
	return previous && document ? { label: `${previous.fiscalYear}年度の調査（${document.title.ja}）`, document } : undefined;
}
