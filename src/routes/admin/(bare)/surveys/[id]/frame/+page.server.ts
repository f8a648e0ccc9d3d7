// The survey page inside the designer's preview frame.
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as surveys from '$lib/server/surveys';
import { designerSurvey } from '$lib/server/survey-guard';
import { checkQuestionnaire } from '$lib/survey/check-document';
import { forResident } from '$lib/survey/for-resident';
import type { Language } from '$lib/survey/schema';
import { footerOf, privacyNotice } from '$lib/survey/privacy';
import { config } from '$lib/server/config';

export const load: PageServerLoad = (event) => {
	const { survey } = designerSurvey(event);
	const which = event.url.searchParams.get('which') === 'published' ? 'published' : 'draft';
	const asked = event.url.searchParams.get('lang');
	const lang: Language = asked === 'easy' || asked === 'en' ? asked : 'ja';
	const draft = which === 'draft' ? surveys.draft(db(), survey.id) : undefined;
	let document = survey.publishedVersionId ? surveys.publishedVersion(db(), survey.publishedVersionId) : undefined;
	if (draft) {
		const checked = checkQuestionnaire(draft.document);
		if (!checked.ok) error(409, '下書きに問題があるためプレビューできません。編集画面の「確認が必要な点」を直してください。');
		document = checked.doc;
	}
	if (!document) error(404, 'プレビューする版がありません。');
	return {
		slug: `preview-${survey.id}`,
		lang,
		document: forResident(document, lang),
		languages: document.languages,
		notice: privacyNotice(document, survey, lang, config.timeZone),
		footer: footerOf(survey.slug, survey.contact, lang)
	};
};
