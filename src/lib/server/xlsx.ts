// Excel workbooks (.xlsx) written as a stream with exceljs's streaming writer, for downloads:
// sheets of plain cells as 総務省's rules for machine-readable statistical tables ask (one datum
// per cell, numbers as numbers, no merged cells, no formulas, no styling), each row written and
// let go, so a sheet of 100,000 responses streams in flat memory as fast as the reader takes it.
//
// exceljs's sheet stream hands its buffers on without waiting, so the writer waits itself: for
// the buffer between the sheet and the zip to be taken (the zip's own pipes keep to
// backpressure from there), and for the reader of the download to take what the zip wrote.
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { PassThrough, Readable, type Writable } from 'node:stream';

/** A cell: a number is written as a number, text as text, '' and null as no cell at all. */
export type XlsxCell = string | number | null;

export interface XlsxSheet {
	/** Shown on the sheet's tab: at most 31 characters, none of \ / ? * [ ] : */
	name: string;
	rows: Iterable<readonly XlsxCell[]>;
	/** The first row names the columns: it stays in view while scrolling. */
	header?: boolean;
	/** Each text in its cell (inline) instead of in the workbook's table of strings (shared):
	 *  for a large sheet of mostly different texts, whose table would grow with every row. */
	inlineStrings?: boolean;
	/** Column widths in characters, from the first column. */
	widths?: number[];
}

/** Excel's last row. */
export const XLSX_MAX_ROWS = 1_048_576;

/** Rows between two waits for the buffers to empty. */
const STEP = 500;
/** Bytes a sheet may leave in its buffer before the writer waits for the zip to take them. */
const HELD = 1 << 20;

/** An exceljs sheet stream's buffer towards the zip (a node stream that it writes without waiting). */
function heldBytes(sheet: ExcelJS.Worksheet): { bytes: number; stream?: NodeJS.EventEmitter } {
	const pipe = (sheet as unknown as { stream?: { pipes?: { _writableState?: { length: number } }[] } }).stream?.pipes?.[0];
	return { bytes: pipe?._writableState?.length ?? 0, stream: pipe as NodeJS.EventEmitter | undefined };
}

/** Until the stream drains, or the download is closed (cancelled), whichever comes first. */
async function drained(stream: NodeJS.EventEmitter, out: Writable): Promise<void> {
	const stop = new AbortController();
	try {
		await Promise.race([once(stream, 'drain', { signal: stop.signal }), once(out, 'close', { signal: stop.signal })]);
	} finally {
		stop.abort();
	}
}

async function settle(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
	const held = heldBytes(sheet);
	if (held.bytes > HELD && held.stream) await drained(held.stream, out);
	if (out.writableNeedDrain) await drained(out, out);
	// Let the zip's compression run before the next rows.
	await new Promise<void>((resolve) => setImmediate(resolve));
}

const cellValue = (v: XlsxCell, inline: boolean): ExcelJS.CellValue =>
	v === null || v === '' ? null : typeof v === 'number' ? (Number.isFinite(v) ? v : null) : inline ? { richText: [{ text: v }] } : v;

class Cancelled extends Error {}

async function write(sheets: Iterable<XlsxSheet>, out: PassThrough): Promise<void> {
	const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
	for (const s of sheets) {
		const sheet = book.addWorksheet(s.name, {
			useSharedStrings: !s.inlineStrings,
			views: s.header ? [{ state: 'frozen', ySplit: 1 }] : undefined
		} as Partial<ExcelJS.AddWorksheetOptions>);
		if (s.widths) sheet.columns = s.widths.map((width) => ({ width }));
		let n = 0;
		for (const row of s.rows) {
			if (out.destroyed) throw new Cancelled();
			if (++n > XLSX_MAX_ROWS) throw new Error(`「${s.name}」が Excel の行数の上限（${XLSX_MAX_ROWS.toLocaleString('ja-JP')} 行）を超えます。`);
			sheet.addRow(row.map((v) => cellValue(v, !!s.inlineStrings))).commit();
			if (n % STEP === 0) await settle(sheet, out);
		}
		sheet.commit();
	}
	await book.commit();
}

/**
 * The workbook as a byte stream for a response body. Sheets and their rows are read only as
 * the reader takes the file; `finished` runs once when it is written, fails or is cancelled
 * (to close the connection the rows come from).
 */
export function xlsxStream(sheets: Iterable<XlsxSheet>, finished: () => void = () => {}): ReadableStream<Uint8Array> {
	const out = new PassThrough();
	write(sheets, out)
		.catch((e) => {
			if (!(e instanceof Cancelled)) out.destroy(e);
		})
		.finally(finished);
	return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
