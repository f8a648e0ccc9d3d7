// Loads a survey's responses into a dataset of columns (src/lib/analytics/dataset.ts) and keeps
// it in memory (pages first `warm` it, reading in steps without holding up residents' answers).
// Responses added since (counted by the triggers in response_change, found by the ids not yet
// read: the database keeps no order of arrival) are read alone and appended; anything else (a
// removal, a newly published version) reloads everything; new margins only recompute weights.
// Every results view then works on typed arrays instead of querying millions of answer rows.
import Database from 'better-sqlite3';
import type { DB } from '../db';
import * as surveys from '../surveys';
import { DatasetBuilder, type Dataset } from '$lib/analytics/dataset';
import { forEachAnswer } from '$lib/survey/stored-answers';
import { addDerivedInSteps, addDerivedVariables } from '$lib/analytics/derived';
import { weightsFor } from './weighting';

const SCOPE = `FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?`;
// Every response of a survey in the table's own order: CROSS JOIN keeps SQLite scanning the
// response table straight through instead of looking each row up from an index, which is
// four times faster for a whole survey.
const ALL = `FROM response r CROSS JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?`;

// One row per response, its answers with it (src/lib/survey/stored-answers.ts).
const COLUMNS = 'SELECT r.id, r.channel, r.language, r.submitted_on, r.synthetic, r.answers';
type Row = [string, string, string, string, number, string];

function addRow(builder: DatasetBuilder, ids: Set<string>, r: Row): void {
	ids.add(r[0]);
	const i = builder.addResponse({ channel: r[1], language: r[2], day: r[3], synthetic: r[4] });
	forEachAnswer(r[5], (a) => builder.addAnswer(i, a));
}

/** A survey's dataset and the ids of the responses in it (to tell new ones apart later). */
interface Loaded {
	data: Dataset;
	ids: Set<string>;
}

function readAll(db: DB, surveyId: number): Loaded {
	return db.transaction(() => {
		const { newest } = surveys.publishedDocuments(db, surveyId);
		const builder = new DatasetBuilder(newest, db.prepare(`SELECT count(*) ${SCOPE}`).pluck().get(surveyId) as number);
		const ids = new Set<string>();
		for (const r of db.prepare(`${COLUMNS} ${ALL}`).raw().iterate(surveyId) as IterableIterator<Row>) addRow(builder, ids, r);
		return { data: addDerivedVariables(builder.finish()), ids };
	})();
}

/** Reads every response of a survey into a new dataset laid out by its newest published version. */
export const loadDataset = (db: DB, surveyId: number): Dataset => readAll(db, surveyId).data;

/** What the cached dataset of a survey depends on, read in one snapshot with the data. */
interface State {
	version: number | null;
	/** Responses ever added to or removed from the survey's versions. */
	changes: number;
	responses: number;
	weights: string | null;
}

function stateOf(db: DB, surveyId: number): State {
	return db
		.prepare(
			`SELECT s.published_version_id AS version,
			        (SELECT coalesce(sum(c.changes), 0) FROM response_change c JOIN survey_version v ON v.id = c.survey_version_id
			         WHERE v.survey_id = s.id) AS changes,
			        (SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = s.id) AS responses,
			        (SELECT imported_at FROM weight_source WHERE survey_id = s.id) AS weights
			 FROM survey s WHERE s.id = ?`
		)
		.get(surveyId) as State;
}

/** The dataset with the responses added since `old` appended, or undefined when that is not all that changed. */
function extended(db: DB, surveyId: number, old: Cached, now: State): Loaded | undefined {
	const added = now.responses - old.state.responses;
	if (now.version !== old.state.version || added <= 0 || now.changes - old.state.changes !== added) return undefined;
	const fresh = (db.prepare(`SELECT r.id ${ALL}`).pluck().all(surveyId) as string[]).filter((id) => !old.ids.has(id));
	if (fresh.length !== added) return undefined;
	const rows = db.prepare(`${COLUMNS} FROM response r WHERE r.id IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify(fresh)) as Row[];
	const builder = new DatasetBuilder(old.data.doc, old.data.size + added);
	builder.copyFrom(old.data);
	for (const r of rows) addRow(builder, old.ids, r);
	return { data: addDerivedVariables(builder.finish(), old.data), ids: old.ids };
}

type Cached = Loaded & { state: State };
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
		if (hit.state.weights !== now.weights) weigh(db, surveyId, hit.data);
		hit.state = now;
		return hit.data;
	}
	const grown = extended(db, surveyId, hit, now);
	if (grown) remember(db, surveyId, now, grown);
	return grown?.data;
}

/** Sets a dataset's weights (and how they were reached) from the survey's margins, or clears them. */
function weigh(db: DB, surveyId: number, data: Dataset): void {
	const result = weightsFor(db, surveyId, data);
	data.weights = result?.weights;
	if (result) {
		const { weights: _, ...how } = result;
		data.weighting = how;
	} else data.weighting = undefined;
}

function remember(db: DB, surveyId: number, state: State, loaded: Loaded): void {
	weigh(db, surveyId, loaded.data);
	cacheOf(db).set(surveyId, { ...loaded, state });
}

/** The survey's dataset, with weights when it has margins: from memory while nothing changed. */
export function dataset(db: DB, surveyId: number): Dataset {
	return db.transaction(() => {
		const now = stateOf(db, surveyId);
		const ready = refreshed(db, surveyId, now);
		if (ready) return ready;
		const loaded = readAll(db, surveyId);
		remember(db, surveyId, now, loaded);
		return loaded.data;
	})();
}

/** The survey's dataset and each of its responses' id, by index: for an export that joins its figures to the rows it writes. */
export function datasetWithIds(db: DB, surveyId: number): { data: Dataset; ids: string[] } {
	const data = dataset(db, surveyId);
	return { data, ids: [...cacheOf(db).get(surveyId)!.ids] };
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
		const ids = new Set<string>();
		for (const r of reader.prepare(`${COLUMNS} ${ALL}`).raw().iterate(surveyId) as IterableIterator<Row>) {
			addRow(builder, ids, r);
			if (ids.size % STEP === 0) await pause();
		}
		reader.exec('COMMIT');
		const data = builder.finish();
		await pause();
		remember(db, surveyId, state, { data: await addDerivedInSteps(data, pause), ids });
	} finally {
		reader.close();
	}
}
