// Questionnaires (designers): every survey by status, and a new one — blank, from the
// bundled 2022 template, as the next edition of an earlier one, or imported from JSON or CSV.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { readSlugAndYear } from '$lib/server/survey-form';
import { blankQuestionnaire } from '$lib/survey/defaults';
import { checkQuestionnaire } from '$lib/survey/check-document';
import { csvToQuestionnaire, type SheetProblem } from '$lib/survey/sheet';
import template from '$lib/survey/templates/digital-level-2022.json';
import { readUpload, uploadTooLarge, type FormFields } from '$lib/server/form-body';
import { surveyDay } from '$lib/server/today';
import { fiscalYearOf } from '$lib/dates';
import { uploadedText } from '$lib/server/csv/encoding';

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'designer');
	// The year a new survey is usually for: the next fiscal year, on the survey's calendar.
	return { surveys: surveys.listForStaff(db(), new Date()), nextFiscalYear: fiscalYearOf(surveyDay()) + 1 };
};

/** The uploaded file's text: UTF-8 or, as Japanese Excel saves a CSV, Shift_JIS. */
async function uploaded(data: FormFields): Promise<string | undefined> {
	const file = data.get('file');
	if (!(file instanceof File) || file.size === 0) return undefined;
	return await uploadedText(file);
}

export const actions: Actions = {
	create: async (event) => {
		const user = requireStaff(event, 'designer');
		const data = await readUpload(event.request);
		if (!data)
			return fail(413, { values: { source: '', slug: '', fiscalYear: '', title: '', cloneOf: '' }, problems: [uploadTooLarge()], sheetProblems: [] });
		const source = String(data.get('source') ?? '');
		const title = String(data.get('title') ?? '').trim();
		const { slug, fiscalYear, problems } = readSlugAndYear(data, db());
		const values = { source, slug, fiscalYear: String(data.get('fiscalYear') ?? ''), title, cloneOf: String(data.get('cloneOf') ?? '') };
		let sheetProblems: SheetProblem[] = [];
		let document: unknown;

		if (source === 'blank') {
			if (!title) problems.push('調査名を入力してください。');
			document = blankQuestionnaire(title);
		} else if (source === 'template') {
			document = template;
		} else if (source === 'json' || source === 'csv') {
			const text = await uploaded(data);
			if (text === undefined) problems.push('ファイルを選んでください。');
			else if (source === 'json') {
				let parsed: unknown;
				try {
					parsed = JSON.parse(text);
				} catch {
					problems.push('JSON として読み取れません。');
				}
				if (parsed !== undefined) {
					const checked = checkQuestionnaire(parsed);
					if (checked.ok) document = checked.doc;
					else sheetProblems = checked.problems.map((p) => ({ row: 0, column: p.path, message: p.message }));
				}
			} else {
				const result = csvToQuestionnaire(text);
				if (result.ok) document = result.doc;
				else sheetProblems = result.problems;
			}
		} else if (source !== 'clone') problems.push('作り方を選んでください。');

		if (problems.length || sheetProblems.length) return fail(400, { values, problems, sheetProblems });

		let surveyId: number;
		if (source === 'clone') {
			const from = Number(values.cloneOf);
			if (!surveys.getById(db(), from)) return fail(400, { values, problems: ['元にする調査を選んでください。'], sheetProblems });
			surveyId = surveys.clone(db(), from, { slug, fiscalYear }).surveyId;
		} else {
			surveyId = surveys.create(db(), { slug, fiscalYear, document }).surveyId;
		}
		audit.record(db(), user, 'survey.create', `survey:${slug}`, { source, cloneOf: source === 'clone' ? Number(values.cloneOf) : undefined });
		redirect(303, `/admin/surveys/${surveyId}`);
	}
};
