// The wide data of generated responses to the bundled survey as an Excel workbook (the 個票
// sheet and its 値ラベル sheet, streamed by exceljs) beside the same rows as CSV, in the same
// run: rows per second, the workbook's time as a multiple of the CSV's, and the growth of the
// peak resident memory over the baseline, at two sizes, to show that memory stays flat as the
// rows grow. The survey is weighted, so each row carries its weight. Goal: 100,000 responses
// stream in well under a minute with memory growth under 150 MB, the same at both sizes.
import { beforeAll, expect, it } from 'vitest';
import { exportStream, workbookStream, type ExportRequest } from '../../src/lib/server/data-export';
import { saveMargins } from '../../src/lib/server/analytics/weighting';
import { dataset } from '../../src/lib/server/analytics/dataset-cache';
import { generatedSurvey } from './support/generated-survey';

const SIZES = (process.env.BENCH_XLSX_SIZES ?? '25000,100000').split(',').map(Number);
const survey = generatedSurvey();

beforeAll(() => {
	saveMargins(survey.db, survey.surveyId, [{ questionKey: 'F2', code: 1, population: 9200 }, { questionKey: 'F2', code: 2, population: 10400 }], 'ベンチマーク');
});

interface Run {
	seconds: number;
	peakMb: number;
	bytes: number;
}

async function measure(stream: () => ReadableStream<Uint8Array>): Promise<Run> {
	global.gc?.();
	const base = process.memoryUsage().rss;
	let peak = base;
	let bytes = 0;
	const started = performance.now();
	for await (const chunk of stream() as unknown as AsyncIterable<Uint8Array>) {
		bytes += chunk.length;
		peak = Math.max(peak, process.memoryUsage().rss);
	}
	return { seconds: (performance.now() - started) / 1000, peakMb: (peak - base) / 2 ** 20, bytes };
}

it('wide data as XLSX beside CSV: rows per second and memory at growing sizes', async () => {
	const { db, surveyId, file } = survey;
	const req: ExportRequest = { surveyId, kind: 'wide', values: 'codes', encoding: 'utf8bom' };
	console.log('wide data of generated responses to the bundled survey, weighted (XLSX: exceljs streaming writer; CSV: UTF-8 with BOM):');
	const peaks: number[] = [];
	for (const size of SIZES) {
		survey.growTo(size);
		// The weights come from the survey's dataset, which the results pages keep in memory: read before either file.
		dataset(db, surveyId);
		const csv = await measure(() => exportStream(db, req, file));
		const xlsx = await measure(() => workbookStream(db, req, file));
		peaks.push(xlsx.peakMb);
		const line = (name: string, r: Run) =>
			`    ${name}: ${(size / r.seconds).toFixed(0)} rows/s, ${r.seconds.toFixed(2)} s, ${(r.bytes / 2 ** 20).toFixed(1)} MB, peak RSS +${r.peakMb.toFixed(1)} MB`;
		console.log(`  ${size.toLocaleString('en')} responses:\n${line('CSV ', csv)}\n${line('XLSX', xlsx)}`);
		console.log(`    XLSX takes ${(xlsx.seconds / csv.seconds).toFixed(1)}× the CSV's time; its file is ${(xlsx.bytes / csv.bytes).toFixed(2)}× the CSV's size`);
		expect(xlsx.bytes).toBeGreaterThan(size * 100);
	}
	console.log(`  (RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB at the end)`);
	// Flat: four times the rows do not take four times the memory.
	expect(peaks.at(-1)!).toBeLessThan(Math.max(150, peaks[0] * 2));
});
