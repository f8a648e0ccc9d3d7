// Importing paper questionnaires from a CSV (clerks): check every row first; import nothing
// until the clerk confirms a file without problems, and then all rows in one transaction.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { surveyDay } from '$lib/server/today';
import { InvitationTaken, invitationProblems, storePaper } from '$lib/server/paper-entries';
import { clerkSurvey } from '$lib/server/survey-guard';
import { csvRow, readPaperCsv, type PaperImport } from '$lib/survey/paper-import';
import type { Questionnaire } from '$lib/survey/schema';
import { INVITATION_FIELD } from '$lib/survey/invitation-code';
import { uploadedText } from '$lib/server/csv/encoding';
import { readForm, readUpload, STAFF_DOCUMENT_FORM, uploadTooLarge } from '$lib/server/form-body';
import { file, formObject, parseForm, requireForm, text } from '$lib/server/form-schema';

export const load: PageServerLoad = (event) => {
	const { survey, document } = clerkSurvey(event);
	return {
		surveyId: survey.id,
		title: document.title.ja,
		invitationRequired: survey.invitationRequired,
		imported: Number(event.url.searchParams.get('imported')) || 0
	};
};

const MAX = 5_000_000;

/** The CSV file chosen, checked before anything is imported. */
const checkForm = formObject({ file: file({ message: 'ファイルを選んでください。', maxBytes: MAX, tooLarge: 'ファイルが大きすぎます（5 MB まで）。' }) });
/** The checked CSV sent back to be imported (and checked again). */
const importForm = formObject({ csv: text({ trim: false }) });

/** Every row checked, the invitation codes against the database too. */
function read(survey: { id: number; invitationRequired: boolean }, document: Questionnaire, csv: string): PaperImport {
	const result = readPaperCsv(document, csv, survey.invitationRequired);
	if (!result.ok) return result;
	const problems = invitationProblems(survey.id, result.forms);
	return problems.length ? { ok: false, problems } : result;
}

export const actions: Actions = {
	check: async (event) => {
		const { survey, document } = clerkSurvey(event);
		const data = await readUpload(event.request);
		if (!data) return fail(413, { problems: [{ row: 0, column: '', message: uploadTooLarge() }] });
		const form = parseForm(data, checkForm);
		if (!form.ok) return fail(400, { problems: form.problems.map((message) => ({ row: 0, column: '', message })) });
		const { file: upload } = form.value;
		const csv = await uploadedText(upload);
		const result = read(survey, document, csv);
		if (!result.ok) return fail(400, { problems: result.problems });
		return { ready: { csv, count: result.forms.length, name: upload.name } };
	},
	import: async (event) => {
		const { user, survey, document } = clerkSurvey(event);
		const { csv } = requireForm(await readForm(event.request, STAFF_DOCUMENT_FORM), importForm);
		// Checked again: the server never trusts what came back from the browser.
		const result = read(survey, document, csv);
		if (!result.ok) return fail(400, { problems: result.problems });
		let count: number;
		try {
			count = storePaper(survey.id, survey.publishedVersionId!, result.forms, 'import');
		} catch (e) {
			if (!(e instanceof InvitationTaken)) throw e;
			const message = 'この招待コードは、確認のあとでほかの回答に使われました。何も取り込んでいません。';
			return fail(409, { problems: [{ row: csvRow(e.index), column: INVITATION_FIELD, message }] });
		}
		audit.countForDay(db(), user, 'paper.import', `survey:${survey.slug}`, surveyDay(), count);
		redirect(303, `/admin/paper/${survey.id}/import?imported=${count}`);
	}
};
