// Typing in paper questionnaires (clerks), one after another, with the keyboard only.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { paperCount, storePaper } from '$lib/server/clerk';
import { clerkSurvey } from '$lib/server/survey-guard';
import { checkPaper, paperFields } from '$lib/survey/paper';

export const load: PageServerLoad = (event) => {
	const { survey, document } = clerkSurvey(event);
	return {
		surveyId: survey.id,
		title: document.title.ja,
		count: paperCount(survey.id),
		fields: paperFields(document).map((f) => ({
			name: f.name,
			label: f.label,
			hint:
				'options' in f.question && !f.name.endsWith('_other')
					? f.question.options.map((o) => `${o.code} ${o.label.ja}`).join('　')
					: f.question.type === 'scale'
						? `${f.question.min}〜${f.question.max}`
						: ''
		}))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user, survey, document } = clerkSurvey(event);
		const data = await event.request.formData();
		const values = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
		const { rows, errors } = checkPaper(document, values);
		if (!Object.keys(errors).length && !rows.length)
			errors[Object.keys(values)[0] ?? 'F1'] = '何も入力されていません。白紙の調査票は入力しません。';
		if (Object.keys(errors).length) return fail(400, { values, errors });
		storePaper(survey.id, survey.publishedVersionId!, [rows], 'paper');
		audit.record(db(), user, 'paper.entry', `survey:${survey.slug}`, { answers: rows.length });
		return { saved: paperCount(survey.id) };
	}
};
