// The questionnaire editor (designers). Saving writes the draft version; a published version
// is never changed.
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { designerSurvey } from '$lib/server/survey-guard';
import { readForm, STAFF_DOCUMENT_FORM } from '$lib/server/form-body';

export const load: PageServerLoad = (event) => {
	const { survey } = designerSurvey(event);
	if (survey.status === 'archived') error(409, 'アーカイブした調査は編集できません。');
	const draft = surveys.draft(db(), survey.id);
	return { surveyId: survey.id, version: draft?.version ?? null, document: surveys.editable(db(), survey) };
};

export const actions: Actions = {
	save: async (event) => {
		const { survey } = designerSurvey(event);
		const raw = (await readForm(event.request, STAFF_DOCUMENT_FORM)).get('document');
		let document: unknown;
		try {
			document = JSON.parse(String(raw));
		} catch {
			return fail(400, { message: '調査票を読み取れませんでした。' });
		}
		if (!document || typeof document !== 'object' || Array.isArray(document))
			return fail(400, { message: '調査票を読み取れませんでした。' });
		try {
			return { versionId: surveys.saveDraft(db(), survey.id, document) };
		} catch (e) {
			if (e instanceof surveys.SurveyStateError) return fail(409, { message: e.message });
			throw e;
		}
	}
};
