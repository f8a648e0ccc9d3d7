// The full wide export of generated responses to the bundled survey: rows per second and peak
// memory, at three sizes, to show that memory stays flat as the row count grows, against the
// time of only reading the same rows from SQLite (what no export can do without), measured in
// the same run. Goal: 50,000 rows per second or more, under 300 MB.
import { expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { exportStream, responsesQuery } from '../../src/lib/server/data-export';
import { generatedSurvey } from './support/generated-survey';

const SIZES = (process.env.BENCH_EXPORT_SIZES ?? '25000,50000,100000').split(',').map(Number);
const survey = generatedSurvey();

async function exportOnce(): Promise<{ rows: number; seconds: number; peakMb: number; bytes: number }> {
	global.gc?.();
	const base = process.memoryUsage().rss;
	let peak = base;
	let bytes = 0;
	let lines = 0;
	const started = performance.now();
	const stream = exportStream(survey.db, { surveyId: survey.surveyId, kind: 'wide', values: 'codes', encoding: 'utf8bom' }, survey.file);
	for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
		bytes += chunk.length;
		for (let p = chunk.indexOf(10); p !== -1; p = chunk.indexOf(10, p + 1)) lines++;
		peak = Math.max(peak, process.memoryUsage().rss);
	}
	return { rows: lines - 1, seconds: (performance.now() - started) / 1000, peakMb: (peak - base) / 2 ** 20, bytes };
}

/** Seconds to step through the rows the export reads, doing nothing with them. */
function readOnly(size: number): number {
	const reader = new Database(survey.file, { readonly: true });
	const started = performance.now();
	let n = 0;
	for (const _ of reader.prepare(responsesQuery()).raw().iterate(survey.surveyId)) n++;
	const seconds = (performance.now() - started) / 1000;
	reader.close();
	expect(n).toBe(size);
	return seconds;
}

it('wide export: rows per second and memory at growing sizes', async () => {
	console.log('wide export of generated responses to the bundled survey (UTF-8 with BOM):');
	for (const size of SIZES) {
		const genStart = performance.now();
		survey.growTo(size);
		const generated = ((performance.now() - genStart) / 1000).toFixed(1);
		const read = readOnly(size);
		const r = await exportOnce();
		expect(r.rows).toBe(size);
		console.log(
			`  ${size.toLocaleString('en')} rows: ${(r.rows / r.seconds).toFixed(0)} rows/s, ${r.seconds.toFixed(2)} s, ` +
				`${(r.seconds / read).toFixed(1)}× the ${read.toFixed(2)} s of reading the rows alone, ` +
				`${(r.bytes / 2 ** 20).toFixed(1)} MB of CSV, memory +${r.peakMb.toFixed(1)} MB over the baseline ` +
				`(RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB; generating took ${generated} s)`
		);
	}
});
