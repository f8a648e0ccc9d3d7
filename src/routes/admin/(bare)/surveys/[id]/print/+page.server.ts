// The printable questionnaire (designers): for residents who answer on paper, with the codes
// beside the choices that the data-entry clerks type in.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { designerSurvey } from '$lib/server/survey-guard';
import { checkQuestionnaire } from '$lib/survey/check-document';
import { privacyNotice } from '$lib/survey/privacy';
import { config } from '$lib/server/config';

export const load: PageServerLoad = (event) => {
	const { survey } = designerSurvey(event);
	const wantDraft = event.url.searchParams.get('which') === 'draft';
	const source = wantDraft ? surveys.draft(db(), survey.id)?.document : surveys.editable(db(), survey);
	const checked = source ? checkQuestionnaire(source) : undefined;
	if (!checked?.ok) error(409, '調査票に問題があるため印刷用を作れません。');
	return { surveyId: survey.id, fiscalYear: survey.fiscalYear, document: checked.doc, notice: privacyNotice(checked.doc, survey, 'ja', config.timeZone) };
};
