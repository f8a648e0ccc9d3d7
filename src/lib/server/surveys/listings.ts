// Surveys as lists: the home page residents see, and the staff dashboard.
import type { DB } from '../db';
import type { Questionnaire } from '$lib/survey/schema';
import { surveyPhase, type Phase } from '$lib/survey/phase';
import { toSurvey, type Survey, type SurveyRow } from './records';
import { publishedDocument } from './versions';

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

export interface TitledSurvey {
	id: number;
	slug: string;
	fiscalYear: number;
	title: string;
}

/**
 * Every survey's Japanese titles, as published and in its newest version (a survey whose draft
 * renames it has both): what a new survey's title is compared with.
 */
export function surveyTitles(db: DB): TitledSurvey[] {
	const rows = db
		.prepare(
			`SELECT DISTINCT s.id, s.slug, s.fiscal_year, json_extract(v.document, '$.title.ja') AS title
			 FROM survey s JOIN survey_version v ON v.survey_id = s.id
			 WHERE v.id = s.published_version_id OR v.version = (SELECT max(version) FROM survey_version WHERE survey_id = s.id)
			 ORDER BY s.fiscal_year DESC, s.id DESC`
		)
		.all() as { id: number; slug: string; fiscal_year: number; title: unknown }[];
	return rows.flatMap((r) => (typeof r.title === 'string' && r.title.trim() ? [{ id: r.id, slug: r.slug, fiscalYear: r.fiscal_year, title: r.title }] : []));
}
