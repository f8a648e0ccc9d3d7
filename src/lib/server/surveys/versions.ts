// A survey's versions: the published ones, which never change (so each is parsed once), the
// one residents answer, and the one a draft is compared with before it is published.
import { statement, type DB } from '../db';
import type { Questionnaire } from '$lib/survey/schema';
import { getById, toSurvey, type Survey, type SurveyRow } from './records';

export interface PublishedSurvey {
	survey: Survey;
	versionId: number;
	document: Questionnaire;
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

export function publishedDocument(db: DB, versionId: number): Questionnaire {
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
	const row = statement(db, 'SELECT * FROM survey WHERE slug = ?').get(slug) as SurveyRow | undefined;
	if (!row || row.published_version_id === null) return undefined;
	return {
		survey: toSurvey(row),
		versionId: row.published_version_id,
		document: publishedDocument(db, row.published_version_id)
	};
}

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
