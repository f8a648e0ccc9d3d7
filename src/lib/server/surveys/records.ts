// A survey as the database holds it, read into the shape the app uses, and the lookups by id
// and slug every other survey module starts from.
import type { DB } from '../db';
import type { Schedule } from '$lib/survey/phase';
import { parseContact, type Contact } from '$lib/survey/privacy';
import type { PlacedProblem } from '$lib/survey/places';
import type { TranslationGap } from '$lib/survey/translation';
import type { OpenDataLicence } from '$lib/analytics/open-data';

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
	/** Questionnaires or letters given out without invitation codes, counted in 配布数 with the codes issued. */
	distributedWithoutCodes: number;
	/** The licence of its open data. */
	openDataLicence: OpenDataLicence;
}

export interface SurveyRow {
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
	distributed_without_codes: number;
	open_data_licence: OpenDataLicence;
}

export const toSurvey = (r: SurveyRow): Survey => ({
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
	responsesDeletedAt: r.responses_deleted_at,
	distributedWithoutCodes: r.distributed_without_codes,
	openDataLicence: r.open_data_licence
});

/** A change the survey's state does not allow (archived, not open…), in words for staff. */
export class SurveyStateError extends Error {
	status = 409;
}

export class InvalidQuestionnaireError extends Error {
	status = 400;
	constructor(public problems: PlacedProblem[]) {
		super(`invalid questionnaire: ${problems.map((p) => `${JSON.stringify(p.where)}: ${p.message}`).join('; ')}`);
	}
}

/** Publishing waits for the designer to confirm these translations, missing or stale. */
export class UnconfirmedTranslationsError extends Error {
	status = 409;
	constructor(public gaps: TranslationGap[]) {
		super(`${gaps.length} translations missing or stale`);
	}
}

/** Every survey, oldest first. */
export const all = (db: DB): Survey[] => (db.prepare('SELECT * FROM survey ORDER BY id').all() as SurveyRow[]).map(toSurvey);

export function getById(db: DB, id: number): Survey | undefined {
	const row = db.prepare('SELECT * FROM survey WHERE id = ?').get(id) as SurveyRow | undefined;
	return row && toSurvey(row);
}

export function count(db: DB): number {
	return db.prepare('SELECT count(*) FROM survey').pluck().get() as number;
}


export const slugTaken = (db: DB, slug: string, exceptId = 0) =>
	!!db.prepare('SELECT 1 FROM survey WHERE slug = ? AND id != ?').get(slug, exceptId);
