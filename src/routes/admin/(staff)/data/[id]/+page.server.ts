// One survey's data downloads (analysts): choose the table, codes or labels, the encoding,
// whether to leave out synthetic (demo) responses, and CSV or Excel; the R and SPSS scripts.
// For Shift_JIS, characters it cannot hold are listed before anything is downloaded.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import * as responses from '$lib/server/responses';
import { pending } from '$lib/server/response-pool';
import { syntheticCount } from '$lib/server/synthetic-responses';
import { analystSurvey } from '$lib/server/survey-guard';
import { cp932Problems, WORKBOOK_KINDS } from '$lib/server/data-export';
import { hasMargins } from '$lib/server/export-weights';
import { downloadQuery, exportChoiceForm } from '$lib/server/export-form';
import { requireForm } from '$lib/server/form-schema';
import { readForm, STAFF_FORM } from '$lib/server/form-body';

export const load: PageServerLoad = (event) => {
	const { survey } = analystSurvey(event);
	const doc = surveys.publishedVersion(db(), survey.publishedVersionId!)!;
	const total = responses.countForSurvey(db(), survey.id);
	const synthetic = syntheticCount(db(), survey.id);
	return {
		surveyId: survey.id,
		slug: survey.slug,
		title: doc.title.ja,
		responses: total,
		synthetic,
		// Demo responses mixed with real ones are left out unless asked for: an analysis of the
		// real answers is what a download is for. When every response is synthetic (the demo
		// edition), leaving them out would give an empty file, so they are kept (each row says so).
		leaveOutSynthetic: synthetic > 0 && synthetic < total,
		waiting: pending(db(), survey.id),
		weighted: hasMargins(db(), survey.id)
	};
};

export const actions: Actions = {
	prepare: async (event) => {
		const { survey } = analystSurvey(event);
		const choice = requireForm(await readForm(event.request, STAFF_FORM), exportChoiceForm);
		if (choice.format === 'xlsx' && !WORKBOOK_KINDS.includes(choice.kind))
			return fail(400, { choice, problems: [], message: '縦長の形式は行数が Excel の上限（1,048,576 行）を超えることがあるため、CSV でダウンロードしてください。' });
		if (choice.format === 'csv' && choice.encoding === 'cp932') {
			const problems = cp932Problems(db(), survey.id, choice.kind, choice.leaveOutSynthetic);
			if (problems.length) return fail(409, { choice, problems });
		}
		redirect(303, `/admin/data/${survey.id}/download?${downloadQuery(choice)}`);
	}
};
