// The results page's data and a cross-tab over 100,000 generated responses to the bundled
// survey (about 3.6 million answer rows). Goals (issue 6): results data under 500 ms, a
// cross-tab under 200 ms. The baseline, measured in the same run, is the least any SQL
// tabulation must do: one GROUP BY over the survey's answer rows.
// BENCH_RESULTS_SIZE changes the size; BENCH_RESULTS_DB keeps the generated file between runs.
import { ANSWER_ROWS } from '../support/answer-rows';
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import { openDatabase, type DB } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';
import { loadDataset, dataset, warm } from '../../src/lib/server/analytics/dataset-cache';
import { resultsOf } from '../../src/lib/server/analytics/results';
import { crossTab } from '../../src/lib/analytics/crosstab';
import { NO_FILTERS, select, type Filters } from '../../src/lib/analytics/selection';
import { tempDatabasePath } from '../unit/support/temp-db';
import { longestStall } from './support/stalls';

const SIZE = Number(process.env.BENCH_RESULTS_SIZE ?? 100_000);
const kept = process.env.BENCH_RESULTS_DB;
const temp = tempDatabasePath();
const file = kept ?? temp.file;
let db: DB;
let surveyId: number;

beforeAll(() => {
	const fresh = !kept || !fs.existsSync(kept);
	db = openDatabase(file);
	surveys.installBundled(db);
	surveyId = surveys.findPublished(db, 'digital-2022')!.survey.id;
	if (fresh) {
		const started = performance.now();
		addSynthetic(db, surveyId, { count: SIZE, seed: 2022, from: '2022-10-01', to: '2022-10-31' });
		console.log(`generated ${SIZE.toLocaleString('en')} responses in ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}
}, 900_000);
afterAll(() => {
	db.close();
	temp.remove();
});

function time<T>(run: () => T, times = 5): { ms: number; value: T } {
	let value = run();
	const all: number[] = [];
	for (let i = 0; i < times; i++) {
		const started = performance.now();
		value = run();
		all.push(performance.now() - started);
	}
	return { ms: all.sort((a, b) => a - b)[Math.floor(all.length / 2)], value };
}

it('results data and cross-tabs over 100,000 responses', async () => {
	const answers = db.prepare('SELECT sum(json_array_length(answers)) FROM response').pluck().get() as number;
	const baseline = time(
		() =>
			db
				.prepare(
					`SELECT a.question_key, a.row_key, a.code, count(*) FROM ${ANSWER_ROWS} a
					 WHERE a.response_id IN (SELECT r.id FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?)
					 GROUP BY a.question_key, a.row_key, a.code`
				)
				.all(surveyId),
		2
	);
	const load = time(() => loadDataset(db, surveyId), 2);
	const data = dataset(db, surveyId);
	expect(data.size).toBe(SIZE);
	const k = 10;
	const all = time(() => resultsOf(data, NO_FILTERS, k));
	expect(all.value.selected).toBe(SIZE);
	const filters: Filters = { where: [{ key: 'F1', codes: [8, 9, 10] }, { key: 'F3', codes: [20] }], channels: [], from: '2022-10-05' };
	const filtered = time(() => resultsOf(data, filters, k));
	const everyone = select(data, NO_FILTERS);
	const single = time(() => crossTab(data, data.byKey.get('D2')!, data.byKey.get('F1')!, everyone, k));
	const multi = time(() => crossTab(data, data.byKey.get('A5')!, data.byKey.get('PERSONA')!, everyone, k));
	const matrix = time(() => crossTab(data, data.byKey.get('T1.T1_2')!, data.byKey.get('F3')!, select(data, filters), k));
	// The disclosure control's share: the same tables counted without it (k = 0 hides nothing).
	const unprotected = time(() => resultsOf(data, NO_FILTERS, 0));
	const districts = time(() => crossTab(data, data.byKey.get('T1.T1_2')!, data.byKey.get('F3')!, everyone, k));
	const districtsOpen = time(() => crossTab(data, data.byKey.get('T1.T1_2')!, data.byKey.get('F3')!, everyone, 0));
	const hiddenCells = (t: ReturnType<typeof crossTab>) => t.rows.flatMap((r) => r.counts).filter((n) => n === null).length;
	const cached = time(() => dataset(db, surveyId));
	// New responses arriving while analysts look: appended, not all read again.
	addSynthetic(db, surveyId, { count: 10, seed: 99, from: '2022-11-30', to: '2022-11-30' });
	const appendStart = performance.now();
	const grown = dataset(db, surveyId);
	const appendMs = performance.now() - appendStart;
	expect(grown.size).toBe(data.size + 10);
	db.prepare("DELETE FROM response WHERE submitted_on = '2022-11-30'").run();
	// Reading afresh in steps, as pages do: how long the server stays unable to answer anyone.
	const other = openDatabase(file);
	const { longestMs: longest, ms: warmMs } = await longestStall(() => warm(other, [surveyId]), 5);
	other.close();
	const rss = process.memoryUsage().rss / 2 ** 20;
	const f = (ms: number) => `${ms.toFixed(1)} ms`;
	console.log(
		[
			`results over ${SIZE.toLocaleString('en')} generated responses (${answers.toLocaleString('en')} answer rows), median of 5:`,
			`  baseline: one SQL GROUP BY over the survey's answers: ${f(baseline.ms)}`,
			`  results page data, no filter: ${f(all.ms)} (goal < 500 ms; ${(all.ms / baseline.ms).toFixed(3)} × the baseline); without the disclosure control ${f(unprotected.ms)}`,
			`  results page data, 75+ in 徳地 from 10-05 (${filtered.value.selected} responses): ${f(filtered.ms)}`,
			`  cross-tab D2 × age group: ${f(single.ms)} (goal < 200 ms; chi-square p = ${single.value.test?.p.toExponential(2)})`,
			`  cross-tab A5 (multiple) × persona: ${f(multi.ms)}; T1_2 × district, filtered: ${f(matrix.ms)} (${hiddenCells(matrix.value)} cells hidden)`,
			`  cross-tab T1_2 × district, everyone: ${f(districts.ms)} (${hiddenCells(districts.value)} of ${districts.value.rows.length * districts.value.columns.length} cells hidden); without the disclosure control ${f(districtsOpen.ms)}`,
			`  loading the dataset from SQLite (once, then kept in memory): ${f(load.ms)}; checking the cache: ${f(cached.ms)}; appending 10 new responses: ${f(appendMs)}`,
			`  reading in steps on its own connection (what pages do): ${f(warmMs)}, the server never busy for more than ${f(longest)} at a time`,
			`  process RSS with the dataset loaded: ${rss.toFixed(0)} MB`
		].join('\n')
	);
});
