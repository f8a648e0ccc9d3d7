// One survey for its designer: status and life cycle, what the draft changes, settings,
// versions, and the downloads.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import * as audit from '$lib/server/audit';
import * as invitations from '$lib/server/invitations';
import { designerSurvey } from '$lib/server/survey-guard';
import { settingsForm, toLocalInput } from '$lib/server/settings-form';
import { readForm, STAFF_FORM } from '$lib/server/form-body';
import { formObject, parseForm, requireForm, text } from '$lib/server/form-schema';
import { checkQuestionnaire } from '$lib/survey/check-document';
import { wordProblems, type WordedProblem } from '$lib/survey/places';
import { gapsFingerprint, translationGaps } from '$lib/survey/translation';
import { diffQuestionnaires } from '$lib/survey/diff';
import { documentTitle } from '$lib/survey/titles';
import { surveyPhase } from '$lib/survey/phase';
import { needsFilling } from '$lib/survey/privacy';
import type { Questionnaire } from '$lib/survey/schema';
import { requireStaff } from '$lib/server/auth/guard';
import { LICENCES, OPEN_DATA_LICENCE_IDS } from '$lib/analytics/open-data';
import { deleteResponses, heldResponses, retentionOf, RetentionError } from '$lib/server/retention';

export const load: PageServerLoad = (event) => {
	const { user, survey } = designerSurvey(event);
	const draft = surveys.draft(db(), survey.id);
	const checked = draft ? checkQuestionnaire(draft.document) : undefined;
	const published = survey.publishedVersionId ? surveys.publishedVersion(db(), survey.publishedVersionId) : undefined;
	const base = surveys.comparisonBase(db(), survey);
	// The draft's title even while the draft has problems; the placeholder only when no version has one.
	const title = documentTitle(draft?.document) ?? documentTitle(published) ?? '（題名なし）';
	return {
		survey: {
			...survey,
			phase: surveyPhase(survey, new Date()),
			opensAtInput: toLocalInput(survey.opensAt),
			closesAtInput: toLocalInput(survey.closesAt)
		},
		title,
		versions: surveys.versions(db(), survey.id),
		unusedCodes: invitations.batches(db(), survey.id).reduce((sum, b) => sum + b.unused, 0),
		contactToFill: needsFilling(survey.contact),
		retention: { ...retentionOf(db(), survey, new Date()), held: heldResponses(db(), survey.id) },
		isAdmin: user.roles.includes('admin'),
		licences: OPEN_DATA_LICENCE_IDS.map((id) => ({ id, name: LICENCES[id].name.ja })),
		draft: draft && {
			version: draft.version,
			problems: checked && !checked.ok ? linked(survey.id, wordProblems(draft.document, checked.problems)) : [],
			translations: checked?.ok ? translationsOf(survey.id, checked.doc) : undefined,
			comparedWith: base?.label,
			changes: base && checked?.ok ? diffQuestionnaires(base.document, checked.doc) : []
		}
	};
};

/** Each problem with the link that opens its place in the editor. */
const linked = (surveyId: number, problems: WordedProblem[]) =>
	problems.map(({ anchor, ...p }) => ({ ...p, href: `/admin/surveys/${surveyId}/edit#${anchor}` }));

/** The draft's translations still missing or stale, in words, and what confirming them posts. */
function translationsOf(surveyId: number, doc: Questionnaire) {
	const gaps = translationGaps(doc);
	return {
		missing: gaps.filter((g) => g.state === 'missing').length,
		stale: gaps.filter((g) => g.state === 'stale').length,
		gaps: linked(surveyId, wordProblems(doc, gaps)),
		fingerprint: gapsFingerprint(gaps)
	};
}

/** Publishing: the fingerprint of the translation gaps the designer confirmed, if any. */
const publishForm = formObject({ confirmedGaps: text() });

/** Deleting the responses: confirmed by typing the survey's address name, exactly. */
const confirmForm = (slug: string) =>
	formObject({
		confirmSlug: text({ trim: false }).refine((typed) => typed === slug, {
			error: `確認のため、調査のアドレスの名前「${slug}」を入力してください。`
		})
	});

type Verb = 'publish' | 'close' | 'reopen' | 'archive' | 'discard-draft';

/** Runs one step of the life cycle, logs it, and comes back to this page. */
function step(verb: Verb, run: (surveyId: number, event: RequestEvent) => unknown) {
	return async (event: RequestEvent) => {
		const { user, survey } = designerSurvey(event);
		try {
			const result = await run(survey.id, event);
			audit.record(db(), user, `survey.${verb}`, `survey:${survey.slug}`, typeof result === 'number' ? { versionId: result } : {});
		} catch (e) {
			if (e instanceof surveys.UnconfirmedTranslationsError) return fail(409, { confirmTranslations: true });
			if (e instanceof surveys.SurveyStateError || e instanceof surveys.InvalidQuestionnaireError)
				return fail(409, { problems: [e instanceof surveys.InvalidQuestionnaireError ? '調査票に問題があるため公開できません。' : e.message] });
			throw e;
		}
		redirect(303, `/admin/surveys/${survey.id}?done=${verb}`);
	};
}

export const actions: Actions = {
	settings: async (event) => {
		const { user, survey } = designerSurvey(event);
		const form = parseForm(await readForm(event.request, STAFF_FORM), settingsForm(db(), survey.id));
		if (!form.ok) return fail(400, { problems: form.problems });
		const settings = form.value;
		surveys.updateSettings(db(), survey.id, settings);
		audit.record(db(), user, 'survey.settings', `survey:${settings.slug}`, { ...settings });
		redirect(303, `/admin/surveys/${survey.id}?done=settings`);
	},
	/** At the end of retention: an administrator deletes the survey's responses, audited. */
	deleteResponses: async (event) => {
		const user = requireStaff(event, 'admin');
		const { survey } = designerSurvey(event);
		const form = parseForm(await readForm(event.request, STAFF_FORM), confirmForm(survey.slug));
		if (!form.ok) return fail(400, { problems: form.problems });
		try {
			const count = deleteResponses(db(), survey.id, new Date());
			audit.record(db(), user, 'survey.responses-deleted', `survey:${survey.slug}`, { count, retentionYears: survey.retentionYears });
		} catch (e) {
			if (e instanceof RetentionError) return fail(409, { problems: [e.message] });
			throw e;
		}
		redirect(303, `/admin/surveys/${survey.id}?done=responses-deleted`);
	},
	publish: step('publish', async (id, event) => {
		const { confirmedGaps } = requireForm(await readForm(event.request, STAFF_FORM), publishForm);
		return surveys.publishDraft(db(), id, { confirmedGaps: confirmedGaps || undefined });
	}),
	close: step('close', (id) => surveys.close(db(), id)),
	reopen: step('reopen', (id) => surveys.reopen(db(), id)),
	archive: step('archive', (id) => surveys.archive(db(), id)),
	discardDraft: step('discard-draft', (id) => surveys.discardDraft(db(), id))
};
