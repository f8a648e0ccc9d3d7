// Reads a CSV of paper questionnaires (one row each, columns named as in the entry form) and
// checks every row; nothing is imported until every row is right.
import { parseCsv } from '$lib/csv';
import type { Questionnaire } from './schema';
import { checkPaper, paperFields, type PaperForm } from './paper';
import { INVITATION_FIELD } from './invitation-code';

export interface ImportProblem {
	/** 1-based, the header being row 1, as a spreadsheet shows it. */
	row: number;
	column: string;
	message: string;
}

/** The spreadsheet row of a CSV's n-th questionnaire (0-based), the header being row 1. */
export const csvRow = (index: number) => index + 2;

export type PaperImport = { ok: true; forms: PaperForm[] } | { ok: false; problems: ImportProblem[] };

/** The columns of a paper CSV: every entry field, and the invitation code where the survey has them. */
export const paperColumns = (doc: Questionnaire, invitations: boolean) => [
	...(invitations ? [INVITATION_FIELD] : []),
	...paperFields(doc).map((f) => f.name)
];

/** Reads and checks every row; the invitation codes' own check needs the database and is the caller's. */
export function readPaperCsv(doc: Questionnaire, csv: string, invitations = false): PaperImport {
	const { rows, problems } = parseCsv(csv);
	const [header = [], ...body] = rows;
	const known = new Set(paperColumns(doc, invitations));
	const names = header.map((h) => h.trim());
	names.forEach((name) => {
		if (!known.has(name)) problems.push({ row: 1, column: name, message: `列「${name}」はこの調査票にありません。` });
	});
	if (!body.length) problems.push({ row: 2, column: '', message: '調査票の行がありません。' });
	if (problems.length) return { ok: false, problems };

	const forms: PaperForm[] = [];
	body.forEach((cells, i) => {
		const entry = Object.fromEntries(names.map((n, j) => [n, cells[j] ?? '']));
		const { answers, errors } = checkPaper(doc, entry);
		for (const [column, message] of Object.entries(errors)) problems.push({ row: csvRow(i), column, message });
		if (!answers.length && !Object.keys(errors).length)
			problems.push({ row: csvRow(i), column: '', message: '回答が何も入力されていません。白紙の調査票は取り込みません。' });
		forms.push({ answers, invitation: entry[INVITATION_FIELD]?.trim() || undefined });
	});
	return problems.length ? { ok: false, problems } : { ok: true, forms };
}
