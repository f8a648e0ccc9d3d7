// The preview (designers): the respondent's page in a frame at phone or desktop width, in each
// language, for the draft or the published version. Nothing is stored.
import type { PageServerLoad } from './$types';
import { designerSurvey } from '$lib/server/survey-guard';

export const load: PageServerLoad = (event) => {
	const { survey } = designerSurvey(event);
	const q = event.url.searchParams;
	return {
		surveyId: survey.id,
		which: q.get('which') === 'published' ? 'published' : 'draft',
		lang: q.get('lang') === 'easy' || q.get('lang') === 'en' ? q.get('lang')! : 'ja',
		device: q.get('device') === 'desktop' ? 'desktop' : 'phone'
	};
};
