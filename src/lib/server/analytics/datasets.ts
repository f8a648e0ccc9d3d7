// Loads a survey's responses into a dataset of columns (src/lib/analytics/dataset.ts) and keeps
// it in memory (pages first `warm` it, reading in steps without holding up residents' answers).
// Responses added since (counted by the triggers in response_change, found by
// their answers' rowids) are read alone and appended; anything else (a removal, a newly
// published version) reloads everything; new weighting margins only recompute the weights.
// Every results view then works on typed arrays instead of querying millions of answer rows.
import Database from 'better-sqlite3';
import type { DB } from '../db';
import * as surveys from '../surveys';
import { DatasetBuilder, type AnswerCells, type Dataset } from '$lib/analytics/dataset';
import type { PackedAnswer } from '$lib/survey/packed-answers';
import { addDerivedInSteps, addDerivedVariables } from '$lib/analytics/derived';
import { weightsFor } from './weighting';

const SCOPE = `FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?`;
// Every response of a survey in the table's own order: CROSS JOIN keeps SQLite scanning the
// response table straight through instead of looking each row up from an index, which is
// four times faster for a whole survey.
const ALL = `FROM response r CROSS JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?`;

// One row per response, its answers packed as JSON when it was stored (responses.ts): thirty
// times fewer rows to step through than the answer table's.
const COLUMNS = 'SELECT r.channel, r.language, r.submitted_on, r.synthetic, r.answers';
type Row = [string, string, string, number, string];

const cells: AnswerCells = { question: '', row: '', code: null, number: null, text: null, unreadable: false };

function addRow(builder: DatasetBuilder, r: Row): void {
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

function addRows(builder: DatasetBuilder, rows: Iterable<Row>): void {
	for (const r of rows) addRow(builder, r);
}

/** Reads every response of a survey into a new dataset laid out by its newest published version. */
export function loadDataset(db: DB, surveyId: number): Dataset {
	return db.transaction(() => {
		const { newest } = surveys.publishedDocuments(db, surveyId);
		const builder = new DatasetBuilder(newest, db.prepare(`SELECT count(*) ${SCOPE}`).pluck().get(surveyId) as number);
		addRows(builder, db.prepare(`${COLUMNS} ${ALL}`).raw().iterate(surveyId) as IterableIterator<Row>);
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

type Cached = { state: State; data: Dataset };
const cache = new WeakMap<DB, Map<number, Cached>>();

function cacheOf(db: DB): Map<number, Cached> {
	let perDb = cache.get(db);
	if (!perDb) cache.set(db, (perDb = new Map()));
	return perDb;
}

/** The cached dataset brought up to date without reading everything, or undefined when that is needed. */
function refreshed(db: DB, surveyId: number, now: State): Dataset | undefined {
	const hit = cacheOf(db).get(surveyId);
	if (!hit) return undefined;
	if (hit.state.version === now.version && hit.state.changes === now.changes) {
		if (hit.state.weights !== now.weights) hit.data.weights = weightsFor(db, surveyId, hit.data)?.weights;
		hit.state = now;
		return hit.data;
	}
	const data = extended(db, surveyId, hit, now);
	if (data) remember(db, surveyId, now, data);
	return data;
}

function remember(db: DB, surveyId: number, state: State, data: Dataset): void {
	data.weights = weightsFor(db, surveyId, data)?.weights;
	cacheOf(db).set(surveyId, { state, data });
}

/** The survey's dataset, with weights when it has margins: from memory while nothing changed. */
export function dataset(db: DB, surveyId: number): Dataset {
	return db.transaction(() => {
		const now = stateOf(db, surveyId);
		const ready = refreshed(db, surveyId, now);
		if (ready) return ready;
		const data = loadDataset(db, surveyId);
		remember(db, surveyId, now, data);
		return data;
	})();
}

const warming = new Map<string, Promise<void>>();

/**
 * Makes sure the surveys' datasets are in memory before a page uses them. Reading a survey
 * afresh happens on a read-only connection of its own, a few thousand responses at a time,
 * so residents' answers keep being taken meanwhile; then `dataset()` finds them ready.
 */
export async function warm(db: DB, surveyIds: number[]): Promise<void> {
	for (const surveyId of surveyIds) {
		if (db.transaction(() => refreshed(db, surveyId, stateOf(db, surveyId)))()) continue;
		const key = `${db.name}:${surveyId}`;
		let pending = warming.get(key);
		if (!pending) {
			pending = readInSteps(db, surveyId).finally(() => warming.delete(key));
			warming.set(key, pending);
		}
		await pending;
	}
}

const STEP = 5000;

async function readInSteps(db: DB, surveyId: number): Promise<void> {
	const reader = new Database(db.name, { readonly: true, fileMustExist: true });
	try {
		// One snapshot for the state and the rows, while the main connection goes on writing.
		reader.exec('BEGIN');
		const state = stateOf(reader, surveyId);
		const builder = new DatasetBuilder(surveys.publishedDocuments(reader, surveyId).newest, state.responses);
		const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
		let n = 0;
		for (const r of reader.prepare(`${COLUMNS} ${ALL}`).raw().iterate(surveyId) as IterableIterator<Row>) {
			addRow(builder, r);
			if (++n % STEP === 0) await pause();
		}
		reader.exec('COMMIT');
		const data = builder.finish();
		await pause();
		remember(db, surveyId, state, await addDerivedInSteps(data, pause));
	} finally {
		reader.close();
	}
}
