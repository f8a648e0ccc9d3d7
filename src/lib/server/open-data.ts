// A survey's open data, made from its public results (public-results.ts: 404 unless they are
// public) and what the files state beside them: the municipality (config), the licence (a
// survey setting), and how the survey reached residents (its letters, its channels).
import { db } from './db';
import { config } from './config';
import * as invitations from './invitations';
import { publicResults } from './public-results';
import { CHANNELS } from '$lib/analytics/dataset';
import { openDataTables, type MethodFacts, type OpenDataSurvey } from '$lib/analytics/open-data';
import { methodWords } from '$lib/survey/open-data-messages';
import { plainText } from '$lib/survey/ruby';

export async function openData(slug: string) {
	const r = await publicResults(slug);
	const used = new Set<string>();
	for (const c of r.data.channel) used.add(CHANNELS[c]);
	const facts: MethodFacts = {
		lettersWithCodes: invitations.batches(db(), r.survey.id).length > 0,
		withoutCodes: r.survey.distributedWithoutCodes > 0,
		web: used.has('web'),
		paper: used.has('paper') || used.has('import')
	};
	const survey: OpenDataSurvey = {
		municipality: config.municipality,
		slug: r.survey.slug,
		title: plainText(r.document.title.ja),
		fiscalYear: r.survey.fiscalYear,
		period: r.period,
		respondents: r.total,
		synthetic: r.synthetic,
		method: methodWords(facts, 'ja'),
		licence: r.survey.openDataLicence,
		minCellSize: r.survey.minCellSize
	};
	return { survey, facts, document: r.document, tables: openDataTables(r.sections('ja')) };
}
