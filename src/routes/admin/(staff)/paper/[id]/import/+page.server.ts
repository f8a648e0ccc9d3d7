// Importing paper questionnaires from a CSV (clerks): check every row first; import nothing
// until the clerk confirms a file without problems, and then all rows in one transaction.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { storePaper } from '$lib/server/clerk';
import { clerkSurvey } from '$lib/server/survey-guard';
import { readPaperCsv } from '$lib/survey/paper-import';
import { decodeUpload } from '$lib/server/csv/encoding';

export const load: PageServerLoad = (event) => {
	const { survey, document } = clerkSurvey(event);
	return { surveyId: survey.id, title: document.title.ja, imported: Number(event.url.searchParams.get('imported')) || 0 };
};

const MAX = 5_000_000;

export const actions: Actions = {
	check: async (event) => {
		const { document } = clerkSurvey(event);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { problems: [{ row: 0, column: '', message: 'ファイルを選んでください。' }] });
		if (file.size > MAX) return fail(400, { problems: [{ row: 0, column: '', message: 'ファイルが大きすぎます（5 MB まで）。' }] });
		const csv = decodeUpload(new Uint8Array(await file.arrayBuffer()));
		const result = readPaperCsv(document, csv);
		if (!result.ok) return fail(400, { problems: result.problems });
		return { ready: { csv, count: result.forms.length, name: file.name } };
	},
	import: async (event) => {
		const { user, survey, document } = clerkSurvey(event);
		const csv = String((await event.request.formData()).get('csv') ?? '');
		// Checked again: the server never trusts what came back from the browser.
		const result = readPaperCsv(document, csv);
		if (!result.ok) return fail(400, { problems: result.problems });
		const count = storePaper(survey.id, survey.publishedVersionId!, result.forms, 'import');
		audit.record(db(), user, 'paper.import', `survey:${survey.slug}`, { responses: count });
		redirect(303, `/admin/paper/${survey.id}/import?imported=${count}`);
	}
};
