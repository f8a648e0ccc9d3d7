// Every Excel download, asked for from its handler as the browser would on a real temporary
// SQLite file, opened by a second reader (read-excel-file) and held cell for cell against the
// CSV download of the same data: the wide data (with and without synthetic responses, codes and
// labels, with its weight column), the codebook, the aggregate table with its hidden cells, and
// a cross-tab. Numbers stay numbers, and the value-label sheet names every column it labels.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { parse } from 'csv-parse/sync';
import type Database from 'better-sqlite3';

// Before any import reads the configuration (imports are hoisted above plain statements).
const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

const { db: openDb } = await import('../../src/lib/server/db');
const users = await import('../../src/lib/server/users');
const surveys = await import('../../src/lib/server/surveys');
const { exportSurvey, REAL, SYNTHETIC } = await import('./support/export-survey');
const { staffGet } = await import('./support/staff-get');
const { restoreFormula } = await import('../../src/lib/csv');
const { dataset } = await import('../../src/lib/server/analytics/dataset-cache');
const { valueLabelRows, wideVariables } = await import('../../src/lib/survey/wide-variables');
const { AGGREGATE_COLUMNS } = await import('../../src/lib/server/data-export');
const { xlsxStream } = await import('../../src/lib/server/xlsx');
const dataDownload = (await import('../../src/routes/admin/(staff)/data/[id]/download/+server')).GET;
const crossTabDownload = (await import('../../src/routes/admin/(staff)/results/[id]/crosstab/download/+server')).GET;

type Cell = string | number | boolean | null;
let db: Database.Database;
let surveyId: number;
const analyst = { id: 0, email: 'bunseki@city.example', displayName: '分析', roles: ['analyst'], mustChangePassword: false };

beforeAll(async () => {
	db = openDb();
	analyst.id = await users.create(db, { ...analyst, roles: ['analyst'], password: 'excel-to-csv-2026' });
	surveyId = exportSurvey(db);
});
afterAll(() => {
	db.close();
	temp.remove();
});

async function download(handler: unknown, path: string): Promise<{ bytes: Buffer; type: string; name: string }> {
	const response = await staffGet(handler, path, analyst, { id: String(surveyId) });
	expect(response.status).toBe(200);
	const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? '';
	return { bytes: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') ?? '', name };
}

async function workbook(bytes: Buffer): Promise<Map<string, Cell[][]>> {
	expect(bytes.subarray(0, 2).toString()).toBe('PK');
	const sheets = await readXlsxFile(bytes, { trim: false });
	return new Map(sheets.map((s) => [s.sheet, s.data as Cell[][]]));
}

const csvRows = (bytes: Buffer) => parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
const trimEnd = <T>(row: T[], empty: (v: T) => boolean) => {
	let n = row.length;
	while (n && empty(row[n - 1])) n--;
	return row.slice(0, n);
};

/**
 * Each cell of the workbook as the CSV has it: a number as its digits, a text as it is (the
 * CSV puts ' before text a spreadsheet would run as a formula; a workbook's text never runs),
 * no cell as an empty one. Rows are compared without their empty cells at the end.
 */
function expectSameCells(sheet: Cell[][], csv: string[][]) {
	const fromSheet = sheet.map((r) => trimEnd(r.map((v) => (v === null ? '' : String(v))), (v) => v === ''));
	const fromCsv = csv.map((r) => trimEnd(r.map(restoreFormula), (v) => v === ''));
	expect(fromSheet.length).toBe(fromCsv.length);
	expect(fromSheet).toEqual(fromCsv);
}

const query = (q: Record<string, string>) => `/admin/data/${surveyId}/download?${new URLSearchParams(q)}`;
const both = async (q: Record<string, string>) => ({
	csv: await download(dataDownload, query(q)),
	xlsx: await download(dataDownload, query({ ...q, format: 'xlsx' }))
});
const column = (rows: Cell[][], name: string) => rows.slice(1).map((r) => r[rows[0].indexOf(name)]);

describe('the wide data as a workbook', () => {
	it.each([
		['codes, every response', { kind: 'wide', values: 'codes' }, REAL + SYNTHETIC],
		['codes, synthetic responses left out', { kind: 'wide', values: 'codes', leaveOutSynthetic: 'on' }, REAL],
		['labels, synthetic responses left out', { kind: 'wide', values: 'labels', leaveOutSynthetic: 'on' }, REAL]
	] as [string, Record<string, string>, number][])('holds the CSV cell for cell: %s', async (_, q, count) => {
		const { csv, xlsx } = await both(q);
		expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(xlsx.name).toBe(csv.name.replace(/\.csv$/, '.xlsx'));
		const sheets = await workbook(xlsx.bytes);
		expect([...sheets.keys()]).toEqual(['個票', '値ラベル']);
		const data = sheets.get('個票')!;
		expect(data.length).toBe(count + 1);
		expectSameCells(data, csvRows(csv.bytes));
		// Numbers are numbers: the version, the synthetic mark, every weight, and codes when codes were asked for.
		expect(column(data, 'version').every((v) => typeof v === 'number')).toBe(true);
		expect(column(data, 'weight').every((v) => typeof v === 'number' && v > 0)).toBe(true);
		expect(new Set(column(data, 'synthetic'))).toEqual(new Set(q.leaveOutSynthetic ? [0] : [0, 1]));
		const ages = column(data, 'F1');
		if (q.values === 'codes') expect(ages.every((v) => typeof v === 'number' || v === '不明')).toBe(true);
		else expect(ages).toContain('70〜74歳');
		expect(ages).toContain('不明');
	});

	it('keeps free text whole, line breaks, quotes and a leading "=" included', async () => {
		const data = (await workbook((await download(dataDownload, query({ kind: 'wide', values: 'codes', format: 'xlsx' }))).bytes)).get('個票')!;
		const texts = column(data, 'C4');
		expect(texts).toContain('公民館で\nスマホ教室を。髙橋より');
		expect(texts).toContain('=1+1 は計算式ではありません');
		expect(column(data, 'D3_other')).toContain('目が見えにくい、"老眼"です');
	});

	it('carries the weights of the results pages, and weights raked again on the real responses when the synthetic ones are left out', async () => {
		const app = dataset(db, surveyId);
		const all = (await workbook((await download(dataDownload, query({ kind: 'wide', values: 'codes', format: 'xlsx' }))).bytes)).get('個票')!;
		const weights = column(all, 'weight') as number[];
		expect([...weights].sort()).toEqual([...app.weights!].sort());
		const real = (await workbook((await download(dataDownload, query({ kind: 'wide', values: 'codes', format: 'xlsx', leaveOutSynthetic: 'on' }))).bytes)).get('個票')!;
		// The real responses' weighted sex shares are the population's: 9,200 to 10,400 among those who gave it.
		const sex = column(real, 'F2');
		const w = column(real, 'weight') as number[];
		const share = (code: number) => sex.reduce<number>((s, v, i) => s + (v === code ? w[i] : 0), 0);
		expect(share(1) / (share(1) + share(2))).toBeCloseTo(9200 / 19600, 6);
		expect(w.reduce((a, b) => a + b, 0) / w.length).toBeCloseTo(1, 9);
	});

	it('labels every column and every code in its value-label sheet, as the codebook does', async () => {
		const sheets = await workbook((await download(dataDownload, query({ kind: 'wide', values: 'codes', format: 'xlsx' }))).bytes);
		const doc = surveys.findPublished(db, 'digital-2022')!.document;
		const variables = wideVariables(doc, true);
		expect(sheets.get('個票')![0]).toEqual(variables.map((v) => v.name));
		const labels = sheets.get('値ラベル')!;
		expect(labels).toEqual(valueLabelRows(variables));
		const codebook = csvRows((await download(dataDownload, query({ kind: 'codebook' }))).bytes);
		const age = (rows: Cell[][], code: number, label: number) => rows.filter((r) => r[0] === 'F1' && typeof r[code] === 'number').map((r) => [r[code], r[label]]);
		expect(age(labels, 2, 3)).toEqual(codebook.filter((r) => r[0] === 'F1').map((r) => [Number(r[7]), r[8]]));
		expect(labels.filter((r) => r[0] === 'D3_7').map((r) => [r[2], r[3]])).toEqual([[0, '選ばなかった'], [1, '選んだ'], ['不明', '読み取れない回答（紙の調査票）']]);
	});
});

describe('the codebook and the aggregate table as workbooks', () => {
	it('the codebook holds the CSV cell for cell, the weight explained', async () => {
		const { csv, xlsx } = await both({ kind: 'codebook' });
		const sheet = (await workbook(xlsx.bytes)).get('コードブック')!;
		expectSameCells(sheet, csvRows(csv.bytes));
		expect(sheet.find((r) => r[0] === 'weight')?.[4]).toContain('ウェイト');
	});

	it('the aggregate table holds the CSV cell for cell: hidden counts the same, numbers as numbers, units in the header', async () => {
		const { csv, xlsx } = await both({ kind: 'aggregate', values: 'codes', leaveOutSynthetic: 'on' });
		const sheet = (await workbook(xlsx.bytes)).get('単純集計')!;
		const rows = csvRows(csv.bytes);
		expectSameCells(sheet, rows);
		expect(sheet[0]).toEqual([...AGGREGATE_COLUMNS]);
		const n = column(sheet, 'n（人）');
		// k = 10: hidden counts are the mark, never a number under 10 but 0.
		expect(n).toContain('x');
		expect(n.every((v) => v === 'x' || (typeof v === 'number' && (v === 0 || v >= 10)))).toBe(true);
		expect(column(sheet, 'percent（%）').every((v) => v === null || v === 'x' || typeof v === 'number')).toBe(true);
		// A mean is published only where no count is hidden: with k = 1, in a column of its own, as a number.
		db.prepare('UPDATE survey SET min_cell_size = 1 WHERE id = ?').run(surveyId);
		const open = await both({ kind: 'aggregate', values: 'codes', leaveOutSynthetic: 'on' });
		db.prepare('UPDATE survey SET min_cell_size = 10 WHERE id = ?').run(surveyId);
		const openSheet = (await workbook(open.xlsx.bytes)).get('単純集計')!;
		expectSameCells(openSheet, csvRows(open.csv.bytes));
		const means = openSheet.filter((r) => r[3] === '平均');
		expect(means.map((r) => r[0])).toContain('W1');
		expect(means.every((r) => typeof r[6] === 'number' && r[5] === null)).toBe(true);
	});

	it('the long table is offered as CSV only: it can pass Excel\'s row limit', async () => {
		await expect(staffGet(dataDownload, query({ kind: 'long', format: 'xlsx' }), analyst, { id: String(surveyId) })).rejects.toMatchObject({ status: 400 });
	});
});

describe('a cross-tab as a workbook', () => {
	it('has one table to a sheet, each titled with its unit, the notes last, and holds the CSV cell for cell', async () => {
		const path = `/admin/results/${surveyId}/crosstab/download?of=D2&by=F1&channel=web`;
		const csv = await download(crossTabDownload, path);
		const xlsx = await download(crossTabDownload, `${path}&format=xlsx`);
		expect(xlsx.name).toMatch(/^digital-2022_crosstab_D2_by_F1_\d{4}-\d{2}-\d{2}\.xlsx$/);
		const sheets = await workbook(xlsx.bytes);
		expect([...sheets.keys()]).toEqual(['人数', '行％', '列％', 'ウェイト付き行％', '注記']);
		expect(sheets.get('人数')![0][0]).toMatch(/^クロス集計：.+ × .+　人数（単位：人）$/);
		expect(sheets.get('人数')![1].at(-2)).toBe('回答者数（人）');
		// The CSV is the sheets one after another, an empty row between two.
		const joined = [...sheets.values()].flatMap((rows, i) => [...(i ? [[]] : []), ...rows]);
		expectSameCells(joined, csvRows(csv.bytes));
		const counts = sheets.get('人数')!.slice(2).flatMap((r) => r.slice(1, -2));
		expect(counts).toContain('x');
		expect(counts.every((v) => v === 'x' || typeof v === 'number')).toBe(true);
		expect(sheets.get('注記')!.flat()).toContain('絞り込み：回答方法：ウェブ');
		const logged = db.prepare("SELECT json_extract(detail, '$.format') FROM audit_event WHERE action = 'export.crosstab' ORDER BY id").pluck().all();
		expect(logged).toEqual([null, 'xlsx']);
	});
});

describe('the streaming writer', () => {
	it('writes only as fast as the download is read, and stops and lets go of its rows when it is cancelled', async () => {
		let made = 0;
		let finished = false;
		function* rows() {
			for (let i = 0; i < 1_000_000; i++) {
				made++;
				yield [`回答${i}`, i, i % 7, 'あいうえお'.repeat(i % 5)];
			}
		}
		const stream = xlsxStream([{ name: '個票', rows: rows(), inlineStrings: true }], () => (finished = true));
		const reader = stream.getReader();
		const first = await reader.read();
		expect(first.done).toBe(false);
		await new Promise((resolve) => setTimeout(resolve, 300));
		// Nobody reads: the writer waits, a few buffers ahead, instead of writing the million rows into memory.
		const waiting = made;
		expect(waiting).toBeLessThan(20_000);
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(made).toBe(waiting);
		await reader.cancel();
		await vi.waitFor(() => expect(finished).toBe(true));
		expect(made).toBeLessThan(20_000);
	});
});
