// What every staff page about one survey does first: check the role, then find the survey
// named in the URL (only published ones, for pages about answers).
import { error } from '@sveltejs/kit';
import { db } from './db';
import * as surveys from './surveys';
import { requireStaff } from './auth/guard';
import type { Role } from '$lib/staff/roles';

type SurveyEvent = Parameters<typeof requireStaff>[0] & { params: { id?: string } };

function surveyFor(event: SurveyEvent, role: Role, published: boolean) {
	const user = requireStaff(event, role);
	const id = event.params.id;
	const survey = id && /^\d+$/.test(id) ? surveys.getById(db(), Number(id)) : undefined;
	if (!survey || (published && !survey.publishedVersionId))
		error(404, published ? 'その調査は見つかりません（公開された調査だけが回答を持ちます）。' : 'その調査は見つかりません。');
	return { user, survey };
}

/** Questionnaire pages: any survey, for designers. */
export const designerSurvey = (event: SurveyEvent) => surveyFor(event, 'designer', false);

/** Data pages: published surveys, for analysts. */
export const analystSurvey = (event: SurveyEvent) => surveyFor(event, 'analyst', true);

/** Paper entry: published surveys, for clerks, with the version being typed in. */
export function clerkSurvey(event: SurveyEvent) {
	const found = surveyFor(event, 'clerk', true);
	return { ...found, document: surveys.publishedVersion(db(), found.survey.publishedVersionId!)! };
}
