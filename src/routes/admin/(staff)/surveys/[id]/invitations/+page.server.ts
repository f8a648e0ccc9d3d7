// Invitation codes for a survey mailed to a sample of residents (designers): issue a batch and
// print its letters or download its codes, once; see how many of each batch were used; withdraw
// a batch's unused codes.
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

export const load: PageServerLoad = (event) => {
	const { survey } = designerSurvey(event);
	const doc = letterDocument(survey);
	return {
		survey,
		title: doc?.title.ja ?? '（題名なし）',
		ready: doc !== undefined && survey.status !== 'archived',
		batches: invitations.batches(db(), survey.id),
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
		const data = await readForm(event.request, STAFF_FORM);
		const typed = String(data.get('count') ?? '').normalize('NFKC').trim();
		const greeting = String(data.get('greeting') ?? '').trim() || GREETING;
		const count = /^\d+$/.test(typed) ? Number(typed) : NaN;
		const problems = [
			...(count >= 1 && count <= invitations.MAX_BATCH ? [] : [`発行する数は 1 から ${invitations.MAX_BATCH.toLocaleString('ja-JP')} までの整数で入力してください。`]),
			...(greeting.length <= MAX_GREETING ? [] : [`あいさつ文は ${MAX_GREETING.toLocaleString('ja-JP')} 文字までにしてください。`])
		];
		if (problems.length) return fail(400, { count: typed, greeting, problems });
		const { batchId, codes } = invitations.issue(db(), survey.id, count, surveyDay());
		audit.record(db(), user, 'invitation.issue', `survey:${survey.slug}`, { batchId, count });
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
		const raw = String((await readForm(event.request, STAFF_FORM)).get('batchId') ?? '');
		const batchId = /^\d+$/.test(raw) ? Number(raw) : NaN;
		if (Number.isNaN(batchId)) return fail(400, { problems: ['取り消す発行分が指定されていません。'] });
		const withdrawn = invitations.withdraw(db(), survey.id, batchId);
		audit.record(db(), user, 'invitation.withdraw', `survey:${survey.slug}`, { batchId, withdrawn });
		return { withdrawn };
	}
};
