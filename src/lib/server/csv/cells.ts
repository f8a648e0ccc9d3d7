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
