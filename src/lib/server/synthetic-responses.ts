// Fills a survey with clearly labelled synthetic responses (synthetic = 1) for demonstrations
// and benchmarks, and removes them again. Real responses are never touched: removal deletes
// only rows marked synthetic.
import type { DB } from './db';
import * as surveys from './surveys';
import { insertResponse } from './responses';
import { toStored } from '$lib/survey/stored-answers';
import { checkAnswers } from '$lib/survey/validate-answers';
import { syntheticAnswers, syntheticValues, type SyntheticProfile } from '$lib/survey/synthetic';
import { seededRandom } from '$lib/seeded-random';

export interface SyntheticRequest extends SyntheticProfile {
	count: number;
	seed: number;
	/** Days of receipt, spread evenly between these (YYYY-MM-DD, inclusive). */
	from: string;
	to: string;
	/** Check each generated form as a submitted one is checked (slower; the demo does, the benchmark need not). */
	check?: boolean;
}

const DAY_MS = 86_400_000;

export function addSynthetic(db: DB, surveyId: number, req: SyntheticRequest): number {
	const survey = surveys.getById(db, surveyId);
	if (!survey?.publishedVersionId) throw new Error(`survey ${surveyId} has no published version`);
	const versionId = survey.publishedVersionId;
	const doc = surveys.publishedVersion(db, versionId)!;
	const random = seededRandom(req.seed);
	const start = Date.parse(`${req.from}T00:00:00Z`);
	const days = Math.max(1, Math.round((Date.parse(`${req.to}T00:00:00Z`) - start) / DAY_MS) + 1);
	const batch = db.transaction((n: number) => {
		for (let i = 0; i < n; i++) {
			const answers = req.check
				? checkAnswers(doc, syntheticValues(doc, random, req)).answers
				: syntheticAnswers(doc, random, req);
			const age = typeof answers.F1 === 'number' ? answers.F1 : 5;
			// Older residents answer on paper more often; paper is always in Japanese.
			const paper = random() < Math.min(0.6, Math.max(0.03, 0.1 + (age - 5) * 0.08));
			const language = paper ? 'ja' : (['ja', 'ja', 'easy', 'en'] as const)[random() < 0.97 ? 0 : random() < 0.67 ? 2 : 3];
			const day = new Date(start + Math.floor(random() * days) * DAY_MS).toISOString().slice(0, 10);
			const channel = paper ? (random() < 0.5 ? 'paper' : 'import') : 'web';
			insertResponse(db, { versionId, channel, language, day, synthetic: true }, toStored(doc, answers));
		}
	});
	for (let done = 0; done < req.count; done += 5000) batch(Math.min(5000, req.count - done));
	return req.count;
}

/** Deletes the synthetic responses of one survey (or of all), in one transaction. */
export function removeSynthetic(db: DB, surveyId?: number): number {
	return db.transaction(() =>
		surveyId === undefined
			? db.prepare('DELETE FROM response WHERE synthetic = 1').run().changes
			: db
					.prepare('DELETE FROM response WHERE synthetic = 1 AND survey_version_id IN (SELECT id FROM survey_version WHERE survey_id = ?)')
					.run(surveyId).changes
	)();
}

export function syntheticCount(db: DB, surveyId: number): number {
	return db
		.prepare('SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ? AND r.synthetic = 1')
		.pluck()
		.get(surveyId) as number;
}
