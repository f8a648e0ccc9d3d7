// CSV text that opens right in Japanese Excel: UTF-8 with a byte-order mark, CRLF line ends,
// and text a spreadsheet would run as a formula neutralised (numbers stay numbers).
import Papa from 'papaparse';

export const BOM = '\uFEFF';

/** Text starting with = + - @ tab or CR is read as a formula: a leading ' keeps it text. */
export function neutralise(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: unknown[][]): string {
	return BOM + Papa.unparse({ fields: header, data: rows.map((r) => r.map(neutralise)) }, { newline: '\r\n' });
}
