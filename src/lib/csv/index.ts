// Every CSV the app writes or reads, as text: written so it opens right in Japanese Excel (a
// byte-order mark, CRLF line ends, text a spreadsheet would run as a formula neutralised,
// numbers left numbers), and read back with the BOM dropped and blank lines skipped. Pure and
// safe for the browser; the bytes (UTF-8 or Shift_JIS) are $lib/server/csv/encoding's.
import Papa from 'papaparse';

export const BOM = '\uFEFF';

// ---- writing ----------------------------------------------------------------------------

/** Where a spreadsheet would start a formula: = + - @ tab or CR first. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * How every CSV here is written: CRLF line ends, and text starting with = + - @ tab or CR
 * prefixed with ' so a spreadsheet shows it instead of running it (papaparse's escapeFormulae:
 * numbers, negative ones included, stay numbers).
 */
// The pattern is given because papaparse's own (with `true`) misses a formula followed by a
// line break: its `.*$` stops at the first newline.
export const CSV_OPTIONS = { newline: '\r\n', escapeFormulae: FORMULA };

/** A file with a header row: the BOM, then the rows, the last without a line end. */
export function toCsv(header: readonly string[], rows: unknown[][]): string {
	return BOM + Papa.unparse({ fields: [...header], data: rows }, CSV_OPTIONS);
}

/** Rows of any cells (null and undefined written empty), each line ended with CRLF; no BOM. */
export const csvText = (rows: unknown[][]): string => Papa.unparse(rows, CSV_OPTIONS) + '\r\n';

// Text that papaparse writes unchanged: nothing it quotes (line breaks, quotes, commas, a BOM),
// no formula character or space first, no space last.
const PLAIN = /^(?:[^=+\-@\t\r\n",\uFEFF ](?:[^\r\n",\uFEFF]*[^\r\n",\uFEFF ])?)?$/;

/**
 * One cell exactly as papaparse writes it with CSV_OPTIONS (a test holds the two equal), for
 * exports that join their cells themselves: the wide export writes 100,000 rows of 110 cells,
 * most of them short codes, and asking papaparse about each was half its time. Plain text and
 * numbers are written as they are; anything else goes through papaparse.
 */
export function csvCell(value: string | number): string {
	if (typeof value === 'number') return String(value);
	return PLAIN.test(value) ? value : Papa.unparse([[value]], CSV_OPTIONS);
}

/** Rows of cells as CSV text, each line ended with CRLF (the same text as csvText's). */
export const csvLines = (rows: (string | number)[][]): string => rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');

// ---- reading ----------------------------------------------------------------------------

export interface CsvProblem {
	/** 1-based, the header being row 1, as a spreadsheet shows it. */
	row: number;
	column: string;
	message: string;
}

/**
 * A cell as it was before writing neutralised it: the ' put before = + - @ tab or CR taken off.
 * Only for files this app wrote and reads back (the questionnaire sheet): a text that itself
 * began with ' and a formula character comes back without its '.
 */
export const restoreFormula = (cell: string): string => (cell[0] === "'" && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell);

/**
 * The rows of a CSV text (the header first), without a BOM and without blank lines, and what
 * could not be read, by row. `restoreFormulae` undoes the writing's neutralisation in every cell.
 */
export function parseCsv(text: string, options: { restoreFormulae?: boolean } = {}): { rows: string[][]; problems: CsvProblem[] } {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
	const problems = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, column: '', message: `CSV として読み取れません: ${e.message}` }));
	const rows = options.restoreFormulae ? parsed.data.map((r) => r.map(restoreFormula)) : parsed.data;
	return { rows, problems };
}
