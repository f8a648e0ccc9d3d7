// Typing in paper questionnaires (clerks), one after another, with the keyboard only.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { surveyDay } from '$lib/server/today';
import { InvitationTaken, invitationProblem, paperCounts, storePaper } from '$lib/server/paper-entries';
import { INVITATION_FIELD } from '$lib/survey/invitation-code';
import { clerkSurvey } from '$lib/server/survey-guard';
import { checkPaper, paperFields } from '$lib/survey/paper';
import { readForm, STAFF_FORM } from '$lib/server/form-body';
import { formObject, requireForm, text } from '$lib/server/form-schema';
import type { Questionnaire } from '$lib/survey/schema';

export const load: PageServerLoad = (event) => {
	const { survey, document } = clerkSurvey(event);
	return {
		surveyId: survey.id,
		title: document.title.ja,
		counts: paperCounts(survey.id),
		fields: [
			// A mailed questionnaire may carry its letter's code: typed first, used up with the answers.
			...(survey.invitationRequired
				? [{ name: INVITATION_FIELD, label: '調査票に印刷されていれば入力します', hint: '12 けたの数字（「-」はあってもなくても構いません）。印刷されていなければ空欄のままにします。', options: [] }]
				: []),
			...paperFields(document).map(({ name, label, question: q }) => ({
				name,
				label,
				// The numbers printed beside the choices, as on the paper.
				options: 'options' in q && !name.endsWith('_other') ? q.options.map((o) => ({ code: o.code, label: o.label.ja })) : [],
				hint:
					q.type === 'scale'
						? `${q.min}${q.minLabel ? `（${q.minLabel.ja}）` : ''}〜${q.max}${q.maxLabel ? `（${q.maxLabel.ja}）` : ''}`
						: ''
			}))
		]
	};
};

/** A typed-in answer: as typed, for checkPaper to read and check against its question. */
const ANSWER = text({ trim: false });

/** The paper form of a questionnaire: its answer boxes, and the letter's invitation code. */
const paperForm = (document: Questionnaire) =>
	formObject({ ...Object.fromEntries(paperFields(document).map((f) => [f.name, ANSWER])), [INVITATION_FIELD]: text() });

export const actions: Actions = {
	save: async (event) => {
		const { user, survey, document } = clerkSurvey(event);
		const form = paperForm(document);
		const data = await readForm(event.request, { ...STAFF_FORM, accepts: (name) => Object.hasOwn(form.shape, name) });
		// Every field is free text here: checkPaper checks the answers against their questions.
		const values: Record<string, string> = requireForm(data, form);
		const { answers, errors } = checkPaper(document, values);
		if (!Object.keys(errors).length && !answers.length)
			errors[paperFields(document)[0].name] = '何も入力されていません。白紙の調査票は入力しません。';
		const invitation = survey.invitationRequired ? values[INVITATION_FIELD] || undefined : undefined;
		const problem = invitation && invitationProblem(survey.id, invitation);
		if (problem) errors[INVITATION_FIELD] = problem;
		if (Object.keys(errors).length) return fail(400, { values, errors });
		try {
			storePaper(survey.id, survey.publishedVersionId!, [{ answers, invitation }], 'paper');
		} catch (e) {
			if (!(e instanceof InvitationTaken)) throw e;
			errors[INVITATION_FIELD] = 'この招待コードは、たった今ほかの回答に使われました。入力せずに担当者へ確認してください。';
			return fail(409, { values, errors });
		}
		audit.countForDay(db(), user, 'paper.entry', `survey:${survey.slug}`, surveyDay());
		return { saved: true };
	}
};
