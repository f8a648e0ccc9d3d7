// Priority projects and their indicators (designers).
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { db, type DB } from '$lib/server/db';
import * as projects from '$lib/server/projects';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { conditionToText, textToCondition } from '$lib/survey/sheet-conditions';
import { checkStandaloneCondition } from '$lib/survey/check-document';
import { readForm, STAFF_FORM, text as field, type FormFields } from '$lib/server/form-body';

export const load: PageServerLoad = (event) => {
	requireStaff(event, 'designer');
	return {
		projects: projects.list(db()).map((p) => ({
			...p,
			indicators: p.indicators.map((i) => ({ ...i, baseText: i.base ? conditionToText(i.base) : '' }))
		}))
	};
};

const text = (data: FormFields, name: string) => field(data, name).trim();
/** A whole number as typed (full-width digits too), up to nine digits; anything else is NaN. */
const int = (v: string) => (/^\d{1,9}$/.test(v.normalize('NFKC')) ? Number(v.normalize('NFKC')) : NaN);

function done(what: string): never {
	redirect(303, `/admin/projects?done=${what}`);
}

/** Deletes a project or an indicator by the id in the form, and logs it. */
function deleter(kind: 'project' | 'indicator', remove: (database: DB, id: number) => void) {
	return async (event: RequestEvent) => {
		const user = requireStaff(event, 'designer');
		const id = int(text(await readForm(event.request, STAFF_FORM), 'id'));
		remove(db(), id);
		audit.record(db(), user, `${kind}.delete`, `${kind}:${id}`);
		done('deleted');
	};
}

export const actions: Actions = {
	saveProject: async (event) => {
		const user = requireStaff(event, 'designer');
		const data = await readForm(event.request, STAFF_FORM);
		const id = int(text(data, 'id')) || undefined;
		const number = int(text(data, 'number'));
		const name = text(data, 'name');
		const problems: string[] = [];
		if (!Number.isInteger(number) || number < 1) problems.push('番号は 1 以上の整数にしてください。');
		else if (projects.numberTaken(db(), number, id)) problems.push(`重点プロジェクト${number}はすでにあります。`);
		if (!name || name.length > 200) problems.push('名前を 200 文字以内で入力してください。');
		if (problems.length) return fail(400, { problems, form: 'project', id: id ?? 0 });
		const saved = projects.saveProject(db(), { id, number, name, description: text(data, 'description') });
		audit.record(db(), user, 'project.save', `project:${saved}`, { number, name });
		done('project');
	},
	deleteProject: deleter('project', projects.deleteProject),
	saveIndicator: async (event) => {
		const user = requireStaff(event, 'designer');
		const data = await readForm(event.request, STAFF_FORM);
		const id = int(text(data, 'id')) || undefined;
		const projectId = int(text(data, 'projectId'));
		const name = text(data, 'name');
		const questionKey = text(data, 'questionKey');
		const codes = text(data, 'codes').split(/[,、，\s]+/).filter(Boolean).map(int);
		const baseText = text(data, 'base');
		const base = baseText ? textToCondition(baseText) : undefined;
		const targetText = text(data, 'target').normalize('NFKC');
		const target = targetText ? Number(targetText) : null;
		const yearText = text(data, 'targetYear');
		const targetYear = yearText ? int(yearText) : null;
		const problems: string[] = [];
		if (!name) problems.push('指標の名前を入力してください。');
		if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(questionKey)) problems.push('設問キー（例: T2）を入力してください。');
		if (!codes.length || codes.some((c) => !Number.isInteger(c))) problems.push('数える選択肢の番号を 1,2 のように入力してください。');
		const checked = base?.ok ? checkStandaloneCondition(base.condition, projects.askedQuestions(db())) : undefined;
		if (base && !base.ok) problems.push(`対象の条件：${base.message}`);
		if (checked && !checked.ok) problems.push(...checked.problems.map((p) => `対象の条件：${p}`));
		if (target !== null && !Number.isFinite(target)) problems.push('目標値は数で入力してください。');
		if (targetYear !== null && !(Number.isInteger(targetYear) && targetYear >= 2000 && targetYear <= 2100))
			problems.push('目標年度は西暦 4 桁で入力してください。');
		if (!projects.list(db()).some((p) => p.id === projectId)) problems.push('指標を加える重点プロジェクトが見つかりません。');
		if (problems.length) return fail(400, { problems, form: 'indicator', id: id ?? 0, projectId });
		const saved = projects.saveIndicator(db(), {
			id,
			projectId,
			name,
			questionKey,
			rowKey: text(data, 'rowKey'),
			codes,
			base: checked?.ok ? checked.condition : null,
			target,
			targetYear,
			unit: text(data, 'unit') || '%'
		});
		audit.record(db(), user, 'indicator.save', `indicator:${saved}`, { name, questionKey, codes });
		done('indicator');
	},
	deleteIndicator: deleter('indicator', projects.deleteIndicator)
};
