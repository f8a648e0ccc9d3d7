// What the clerk's pages share: the published survey from the URL, for a clerk only, and how
// paper responses are stored.
import { error } from '@sveltejs/kit';
import { db } from './db';
import { config } from './config';
import * as surveys from './surveys';
import * as responses from './responses';
import { requireStaff } from './auth/guard';
import { dayIn } from '$lib/survey/phase';
import type { PaperRow } from '$lib/survey/paper';

export function clerkSurvey(event: Parameters<typeof requireStaff>[0] & { params: { id?: string } }) {
	const user = requireStaff(event, 'clerk');
	const id = event.params.id;
	const survey = id && /^\d+$/.test(id) ? surveys.getById(db(), Number(id)) : undefined;
	if (!survey?.publishedVersionId) error(404, 'その調査は見つかりません（公開された調査だけが入力できます）。');
	const document = surveys.publishedVersion(db(), survey.publishedVersionId)!;
	return { user, survey, document };
}

export function paperCount(surveyId: number): number {
	return db()
		.prepare(
			`SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id
			 WHERE v.survey_id = ? AND r.channel IN ('paper', 'import')`
		)
		.pluck()
		.get(surveyId) as number;
}

/** Stores paper responses (one or many) in one transaction: all of them or none. */
export function storePaper(surveyId: number, versionId: number, forms: PaperRow[][], channel: 'paper' | 'import'): number {
	const day = dayIn(new Date(), config.timeZone);
	db().transaction(() => {
		for (const rows of forms) responses.store(db(), { surveyId, versionId, rows, channel, language: 'ja', day });
	})();
	return forms.length;
}
