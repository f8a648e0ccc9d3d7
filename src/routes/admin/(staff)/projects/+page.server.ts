// Priority projects and their indicators (designers).
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { db, type DB } from '$lib/server/db';
import * as projects from '$lib/server/projects';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { conditionToText, textToCondition } from '$lib/survey/sheet-conditions';
import { checkStandaloneCondition } from '$lib/survey/check-document';
import { readForm, STAFF_FORM } from '$lib/server/form-body';
import { formObject, integer, integers, optionalDecimal, optionalInteger, parseForm, text, whenRead } from '$lib/server/form-schema';
import type { Condition } from '$lib/survey/schema';

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'designer');
	return {
		projects: projects.list(db()).map((p) => ({
			...p,
			indicators: p.indicators.map((i) => ({ ...i, baseText: i.base ? conditionToText(i.base) : '' }))
		}))
	};
};

/** The id of the project or indicator a form changes; blank for a new one. */
const idField = optionalInteger({ min: 1, message: '変更する項目が見つかりません。ページを開き直してください。' });

const projectForm = (database: DB) =>
	formObject(
		{
			id: idField,
			number: integer({ min: 1, message: '番号は 1 以上の整数にしてください。' }),
			name: text({ required: true, max: 200, message: '名前を 200 文字以内で入力してください。' }),
			description: text()
		},
		(fields) =>
			fields.refine((v) => !projects.numberTaken(database, v.number, v.id ?? undefined), {
				error: (issue) => `重点プロジェクト${(issue.input as { number: number }).number}はすでにあります。`,
				path: ['number'],
				when: whenRead('id', 'number')
			})
	);

const indicatorForm = (database: DB) =>
	formObject({
		id: idField,
		name: text({ required: true, message: '指標の名前を入力してください。' }),
		questionKey: text({ pattern: /^[A-Za-z][A-Za-z0-9_]*$/, message: '設問キー（例: T2）を入力してください。' }),
		rowKey: text(),
		codes: integers({ message: '数える選択肢の番号を 1,2 のように入力してください。' }),
		/** Whom the share is of, as a condition on the questions surveys ask; blank for everyone. */
		base: text().transform((typed, ctx): Condition | null => {
			if (!typed) return null;
			const base = textToCondition(typed);
			if (!base.ok) {
				ctx.issues.push({ code: 'custom', message: `対象の条件：${base.message}`, input: typed });
				return null;
			}
			const checked = checkStandaloneCondition(base.condition, projects.askedQuestions(database));
			if (checked.ok) return checked.condition;
			for (const p of checked.problems) ctx.issues.push({ code: 'custom', message: `対象の条件：${p}`, input: typed });
			return null;
		}),
		target: optionalDecimal({ message: '目標値は数で入力してください。' }),
		targetYear: optionalInteger({ min: 2000, max: 2100, message: '目標年度は西暦 4 桁で入力してください。' }),
		unit: text().transform((unit) => unit || '%'),
		projectId: integer({ message: '指標を加える重点プロジェクトが見つかりません。' }).refine(
			(id) => projects.list(database).some((p) => p.id === id),
			{ error: '指標を加える重点プロジェクトが見つかりません。' }
		)
	});

/** The project or indicator to delete. */
const deleteForm = formObject({ id: integer({ message: '削除する項目が見つかりません。ページを開き直してください。' }) });

function done(what: string): never {
	redirect(303, `/admin/projects?done=${what}`);
}

/** Deletes a project or an indicator by the id in the form, and logs it. */
function deleter(kind: 'project' | 'indicator', remove: (database: DB, id: number) => void) {
	return async (event: RequestEvent) => {
		const user = requireStaff(event, 'designer');
		const form = parseForm(await readForm(event.request, STAFF_FORM), deleteForm);
		if (!form.ok) return fail(400, { problems: form.problems, form: kind });
		const { id } = form.value;
		remove(db(), id);
		audit.record(db(), user, `${kind}.delete`, `${kind}:${id}`);
		done('deleted');
	};
}

export const actions: Actions = {
	saveProject: async (event) => {
		const user = requireStaff(event, 'designer');
		const form = parseForm(await readForm(event.request, STAFF_FORM), projectForm(db()));
		if (!form.ok) return fail(400, { problems: form.problems, form: 'project' });
		const { id, number, name, description } = form.value;
		const saved = projects.saveProject(db(), { id: id ?? undefined, number, name, description });
		audit.record(db(), user, 'project.save', `project:${saved}`, { number, name });
		done('project');
	},
	deleteProject: deleter('project', projects.deleteProject),
	saveIndicator: async (event) => {
		const user = requireStaff(event, 'designer');
		const form = parseForm(await readForm(event.request, STAFF_FORM), indicatorForm(db()));
		if (!form.ok) return fail(400, { problems: form.problems, form: 'indicator' });
		const { id, ...indicator } = form.value;
		const saved = projects.saveIndicator(db(), { id: id ?? undefined, ...indicator });
		audit.record(db(), user, 'indicator.save', `indicator:${saved}`, { name: indicator.name, questionKey: indicator.questionKey, codes: indicator.codes });
		done('indicator');
	},
	deleteIndicator: deleter('indicator', projects.deleteIndicator)
};
