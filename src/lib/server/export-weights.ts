// Each response's raking weight for the wide export's weight column: the weights every results
// page uses, or, when synthetic (demo) responses are left out of the file, weights raked again
// on the real responses alone, so that the file's weighted figures match the margins.
import type { DB } from './db';
import { dataset, datasetWithIds } from './analytics/dataset-cache';
import { datasetMargins, margins, source } from './analytics/weighting';
import { weigh } from '$lib/analytics/raking';

/** Whether the survey has population margins: only then can it have weights (the dataset is not read without). */
export const hasMargins = (db: DB, surveyId: number): boolean =>
	db.prepare('SELECT 1 FROM weight_margin WHERE survey_id = ? LIMIT 1').get(surveyId) !== undefined;

/** Whether the survey has raking weights: then the wide export has a weight column, and the codebook says what it is. */
export const hasWeights = (db: DB, surveyId: number): boolean => hasMargins(db, surveyId) && dataset(db, surveyId).weights !== undefined;

/** Weight by response id, or undefined when the survey has no weights. */
export function exportWeights(db: DB, surveyId: number, leaveOutSynthetic = false): Map<string, number> | undefined {
	if (!hasMargins(db, surveyId)) return undefined;
	const { data, ids } = datasetWithIds(db, surveyId);
	if (!data.weights) return undefined;
	const kept = ids.map((_, i) => i).filter((i) => !leaveOutSynthetic || data.synthetic[i] === 0);
	if (kept.length === data.size) return new Map(ids.map((id, i) => [id, data.weights![i]]));
	const columns = datasetMargins(margins(db, surveyId), data).map((m) => ({
		population: m.column.population,
		categories: Int32Array.from(kept, (i) => m.column.categories[i])
	}));
	const s = source(db, surveyId);
	const { weights } = weigh(kept.length, columns, s ? { upper: s.upper, lower: s.lower } : undefined);
	return new Map(kept.map((i, k) => [ids[i], weights[k]]));
}
