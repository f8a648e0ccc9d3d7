// Questionnaires (designers): every survey by status, and a new one — blank, from the bundled
// 2022 template, as the next edition of an earlier one, or imported from JSON or CSV. From the
// template or an earlier edition, the form suggests the fiscal year and a title with the year
// moved on; a title that another survey already has is refused unless the official confirms it.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db, type DB } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { fiscalYearField, slugField } from '$lib/server/settings-form';
import { checkbox, choice, file, formObject, optionalInteger, parseForm, requireForm, text, whenRead } from '$lib/server/form-schema';
import { blankQuestionnaire } from '$lib/survey/defaults';
import { checkQuestionnaire } from '$lib/survey/check-document';
import { wordProblems } from '$lib/survey/places';
import { csvToQuestionnaire, type SheetProblem } from '$lib/survey/sheet';
import { documentTitle, nextEditionTitle, sameTitle, suggestEdition, type EditionSource } from '$lib/survey/titles';
import type { Text } from '$lib/survey/schema';
import template from '$lib/survey/templates/digital-level-2022.json';
import { readUpload, uploadTooLarge } from '$lib/server/form-body';
import { surveyDay } from '$lib/server/today';
import { fiscalYearName, fiscalYearOf } from '$lib/dates';
import { uploadedText } from '$lib/server/csv/encoding';

const SOURCES = ['blank', 'template', 'json', 'csv', 'clone'] as const;
type Source = (typeof SOURCES)[number];

/** The template as a source: its title, and the year it was written for. */
const TEMPLATE: EditionSource & { text: Text } = { title: template.title.ja, fiscalYear: surveys.BUNDLED_FISCAL_YEAR, text: template.title };

/** A survey as the source of a next edition: the title and year of what a clone copies. */
function edition(database: DB, s: surveys.Survey) {
	const title = (surveys.editable(database, s) as { title?: Text } | undefined)?.title;
	return { id: s.id, fiscalYear: s.fiscalYear, title: documentTitle({ title }) ?? s.slug, text: title };
}

/** Every survey as a source, newest year first (as the lists show them). */
const editions = (database: DB) =>
	surveys
		.all(database)
		.sort((a, b) => b.fiscalYear - a.fiscalYear || b.id - a.id)
		.map((s) => edition(database, s));

/** The year a new survey is usually for: the next fiscal year, on the survey's calendar. */
const planningYear = () => fiscalYearOf(surveyDay()) + 1;

/** What the page opens with, also without JavaScript: `?source=template` or `?source=clone&cloneOf=3` picks the source. */
const startForm = formObject({ source: choice(SOURCES, { fallback: undefined }), cloneOf: text(), slug: text() });

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'designer');
	const database = db();
	const from = editions(database).map(({ id, fiscalYear, title }) => ({ id, fiscalYear, title }));
	const asked = requireForm(event.url.searchParams, startForm);
	const source: Source = asked.source ?? (from.length ? 'clone' : 'template');
	const cloneOf = (from.find((e) => String(e.id) === asked.cloneOf) ?? from[0])?.id;
	const suggestion = suggestEdition(source === 'template' ? TEMPLATE : source === 'clone' ? from.find((e) => e.id === cloneOf) : undefined, planningYear());
	return {
		surveys: surveys.listForStaff(database, new Date()),
		planningYear: planningYear(),
		sources: { template: { title: TEMPLATE.title, fiscalYear: TEMPLATE.fiscalYear }, editions: from },
		titles: surveys.surveyTitles(database),
		start: { source, cloneOf: cloneOf === undefined ? '' : String(cloneOf), slug: asked.slug, title: suggestion.title, fiscalYear: String(suggestion.fiscalYear) }
	};
};

/** How to start a new survey, its address, year and title; the file of a JSON or CSV one. */
const createForm = (database: DB) =>
	formObject(
		{
			slug: slugField(database),
			fiscalYear: fiscalYearField,
			source: choice(SOURCES, { message: '作り方を選んでください。' }),
			title: text(),
			sameTitle: checkbox(),
			file: file(),
			cloneOf: optionalInteger({ message: '元にする調査を選んでください。' })
		},
		(fields) =>
			fields
				.refine((v) => !TITLED.includes(v.source) || v.title, { error: '調査名を入力してください。', path: ['title'], when: whenRead('source', 'title') })
				.refine((v) => (v.source !== 'json' && v.source !== 'csv') || v.file, { error: 'ファイルを選んでください。', path: ['file'], when: whenRead('source', 'file') })
				.refine((v) => v.source !== 'clone' || (v.cloneOf !== null && surveys.getById(database, v.cloneOf)), {
					error: '元にする調査を選んでください。',
					path: ['cloneOf'],
					when: whenRead('source', 'cloneOf')
				})
	);

/** The ways of starting whose title is typed on the form (a file brings its own). */
const TITLED: readonly string[] = ['blank', 'template', 'clone'];

/** Why a title is refused that other surveys have, and how to keep it all the same. */
function sameTitleProblem(title: string, others: surveys.TitledSurvey[]): string {
	const which = others.map((o) => `${fiscalYearName(o.fiscalYear)}の調査（/s/${o.slug}）`).join('、');
	return `題名「${title}」は、${which}と同じです。一覧や市民向けのページで見分けられるよう、年度などを入れて題名を変えてください。同じ題名のまま作るときは、「同じ題名で作成する」にチェックを入れてください。`;
}

/** The new survey's title in each language: as typed in Japanese, the others with the year moved on. */
function titleIn(typed: string, source: Text | undefined, from: number, to: number): Text {
	return { ...(source ? nextEditionTitle(source, from, to) : {}), ja: typed };
}

export const actions: Actions = {
	create: async (event) => {
		const user = requireStaff(event, 'designer');
		const data = await readUpload(event.request);
		if (!data)
			return fail(413, { values: { source: '', slug: '', fiscalYear: '', title: '', cloneOf: '' }, problems: [uploadTooLarge()], sheetProblems: [], sameAs: [] });
		const form = parseForm(data, createForm(db()));
		const { source, slug, fiscalYear, title, cloneOf, sameTitle: confirmed, file: upload } = form.typed;
		const values = { source, slug, fiscalYear, title, cloneOf };
		const problems = form.ok ? [] : form.problems;
		let sheetProblems: SheetProblem[] = [];
		let document: unknown;

		// A file is read even when other fields have problems, so that all are told at once.
		if ((source === 'json' || source === 'csv') && upload) {
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

		// The same title as another survey's: told with the other problems, unless confirmed.
		const newTitle = TITLED.includes(source) ? title : documentTitle(document);
		const sameAs = newTitle ? surveys.surveyTitles(db()).filter((t) => sameTitle(t.title, newTitle)) : [];
		if (newTitle && sameAs.length && !confirmed) problems.push(sameTitleProblem(newTitle, sameAs));

		if (!form.ok || problems.length || sheetProblems.length) return fail(400, { values, problems, sheetProblems, sameAs });

		const chosen = form.value;
		const year = chosen.fiscalYear;
		let surveyId: number;
		if (chosen.source === 'clone') {
			const from = edition(db(), surveys.getById(db(), chosen.cloneOf!)!);
			surveyId = surveys.clone(db(), from.id, { slug: chosen.slug, fiscalYear: year, title: titleIn(chosen.title, from.text, from.fiscalYear, year) }).surveyId;
		} else {
			if (chosen.source === 'blank') document = blankQuestionnaire(chosen.title);
			else if (chosen.source === 'template') document = { ...template, title: titleIn(chosen.title, TEMPLATE.text, TEMPLATE.fiscalYear, year) };
			surveyId = surveys.create(db(), { slug: chosen.slug, fiscalYear: year, document }).surveyId;
		}
		audit.record(db(), user, 'survey.create', `survey:${chosen.slug}`, {
			source: chosen.source,
			cloneOf: chosen.source === 'clone' ? chosen.cloneOf : undefined,
			title: newTitle,
			...(sameAs.length ? { sameTitleAs: sameAs.map((s) => s.slug) } : {})
		});
		redirect(303, `/admin/surveys/${surveyId}`);
	}
};
