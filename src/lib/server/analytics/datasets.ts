// Loads a survey's responses into a dataset of columns (src/lib/analytics/dataset.ts) and keeps
// it in memory until responses are added or removed (counted by triggers in response_change),
// a new version is published, or the weighting margins change. Every results view then works
// on typed arrays instead of querying 3.6 million answer rows.
import type { DB } from '../db';
import * as surveys from '../surveys';
import { DatasetBuilder, type AnswerCells, type Dataset } from '$lib/analytics/dataset';
import type { AnswerTuple } from '$lib/survey/export-columns';
import { addDerivedVariables } from '$lib/analytics/derived';
import { weightsFor } from './weighting';

const RESPONSES = `SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?`;

// One row per response, its answers packed as JSON when it was stored (responses.ts): ten
// times fewer rows to step through than the answer table's.
const ROWS = `SELECT r.channel, r.language, r.submitted_on, r.synthetic, r.answers
	FROM response r JOIN survey_version v ON v.id = r.survey_version_id
	WHERE v.survey_id = ? ORDER BY r.id`;

type Row = [string, string, string, number, string];

/** Reads every response of a survey into a new dataset laid out by its newest published version. */
export function loadDataset(db: DB, surveyId: number): Dataset {
	const { newest } = surveys.publishedDocuments(db, surveyId);
	const size = db.prepare(RESPONSES).pluck().get(surveyId) as number;
	const builder = new DatasetBuilder(newest, size);
	const cells: AnswerCells = { question: '', row: '', code: null, number: null, text: null, unreadable: false };
	for (const r of db.prepare(ROWS).raw().iterate(surveyId) as IterableIterator<Row>) {
		const i = builder.addResponse({ channel: r[0], language: r[1], day: r[2], synthetic: r[3] });
		for (const [question, row, code, number, text, status, skipped] of JSON.parse(r[4]) as AnswerTuple[]) {
			// Answers the conditions skipped (paper) stay out of every table.
			if (skipped) continue;
			cells.question = question;
			cells.row = row;
			cells.code = code;
			cells.number = number;
			cells.text = text;
			cells.unreadable = status === 'invalid';
			builder.addAnswer(i, cells);
		}
	}
	return addDerivedVariables(builder.finish());
}

/** What the cached dataset of a survey depends on. */
function fingerprint(db: DB, surveyId: number): string {
	const row = db
		.prepare(
			`SELECT s.published_version_id AS version,
			        (SELECT coalesce(sum(c.changes), 0) FROM response_change c JOIN survey_version v ON v.id = c.survey_version_id
			         WHERE v.survey_id = s.id) AS changes,
			        (SELECT imported_at FROM weight_source WHERE survey_id = s.id) AS weights
			 FROM survey s WHERE s.id = ?`
		)
		.get(surveyId) as { version: number | null; changes: number; weights: string | null } | undefined;
	return JSON.stringify(row ?? null);
}

const cache = new WeakMap<DB, Map<number, { key: string; data: Dataset }>>();

/** The survey's dataset, with weights when it has margins: from memory while nothing changed. */
export function dataset(db: DB, surveyId: number): Dataset {
	let perDb = cache.get(db);
	if (!perDb) cache.set(db, (perDb = new Map()));
	const key = fingerprint(db, surveyId);
	const hit = perDb.get(surveyId);
	if (hit?.key === key) return hit.data;
	const data = loadDataset(db, surveyId);
	data.weights = weightsFor(db, surveyId, data)?.weights;
	perDb.set(surveyId, { key, data });
	return data;
}
