// Questionnaires (designers): every survey by status, and a new one — blank, from the
// bundled 2022 template, as the next edition of an earlier one, or imported from JSON or CSV.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db, type DB } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { fiscalYearField, slugField } from '$lib/server/settings-form';
import { choice, file, formObject, optionalInteger, parseForm, text, whenRead } from '$lib/server/form-schema';
import { blankQuestionnaire } from '$lib/survey/defaults';
import { checkQuestionnaire } from '$lib/survey/check-document';
import { wordProblems } from '$lib/survey/places';
import { csvToQuestionnaire, type SheetProblem } from '$lib/survey/sheet';
import template from '$lib/survey/templates/digital-level-2022.json';
import { readUpload, uploadTooLarge } from '$lib/server/form-body';
import { surveyDay } from '$lib/server/today';
import { fiscalYearOf } from '$lib/dates';
import { uploadedText } from '$lib/server/csv/encoding';

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'designer');
	// The year a new survey is usually for: the next fiscal year, on the survey's calendar.
	return { surveys: surveys.listForStaff(db(), new Date()), nextFiscalYear: fiscalYearOf(surveyDay()) + 1 };
};

const SOURCES = ['blank', 'template', 'json', 'csv', 'clone'] as const;

/** How to start a new survey, its address and year; the file of a JSON or CSV one. */
const createForm = (database: DB) =>
	formObject(
		{
			slug: slugField(database),
			fiscalYear: fiscalYearField,
			source: choice(SOURCES, { message: '作り方を選んでください。' }),
			title: text(),
			file: file(),
			cloneOf: optionalInteger({ message: '元にする調査を選んでください。' })
		},
		(fields) =>
			fields
				.refine((v) => v.source !== 'blank' || v.title, { error: '調査名を入力してください。', path: ['title'], when: whenRead('source', 'title') })
				.refine((v) => (v.source !== 'json' && v.source !== 'csv') || v.file, { error: 'ファイルを選んでください。', path: ['file'], when: whenRead('source', 'file') })
				.refine((v) => v.source !== 'clone' || (v.cloneOf !== null && surveys.getById(database, v.cloneOf)), {
					error: '元にする調査を選んでください。',
					path: ['cloneOf'],
					when: whenRead('source', 'cloneOf')
				})
	);

export const actions: Actions = {
	create: async (event) => {
		const user = requireStaff(event, 'designer');
		const data = await readUpload(event.request);
		if (!data)
			return fail(413, { values: { source: '', slug: '', fiscalYear: '', title: '', cloneOf: '' }, problems: [uploadTooLarge()], sheetProblems: [] });
		const form = parseForm(data, createForm(db()));
		const { source, slug, fiscalYear, title, cloneOf, file: upload } = form.typed;
		const values = { source, slug, fiscalYear, title, cloneOf };
		const problems = form.ok ? [] : form.problems;
		let sheetProblems: SheetProblem[] = [];
		let document: unknown;

		// A file is read even when other fields have problems, so that all are told at once.
		if (source === 'blank') document = blankQuestionnaire(title);
		else if (source === 'template') document = template;
		else if ((source === 'json' || source === 'csv') && upload) {
			// UTF-8 or, as Japanese Excel saves a CSV, Shift_JIS.
			const text = await uploadedText(upload);
			if (source === 'json') {
				let parsed: unknown;
				try {
					parsed = JSON.parse(text);
				} catch {
					problems.push('JSON として読み取れません。');
				}
				if (parsed !== undefined) {
					const checked = checkQuestionnaire(parsed);
					if (checked.ok) document = checked.doc;
					else sheetProblems = wordProblems(parsed, checked.problems).map(({ place, message }) => ({ row: 0, column: '', place, message }));
				}
			} else {
				const result = csvToQuestionnaire(text);
				if (result.ok) document = result.doc;
				else sheetProblems = result.problems;
			}
		}

		if (!form.ok || problems.length || sheetProblems.length) return fail(400, { values, problems, sheetProblems });

		const chosen = form.value;
		const from = chosen.source === 'clone' ? chosen.cloneOf! : undefined;
		const surveyId =
			from !== undefined
				? surveys.clone(db(), from, { slug: chosen.slug, fiscalYear: chosen.fiscalYear }).surveyId
				: surveys.create(db(), { slug: chosen.slug, fiscalYear: chosen.fiscalYear, document }).surveyId;
		audit.record(db(), user, 'survey.create', `survey:${chosen.slug}`, { source: chosen.source, cloneOf: from });
		redirect(303, `/admin/surveys/${surveyId}`);
	}
};
