// Reads a CSV of paper questionnaires (one row each, columns named as in the entry form) and
// checks every row; nothing is imported until every row is right.
import Papa from 'papaparse';
import type { Questionnaire } from './schema';
import { checkPaper, paperFields, type PaperRow } from './paper';

export interface ImportProblem {
	/** 1-based, the header being row 1, as a spreadsheet shows it. */
	row: number;
	column: string;
	message: string;
}

export type PaperImport = { ok: true; forms: PaperRow[][] } | { ok: false; problems: ImportProblem[] };

export function readPaperCsv(doc: Questionnaire, csv: string): PaperImport {
	const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
	const problems: ImportProblem[] = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, column: '', message: `CSV として読み取れません: ${e.message}` }));
	const [header = [], ...body] = parsed.data;
	const known = new Set(paperFields(doc).map((f) => f.name));
	const names = header.map((h) => h.trim());
	names.forEach((name) => {
		if (!known.has(name)) problems.push({ row: 1, column: name, message: `列「${name}」はこの調査票にありません。` });
	});
	if (!body.length) problems.push({ row: 2, column: '', message: '調査票の行がありません。' });
	if (problems.length) return { ok: false, problems };

	const forms: PaperRow[][] = [];
	body.forEach((cells, i) => {
		const entry = Object.fromEntries(names.map((n, j) => [n, cells[j] ?? '']));
		const { rows, errors } = checkPaper(doc, entry);
		for (const [column, message] of Object.entries(errors)) problems.push({ row: i + 2, column, message });
		forms.push(rows);
	});
	return problems.length ? { ok: false, problems } : { ok: true, forms };
}
