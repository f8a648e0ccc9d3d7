// CSV text that opens right in Japanese Excel: UTF-8 with a byte-order mark, CRLF line ends,
// and text a spreadsheet would run as a formula neutralised (numbers stay numbers).
import Papa from 'papaparse';

export const BOM = '\uFEFF';

/**
 * How every CSV here is written: CRLF line ends, and text starting with = + - @ tab or CR
 * prefixed with ' so a spreadsheet shows it instead of running it (papaparse's escapeFormulae:
 * numbers, negative ones included, stay numbers).
 */
// The pattern is given because papaparse's own (with `true`) misses a formula followed by a
// line break: its `.*$` stops at the first newline.
export const CSV_OPTIONS = { newline: '\r\n', escapeFormulae: /^[=+\-@\t\r]/ };

export function toCsv(header: string[], rows: unknown[][]): string {
	return BOM + Papa.unparse({ fields: header, data: rows }, CSV_OPTIONS);
}

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

/** Rows of cells as CSV text, each line ended with CRLF (the same text as papaparse's). */
export const csvLines = (rows: (string | number)[][]): string => rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
