// Free-text answers (analysts only): text questions and "other" options, searchable, for the
// responses the filters select, opening on the first question with any. Reading residents' own
// words is recorded in the audit log.
import type { PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { resultsContext } from '$lib/server/results-page';
import { freeTexts, textVariables } from '$lib/server/analytics/results';

export const load: PageServerLoad = async (event) => {
	const { user, survey, data, filters, view } = await resultsContext(event);
	const questions = textVariables(data, filters);
	const wanted = event.url.searchParams.get('key');
	// Unless one is asked for, the first question anyone wrote in (for the responses selected).
	const key = questions.some((q) => q.key === wanted) ? wanted! : ((questions.find((q) => q.entries > 0) ?? questions[0])?.key ?? '');
	const search = (event.url.searchParams.get('search') ?? '').slice(0, 100);
	const found = key ? freeTexts(data, filters, key, search) : { total: 0, texts: [] };
	if (key) audit.record(db(), user, 'results.text', `survey:${survey.slug}`, { question: key, search, shown: found.texts.length });
	return { ...view, questions, key, search, found };
};
