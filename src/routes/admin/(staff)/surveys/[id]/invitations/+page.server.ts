// Invitation codes for a survey mailed to a sample of residents (designers): issue a batch (with
// the group its sample was drawn from, for response rates by group) and print its letters or
// download its codes, once; see how many of each batch were used; withdraw a batch's unused codes.
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import * as audit from '$lib/server/audit';
import * as invitations from '$lib/server/invitations';
import { letters } from '$lib/server/invitation-letters';
import { contactLine } from '$lib/survey/privacy';
import { designerSurvey } from '$lib/server/survey-guard';
import { checkQuestionnaire } from '$lib/survey/check-document';
import { surveyDay } from '$lib/server/today';
import type { Survey } from '$lib/server/surveys';
import { readForm, STAFF_FORM } from '$lib/server/form-body';
import { choice, formObject, integer, parseForm, text } from '$lib/server/form-schema';
import type { Questionnaire } from '$lib/survey/schema';

/** The questionnaire the letters speak of: the published one, else a valid draft. */
function letterDocument(survey: Survey) {
	if (survey.publishedVersionId) return surveys.publishedVersion(db(), survey.publishedVersionId)!;
	const checked = checkQuestionnaire(surveys.draft(db(), survey.id)?.document);
	return checked.ok ? checked.doc : undefined;
}

/** The letter's greeting unless the designer writes another (kept only on the letters printed). */
const GREETING =
	'このご案内は、市内にお住まいの方の中から無作為に選ばせていただいた方にお送りしています。お忙しいところ恐れ入りますが、ご協力くださいますようお願いいたします。';
const MAX_GREETING = 1000;

/**
 * The groups (層) a batch may be drawn from: each answer of the questionnaire's single choices
 * (age group, district…), as `F3:20`, with the words the form shows.
 */
function strata(doc: Questionnaire | undefined) {
	return (doc?.sections ?? []).flatMap((s) =>
		s.questions.flatMap((q) =>
			q.type === 'single' || q.type === 'dropdown'
				? [{ key: q.key, label: q.label.ja, options: q.options.map((o) => ({ value: `${q.key}:${o.code}`, label: o.label.ja })) }]
				: []
		)
	);
}

/** A batch to issue: how many codes, the group its sample was drawn from, and the letters' greeting (the usual one when left blank). */
const issueForm = (doc: Questionnaire) =>
	formObject({
		count: integer({ min: 1, max: invitations.MAX_BATCH, message: `発行する数は 1 から ${invitations.MAX_BATCH.toLocaleString('ja-JP')} までの整数で入力してください。` }),
		stratum: choice(['', ...strata(doc).flatMap((q) => q.options.map((o) => o.value))] as [string, ...string[]], { message: '抽出の層は一覧から選んでください。' }).transform(
			(value): invitations.Stratum | null => (value ? { key: value.split(':')[0], code: Number(value.split(':')[1]) } : null)
		),
		greeting: text({ max: MAX_GREETING, message: `あいさつ文は ${MAX_GREETING.toLocaleString('ja-JP')} 文字までにしてください。` }).transform(
			(greeting) => greeting || GREETING
		)
	});

/** A batch's group in words: 「F3 お住まいの地域…：徳地」. */
function stratumLabel(doc: Questionnaire | undefined, stratum: invitations.Stratum | null): string {
	if (!stratum) return '';
	const q = strata(doc).find((q) => q.key === stratum.key);
	const option = q?.options.find((o) => o.value === `${stratum.key}:${stratum.code}`);
	return `${stratum.key}：${option?.label ?? `コード ${stratum.code}`}`;
}

/** The batch whose unused codes are withdrawn. */
const withdrawForm = formObject({ batchId: integer({ message: '取り消す発行分が指定されていません。' }) });

export const load: PageServerLoad = (event) => {
	const { survey } = designerSurvey(event);
	const doc = letterDocument(survey);
	return {
		survey,
		title: doc?.title.ja ?? '（題名なし）',
		ready: doc !== undefined && survey.status !== 'archived',
		batches: invitations.batches(db(), survey.id).map((b) => ({ ...b, stratum: stratumLabel(doc, b.stratum) })),
		strata: strata(doc),
		maxBatch: invitations.MAX_BATCH,
		greeting: GREETING,
		maxGreeting: MAX_GREETING
	};
};

export const actions: Actions = {
	issue: async (event) => {
		const { user, survey } = designerSurvey(event);
		const doc = letterDocument(survey);
		if (!doc || survey.status === 'archived') error(409, '調査票が公開できる状態になってから発行してください。');
		const form = parseForm(await readForm(event.request, STAFF_FORM), issueForm(doc));
		if (!form.ok)
			return fail(400, { count: form.typed.count, stratum: form.typed.stratum, greeting: form.typed.greeting || GREETING, problems: form.problems });
		const { count, stratum, greeting } = form.value;
		const { batchId, codes } = invitations.issue(db(), survey.id, count, surveyDay(), stratum);
		audit.record(db(), user, 'invitation.issue', `survey:${survey.slug}`, { batchId, count, ...(stratum ? { stratum: `${stratum.key}=${stratum.code}` } : {}) });
		return {
			issued: {
				batchId,
				letters: await letters(event.url.origin, survey.slug, codes),
				title: doc.title.ja,
				description: doc.description?.ja ?? '',
				greeting: greeting.split(/\r?\n/).filter((p) => p.trim()),
				contact: contactLine(survey.contact, 'ja'),
				closesAt: survey.closesAt,
				otherLanguages: doc.languages.filter((l) => l !== 'ja')
			}
		};
	},
	withdraw: async (event) => {
		const { user, survey } = designerSurvey(event);
		const form = parseForm(await readForm(event.request, STAFF_FORM), withdrawForm);
		if (!form.ok) return fail(400, { problems: form.problems });
		const { batchId } = form.value;
		const withdrawn = invitations.withdraw(db(), survey.id, batchId);
		audit.record(db(), user, 'invitation.withdraw', `survey:${survey.slug}`, { batchId, withdrawn });
		return { withdrawn };
	}
};
