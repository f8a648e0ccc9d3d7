// The public survey: consent, questions, and the one submission action. The server is the
// only authority: it checks every answer against the exact published version.
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import { config } from '$lib/server/config';
import * as surveys from '$lib/server/surveys';
import * as responses from '$lib/server/responses';
import { offeredLanguage, pagePreferences } from '$lib/server/preferences';
import { RateLimiter } from '$lib/server/rate-limit';
import { surveyPhase } from '$lib/survey/phase';
import { SURVEY_NOT_FOUND } from '$lib/survey/messages';
import { surveyDay } from '$lib/server/today';
import { forResident } from '$lib/survey/for-resident';
import { checkAnswers, formValues } from '$lib/survey/validate-answers';
import { INTENTS, type InvitationProblem, type SubmitFailure } from '$lib/survey/submission';
import { describeCondition } from '$lib/survey/describe-condition';
import { questionNames } from '$lib/survey/question-numbers';
import type { Language, Questionnaire } from '$lib/survey/schema';
import * as invitations from '$lib/server/invitations';
import { formatCode, normalizeCode } from '$lib/survey/invitation-code';
import { footerOf, privacyNotice } from '$lib/survey/privacy';
import { readSurveyPost } from '$lib/server/survey-post';
import { checkbox, choice, formObject, integer, parseForm, text } from '$lib/server/form-schema';
import { commitTogether } from '$lib/server/group-commit';
import { clientAddress } from '$lib/server/client-address';
import * as audit from '$lib/server/audit';
import { surveyScriptSrc } from '$lib/server/survey-script';

/**
 * SvelteKit's client does not run here: the page is the server's, and its form comes to life
 * with a script of its own (src/lib/client/survey-enhance.ts), a third of the app's client's
 * size, which a slow phone gets sooner. Links from here load the next page in full.
 */
export const csr = false;

/**
 * Responses per client (per address) in a window. Counted only for a post that passed every
 * other check, so junk posts never use up the allowance of residents sharing an address.
 */
const limiter = new RateLimiter(config.submitLimit, config.submitWindowMs);
/** Refused submissions of one survey are counted in one audit event an hour: the alarm. */
const LIMITED_FOLD_MS = 60 * 60_000;
/**
 * Wrong invitation codes tried, per client, so codes cannot be found by trying many. A valid
 * code counts for nothing: a resident reloading the survey or switching its language is not
 * slowed down.
 */
const wrongCodes = new RateLimiter(config.submitLimit, config.submitWindowMs);

/** What stops a resident before the form of a survey that needs an invitation code. */
function invitationProblem(surveyId: number, typed: string | null, client: string): InvitationProblem | undefined {
	if (typed === null) return 'missing';
	const state = invitations.check(db(), surveyId, typed);
	// A mistyped code guesses nothing: only well-formed wrong ones count against the client.
	if (state === 'malformed') return state;
	if (!wrongCodes.allows(client)) return 'rateLimited';
	if (state !== 'valid') wrongCodes.take(client);
	return state === 'valid' ? undefined : state;
}

/**
 * The survey form's own fields (CONTROL_FIELDS), beside the answers that checkAnswers reads.
 * A form the page sent always has a well-formed key and version; anything else is a bad request.
 */
const submissionForm = formObject({
	submissionKey: text({ trim: false }).refine(responses.isSubmissionKey, { error: 'badRequest' }),
	versionId: integer({ message: 'badRequest' }),
	/** The invitation code the form carries (for a survey that needs one): its 12 digits, if it has them. */
	invitation: text({ trim: false }).transform(normalizeCode),
	consent: checkbox('yes'),
	lang: choice(['easy', 'en'], { fallback: undefined }),
	/** The button pressed: re-draw the form, review the answers, or send them (the default). */
	intent: choice(INTENTS, { fallback: undefined })
});

/**
 * Who each conditional section and question is for, in words, with the question numbers
 * residents see: shown when every question is on one page (made here, so the page's script
 * does not carry the wording in every language).
 */
function conditionNotes(doc: Questionnaire, lang: Language): Record<string, string> {
	const names = questionNames(doc, lang);
	const notes: Record<string, string> = {};
	for (const s of doc.sections) {
		if (s.showIf) notes[s.key] = describeCondition(doc, s.showIf, lang, 'labels', names);
		for (const q of s.questions) if (q.showIf) notes[q.key] = describeCondition(doc, q.showIf, lang, 'labels', names);
	}
	return notes;
}

function find(slug: string) {
	const found = surveys.findPublished(db(), slug);
	if (!found || found.survey.status === 'draft' || found.survey.status === 'archived')
		error(404, SURVEY_NOT_FOUND);
	return found;
}

export const load: PageServerLoad = (event) => {
	const { params, locals, url } = event;
	const { survey, versionId, document } = find(params.slug);
	const prefs = pagePreferences(url, locals, document.languages);
	const lang = offeredLanguage(prefs.lang, document.languages);
	const phase = surveyPhase(survey, new Date());
	const title = forResident(document, lang).title;
	const footer = footerOf(survey.slug, survey.contact, lang);
	if (phase !== 'open')
		return { phase, lang, size: prefs.size, title, opensAt: survey.opensAt, slug: survey.slug, footer };
	const typed = survey.invitationRequired ? url.searchParams.get('code') : null;
	const problem = survey.invitationRequired ? invitationProblem(survey.id, typed, clientAddress(event)) : undefined;
	if (problem)
		return {
			phase: 'invitation' as const,
			lang,
			size: prefs.size,
			title,
			slug: survey.slug,
			languages: document.languages,
			problem,
			typed: typed ?? '',
			footer
		};
	return {
		phase,
		lang,
		size: prefs.size,
		title,
		slug: survey.slug,
		versionId,
		languages: document.languages,
		document: forResident(document, lang),
		notes: conditionNotes(document, lang),
		submissionKey: responses.newSubmissionKey(),
		invitation: typed === null ? undefined : formatCode(normalizeCode(typed)!),
		notice: privacyNotice(document, survey, lang, config.timeZone),
		script: surveyScriptSrc(),
		footer
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { params, locals } = event;
		const { survey } = find(params.slug);
		const data = await readSurveyPost(db(), survey, event.request);
		const form = parseForm(data, submissionForm);
		const values = formValues(data);
		const failure = (status: number, extra: Partial<SubmitFailure>) =>
			fail(status, { values, errors: {}, consentMissing: false, ...extra } satisfies SubmitFailure);

		if (surveyPhase(survey, new Date()) !== 'open') return failure(409, { formError: 'closed' });

		if (!form.ok) return failure(400, { formError: 'badRequest' });
		const { submissionKey: key, versionId, consent, intent } = form.value;
		// Answers are checked against the exact published version the form was filled in on.
		const document = surveys.publishedVersion(db(), versionId, survey.id);
		if (!document) return failure(400, { formError: 'badRequest' });

		// A survey for invited residents takes the code its form carries, and uses it up below.
		const invitation = survey.invitationRequired ? form.value.invitation : undefined;
		if (survey.invitationRequired && !invitation) return failure(400, { formError: 'invitation' });

		// A language or size switch, or 修正する on the review: the form again, as filled in
		// (nothing is stored or checked; the hook has already taken ?lang= / ?size=).
		if (intent === 'redraw') return { values, errors: {}, consentMissing: false, step: 'form' } satisfies SubmitFailure;

		const consentMissing = !consent;
		const { answers, errors } = checkAnswers(document, values);
		if (consentMissing || Object.keys(errors).length) return failure(400, { errors, consentMissing });
		// Without JavaScript the answers are listed for a last look; the review's own button sends them.
		if (intent === 'review') return { values, errors: {}, consentMissing: false, step: 'review' } satisfies SubmitFailure;

		const client = clientAddress(event);
		// A code refused here counts as a wrong guess, as on the code form.
		if (invitation && !wrongCodes.allows(client)) return failure(429, { formError: 'rateLimited' });
		if (!limiter.take(client)) {
			audit.recordFolded(db(), { key: `submit.limited:${survey.id}`, windowMs: LIMITED_FOLD_MS }, null, 'submit.limited', `survey:${survey.slug}`);
			return failure(429, { formError: 'rateLimited' });
		}

		const lang = offeredLanguage(form.value.lang ?? locals.lang, document.languages);
		// Stored with the others arriving now, in one durable commit: acknowledged only once on disk.
		const result = await commitTogether(db(), () => responses.submit(db(), {
			surveyId: survey.id,
			versionId,
			document,
			answers,
			channel: 'web',
			language: lang,
			day: surveyDay(),
			submissionKey: key,
			invitation
		}));
		if (!result.stored) limiter.giveBack(client);
		if (!result.stored && result.reason === 'invitation') {
			wrongCodes.take(client);
			return failure(409, { formError: 'invitation' });
		}
		// Stored now, or stored before from the same form: either way the resident is done.
		redirect(303, `/s/${survey.slug}/thanks`);
	}
};
