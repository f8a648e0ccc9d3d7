// How paper responses are counted and stored.
import { db } from './db';
import { config } from './config';
import * as responses from './responses';
import { dayIn } from '$lib/survey/phase';
import type { PaperRow } from '$lib/survey/paper';

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
