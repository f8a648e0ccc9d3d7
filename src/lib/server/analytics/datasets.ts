// Loads a survey's responses into a dataset of columns (src/lib/analytics/dataset.ts) and keeps
// it in memory. Responses added since (counted by the triggers in response_change, found by
// their answers' rowids) are read alone and appended; anything else (a removal, a newly
// published version) reloads everything; new weighting margins only recompute the weights.
// Every results view then works on typed arrays instead of querying millions of answer rows.
import type { DB } from '../db';
import * as surveys from '../surveys';
import { DatasetBuilder, type AnswerCells, type Dataset } from '$lib/analytics/dataset';
import type { PackedAnswer } from '$lib/survey/packed-answers';
import { addDerivedVariables } from '$lib/analytics/derived';
import { weightsFor } from './weighting';

const SCOPE = `FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?`;

// One row per response, its answers packed as JSON when it was stored (responses.ts): thirty
// times fewer rows to step through than the answer table's.
const COLUMNS = 'SELECT r.channel, r.language, r.submitted_on, r.synthetic, r.answers';
type Row = [string, string, string, number, string];

function addRows(builder: DatasetBuilder, rows: Iterable<Row>): void {
	const cells: AnswerCells = { question: '', row: '', code: null, number: null, text: null, unreadable: false };
	for (const r of rows) {
		const i = builder.addResponse({ channel: r[0], language: r[1], day: r[2], synthetic: r[3] });
		for (const [question, row, code = null, number = null, text = null, status = 'valid', skipped = 0] of JSON.parse(r[4]) as PackedAnswer[]) {
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
}

/** Reads every response of a survey into a new dataset laid out by its newest published version. */
export function loadDataset(db: DB, surveyId: number): Dataset {
	return db.transaction(() => {
		const { newest } = surveys.publishedDocuments(db, surveyId);
		const builder = new DatasetBuilder(newest, db.prepare(`SELECT count(*) ${SCOPE}`).pluck().get(surveyId) as number);
		addRows(builder, db.prepare(`${COLUMNS} ${SCOPE} ORDER BY r.id`).raw().iterate(surveyId) as IterableIterator<Row>);
		return addDerivedVariables(builder.finish());
	})();
}

/** What the cached dataset of a survey depends on, read in one snapshot with the data. */
interface State {
	version: number | null;
	/** Responses ever added to or removed from the survey's versions. */
	changes: number;
	responses: number;
	/** The highest answer rowid: answers of responses added later lie above it. */
	lastAnswer: number;
	weights: string | null;
}

function stateOf(db: DB, surveyId: number): State {
	return db
		.prepare(
			`SELECT s.published_version_id AS version,
			        (SELECT coalesce(sum(c.changes), 0) FROM response_change c JOIN survey_version v ON v.id = c.survey_version_id
			         WHERE v.survey_id = s.id) AS changes,
			        (SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = s.id) AS responses,
			        (SELECT coalesce(max(rowid), 0) FROM answer) AS lastAnswer,
			        (SELECT imported_at FROM weight_source WHERE survey_id = s.id) AS weights
			 FROM survey s WHERE s.id = ?`
		)
		.get(surveyId) as State;
}

/** The dataset with the responses added since `old` appended, or undefined when that is not all that changed. */
function extended(db: DB, surveyId: number, old: { state: State; data: Dataset }, now: State): Dataset | undefined {
	const added = now.responses - old.state.responses;
	if (now.version !== old.state.version || added <= 0 || now.changes - old.state.changes !== added) return undefined;
	const rows = db
		.prepare(`${COLUMNS} ${SCOPE} AND r.id IN (SELECT response_id FROM answer WHERE rowid > ?) ORDER BY r.id`)
		.raw()
		.all(surveyId, old.state.lastAnswer) as Row[];
	// A response without answers would not be found this way: then read everything.
	if (rows.length !== added) return undefined;
	const builder = new DatasetBuilder(old.data.doc, old.data.size + added);
	builder.copyFrom(old.data);
	addRows(builder, rows);
	return addDerivedVariables(builder.finish());
}

const cache = new WeakMap<DB, Map<number, { state: State; data: Dataset }>>();

/** The survey's dataset, with weights when it has margins: from memory while nothing changed. */
export function dataset(db: DB, surveyId: number): Dataset {
	let perDb = cache.get(db);
	if (!perDb) cache.set(db, (perDb = new Map()));
	const cached = perDb;
	return db.transaction(() => {
		const now = stateOf(db, surveyId);
		const hit = cached.get(surveyId);
		if (hit && hit.state.version === now.version && hit.state.changes === now.changes && hit.state.weights === now.weights) return hit.data;
		const same = hit && hit.state.version === now.version && hit.state.changes === now.changes;
		const data = same ? hit.data : ((hit && extended(db, surveyId, hit, now)) ?? loadDataset(db, surveyId));
		data.weights = weightsFor(db, surveyId, data)?.weights;
		cached.set(surveyId, { state: now, data });
		return data;
	})();
}
