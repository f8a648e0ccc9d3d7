// The questionnaire editor (designers). Saving writes the draft version; a published version
// is never changed.
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { designerSurvey } from '$lib/server/survey-guard';
import { readForm, STAFF_DOCUMENT_FORM } from '$lib/server/form-body';
import { formObject, parseForm, text } from '$lib/server/form-schema';

export const load: PageServerLoad = (event) => {
	const { survey } = designerSurvey(event);
	if (survey.status === 'archived') error(409, 'アーカイブした調査は編集できません。');
	const published = survey.publishedVersionId
		? (surveys.versions(db(), survey.id).find((v) => v.id === survey.publishedVersionId)?.version ?? null)
		: null;
	return {
		surveyId: survey.id,
		draft: draftStatus(survey.id),
		published,
		document: surveys.editable(db(), survey)
	};
};

/** The draft's number and when it was last saved, as the editor's status line shows them. */
function draftStatus(surveyId: number): { version: number; savedAt: string } | null {
	const draft = surveys.draft(db(), surveyId);
	return draft ? { version: draft.version, savedAt: draft.savedAt } : null;
}

/** How deep a draft may nest (conditions inside conditions); real ones stay under 20. */
const MAX_DEPTH = 64;

function depthWithin(value: unknown, max: number): boolean {
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length) {
		const [v, depth] = stack.pop()!;
		if (depth > max) return false;
		if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, depth + 1]);
	}
	return true;
}

/**
 * A draft need not be valid yet (the editor shows its problems), but it must be shaped like a
 * questionnaire, or the editor could not even be drawn: sections of questions, not too deep.
 */
function draftShaped(doc: unknown): boolean {
	if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return false;
	const sections = (doc as { sections?: unknown }).sections;
	const isObject = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v);
	return (
		Array.isArray(sections) &&
		sections.every((s) => isObject(s) && Array.isArray(s.questions) && s.questions.every(isObject)) &&
		depthWithin(doc, MAX_DEPTH)
	);
}

const UNREADABLE = '調査票を読み取れませんでした。';

/** The draft as the editor sends it: JSON shaped like a questionnaire. */
const draftForm = formObject({
	document: text({ trim: false }).transform((typed, ctx): unknown => {
		let document: unknown;
		try {
			document = JSON.parse(typed);
		} catch {
			document = undefined;
		}
		if (!draftShaped(document)) ctx.issues.push({ code: 'custom', message: UNREADABLE, input: typed });
		return document;
	})
});

export const actions: Actions = {
	save: async (event) => {
		const { survey } = designerSurvey(event);
		const form = parseForm(await readForm(event.request, STAFF_DOCUMENT_FORM), draftForm);
		if (!form.ok) return fail(400, { message: form.problems[0] });
		try {
			const versionId = surveys.saveDraft(db(), survey.id, form.value.document);
			return { versionId, draft: draftStatus(survey.id) };
		} catch (e) {
			if (e instanceof surveys.SurveyStateError) return fail(409, { message: e.message });
			throw e;
		}
	}
};
