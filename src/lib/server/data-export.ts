// Streams a survey's responses as CSV (wide, long) and its codebook, row by row from a
// read-only connection of its own, so 100,000 responses export in constant memory while the
// main connection goes on taking answers. Synthetic (demo) responses are left out when asked.
// The same rows make the Excel workbooks (xlsx.ts): the wide data with a sheet of value labels,
// the codebook and the aggregate tables, cell for cell what the CSV holds.
import Database from 'better-sqlite3';
import type { DB } from './db';
import { config } from './config';
import { surveyDay } from './today';
import * as surveys from './surveys';
import { RESPONSE_COLUMNS, codebookRows, CODEBOOK_COLUMNS, INVALID_CELL, SKIPPED_COLUMN, wideColumns, wideFiller, type ValueMode } from '$lib/survey/export-columns';
import { csvCell, csvLines as line } from '$lib/csv';
import { forEachAnswer } from '$lib/survey/stored-answers';
import { dataset } from './analytics/dataset-cache';
import { questionTables } from '$lib/analytics/frequencies';
import { NO_FILTERS, select } from '$lib/analytics/selection';
import { HIDDEN_MARK } from '$lib/analytics/disclosure';
import { DENOMINATOR_NAMES, publishTable } from '$lib/analytics/published-tables';
import { encoder, notInCp932, type Encoding } from './csv/encoding';
import { exportWeights, hasWeights } from './export-weights';
import { valueLabelRows, WEIGHT_COLUMN, WEIGHT_LABEL, wideVariables } from '$lib/survey/wide-variables';
import { xlsxStream, type XlsxSheet } from './xlsx';

export const KINDS = ['wide', 'long', 'codebook', 'aggregate'] as const;
export type Kind = (typeof KINDS)[number];
/** The kinds that also come as an Excel workbook: the long table can pass Excel's row limit. */
export const WORKBOOK_KINDS: readonly Kind[] = ['wide', 'codebook', 'aggregate'];

export interface ExportRequest {
	surveyId: number;
	kind: Kind;
	values: ValueMode;
	encoding: Encoding;
	/** Leave out the synthetic (demo) responses (fillDemo, addSynthetic): real answers only. */
	leaveOutSynthetic?: boolean;
	/** Line breaks in free text written as spaces, one line per response: SPSS and PSPP read no line break within a cell. */
	oneLine?: boolean;
}

/** Rows per CSV batch: large enough to be fast, small enough to keep memory flat. */
const BATCH = 1000;

/** A cell as the CSV writes it, or as the workbook keeps it (a number stays a number). */
type Cell = (value: string | number) => string | number;
const asIs: Cell = (v) => v;
const oneLine = (text: string) => text.replace(/\r\n|[\r\n]/g, ' ');
/** How the export writes a cell: the CSV's text (csvCell), or the value, line breaks made spaces when asked. */
const writer = <T extends string | number>(req: ExportRequest, cell: (v: string | number) => T) =>
	req.oneLine ? (v: string | number) => cell(typeof v === 'string' ? oneLine(v) : v) : cell;

/** The codebook's rows, the weight's own row last when the survey has weights. */
function codebookTable(db: DB, surveyId: number): (string | number)[][] {
	const rows = [[...CODEBOOK_COLUMNS], ...codebookRows(surveys.publishedDocuments(db, surveyId).newest)];
	if (hasWeights(db, surveyId))
		rows.push([WEIGHT_COLUMN, '', '', 'weight', WEIGHT_LABEL, 0, '', '', '', '結果のページと同じ重み。合成データを除いたファイルでは、実際の回答だけで計算し直した重み']);
	return rows;
}

/**
 * The wide table, one row per response after its header, each cell made by `cell`: its CSV
 * text or its value. One row per response with its answers packed as JSON when it was stored:
 * far fewer rows to step through in JavaScript than one per answer.
 */
function* wideRows<T extends string | number>(db: DB, reader: Database.Database, req: ExportRequest, cell: (v: string | number) => T): Generator<(T | '')[]> {
	const { newest } = surveys.publishedDocuments(db, req.surveyId);
	const columns = wideColumns(newest);
	const weights = exportWeights(db, req.surveyId, req.leaveOutSynthetic);
	yield [...RESPONSE_COLUMNS, 'synthetic', ...columns.map((c) => c.name), SKIPPED_COLUMN, ...(weights ? [WEIGHT_COLUMN] : [])].map(cell);
	const fill = wideFiller(columns, req.values, writer(req, cell));
	const responses = reader.prepare(responsesQuery(req.leaveOutSynthetic)).raw().iterate(req.surveyId) as IterableIterator<ResponseRow>;
	for (const [id, version, , channel, language, day, synthetic, answers] of responses) {
		const row: (T | '')[] = [cell(id), cell(version), cell(channel), cell(language), cell(day), cell(synthetic), ...fill(answers)];
		if (weights) row.push(cell(weights.get(id) ?? ''));
		yield row;
	}
}

/** Produces the CSV text of an export, batch by batch. */
function* csvBatches(db: DB, reader: Database.Database, req: ExportRequest): Generator<string> {
	const { byVersion } = surveys.publishedDocuments(db, req.surveyId);
	if (req.kind === 'codebook') {
		yield line(codebookTable(db, req.surveyId));
		return;
	}
	if (req.kind === 'aggregate') {
		yield line(aggregateRows(db, req, surveys.getById(db, req.surveyId)!.minCellSize));
		return;
	}
	if (req.kind === 'long') {
		yield line([[...RESPONSE_COLUMNS, 'synthetic', 'question_key', 'row_key', 'code', 'label', 'number', 'text', 'status', 'skipped']]);
		const questions = new Map(
			[...byVersion].map(([id, doc]) => [id, new Map(doc.sections.flatMap((s) => s.questions.map((q) => [q.key, q])))])
		);
		const responses = reader.prepare(responsesQuery(req.leaveOutSynthetic)).raw().iterate(req.surveyId) as IterableIterator<ResponseRow>;
		const text = writer(req, asIs);
		let batch: (string | number)[][] = [];
		for (const [id, version, versionId, channel, language, day, synthetic, answers] of responses) {
			const byKey = questions.get(versionId);
			forEachAnswer(answers, (a) => {
				const q = byKey?.get(a.questionKey);
				const label = a.code !== null && q && 'options' in q ? (q.options.find((o) => o.code === a.code)?.label.ja ?? '') : '';
				const status = a.status === 'invalid' ? INVALID_CELL : '';
				batch.push([id, version, channel, language, day, synthetic, a.questionKey, a.rowKey, a.code ?? '', label, a.number ?? '', text(a.text ?? ''), status, a.skipped]);
			});
			if (batch.length >= BATCH) (yield line(batch), (batch = []));
		}
		if (batch.length) yield line(batch);
		return;
	}
	// Each cell is written as CSV text once (csvCell, papaparse's rules) and the row joined,
	// instead of papaparse testing every cell.
	let batch = '';
	let count = 0;
	for (const row of wideRows(db, reader, req, csvCell)) {
		batch += row.join(',') + '\r\n';
		if (++count === BATCH) (yield batch, (batch = ''), (count = 0));
	}
	if (batch) yield batch;
}

/** The sheets of an export's workbook, made from the rows its CSV is made from. */
function* workbookSheets(db: DB, reader: Database.Database, req: ExportRequest): Generator<XlsxSheet> {
	if (req.kind === 'codebook') yield { name: 'コードブック', rows: codebookTable(db, req.surveyId), header: true, widths: [14, 12, 10, 10, 48, 8, 16, 8, 32, 40] };
	else if (req.kind === 'aggregate')
		yield { name: '単純集計', rows: aggregateRows(db, req, surveys.getById(db, req.surveyId)!.minCellSize), header: true, widths: [12, 10, 48, 24, 10, 10, 10, 10, 30, 40] };
	else if (req.kind === 'wide') {
		yield { name: '個票', rows: wideRows(db, reader, req, asIs), header: true, inlineStrings: true };
		yield { name: '値ラベル', rows: valueLabelRows(wideVariables(surveys.publishedDocuments(db, req.surveyId).newest, hasWeights(db, req.surveyId))), header: true, widths: [14, 48, 8, 32] };
	} else throw new Error(`no workbook for the ${req.kind} export`);
}

/** A response as the exports read it: its columns in order, then its answers as stored. */
type ResponseRow = [id: string, version: number, versionId: number, channel: string, language: string, day: string, synthetic: number, answers: string];

// CROSS JOIN: SQLite scans the response table straight through, already in id order, instead of
// looking each response up from an index and sorting them all before the first row.
export const responsesQuery = (leaveOutSynthetic = false) => `SELECT r.id, v.version, r.survey_version_id, r.channel, r.language, r.submitted_on, r.synthetic, r.answers
	FROM response r CROSS JOIN survey_version v ON v.id = r.survey_version_id
	WHERE v.survey_id = ?${leaveOutSynthetic ? ' AND r.synthetic = 0' : ''} ORDER BY r.id`;

/**
 * Every question's table (n and % of those it was shown to, with 不明 and 無回答), published as
 * every page publishes it (src/lib/analytics/published-tables.ts): hidden counts are the one
 * hidden mark, bases under 30 are marked 参考値, a mean only where it reveals nothing. Safe to
 * publish, unlike the raw exports.
 */
/** The note on a hidden count: what the mark means. */
const HIDDEN_NOTE = (k: number) => `${HIDDEN_MARK}：${k}人未満、またはほかの数字から計算できないよう伏せた値`;

/** The aggregate table's columns, units in their names: respondents (人) and percent (%). */
export const AGGREGATE_COLUMNS = ['question_key', 'row_key', 'question_ja', 'category', 'n（人）', 'percent（%）', 'mean', 'base（人）', 'percent_of', 'note'] as const;

function aggregateRows(db: DB, req: ExportRequest, k: number): (string | number)[][] {
	const mode = req.values;
	const rows: (string | number)[][] = [[...AGGREGATE_COLUMNS]];
	const data = dataset(db, req.surveyId);
	const all = select(data, NO_FILTERS);
	const selection = req.leaveOutSynthetic ? all.filter((i) => data.synthetic[i] === 0) : all;
	const mark = (n: number | null) => (n === null ? HIDDEN_MARK : n);
	for (const t of questionTables(data, selection)) {
		const p = publishTable(t, k, selection.length);
		const note = [p.reference ? '参考値' : '', p.withheld ? `回答者が${k}人未満のため非表示` : ''].filter(Boolean).join('・');
		const label = t.row ? `${t.question.label.ja}：${t.row.label}` : t.question.label.ja;
		p.categories.forEach((c) =>
			rows.push([
				t.question.key,
				t.row?.key ?? '',
				label,
				mode === 'labels' || typeof c.code === 'string' ? c.label : c.code,
				mark(c.n),
				c.n === null ? HIDDEN_MARK : c.percent === null ? '' : Math.round(c.percent * 10) / 10,
				'',
				mark(p.base),
				DENOMINATOR_NAMES[p.denominator],
				[note, c.n === null ? HIDDEN_NOTE(k) : ''].filter(Boolean).join('・')
			])
		);
		if (p.mean?.value != null) rows.push([t.question.key, t.row?.key ?? '', label, '平均', mark(p.mean.n), '', Math.round(p.mean.value * 100) / 100, mark(p.base), '', note]);
	}
	return rows;
}

/** A byte stream of the export; the reading connection closes when it ends or is cancelled. */
export function exportStream(db: DB, req: ExportRequest, databasePath = config.databasePath): ReadableStream<Uint8Array> {
	const reader = new Database(databasePath, { readonly: true, fileMustExist: true });
	const batches = csvBatches(db, reader, req);
	const { start, encode } = encoder(req.encoding);
	let started = false;
	return new ReadableStream<Uint8Array>({
		pull(controller) {
			try {
				if (!started && start.length) controller.enqueue(start);
				started = true;
				const next = batches.next();
				if (next.done) {
					reader.close();
					controller.close();
				} else controller.enqueue(encode(next.value));
			} catch (e) {
				reader.close();
				controller.error(e);
			}
		},
		cancel() {
			batches.return(undefined);
			reader.close();
		}
	});
}

/** The export as an Excel workbook (kinds in WORKBOOK_KINDS); the reading connection closes when it is written or cancelled. */
export function workbookStream(db: DB, req: ExportRequest, databasePath = config.databasePath): ReadableStream<Uint8Array> {
	const reader = new Database(databasePath, { readonly: true, fileMustExist: true });
	return xlsxStream(workbookSheets(db, reader, req), () => reader.close());
}

export interface Cp932Problem {
	where: string;
	characters: string[];
}

/** What would not survive Shift_JIS: the questionnaire's texts and every free-text answer exported. */
export function cp932Problems(db: DB, surveyId: number, kind: Kind, leaveOutSynthetic = false): Cp932Problem[] {
	const problems: Cp932Problem[] = [];
	const { newest } = surveys.publishedDocuments(db, surveyId);
	const add = (where: string, text: string) => {
		const characters = notInCp932(text);
		if (characters.length) problems.push({ where, characters });
	};
	for (const s of newest.sections)
		for (const q of s.questions) {
			add(`${q.key} の設問文`, q.label.ja);
			if ('options' in q) for (const o of q.options) add(`${q.key} の選択肢 ${o.code}`, o.label.ja);
			if (q.type === 'matrix') for (const r of q.rows) add(`${r.key} の行`, r.label.ja);
		}
	if (kind === 'codebook' || kind === 'aggregate') return problems;
	const stored = db
		.prepare(`SELECT r.answers FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?${leaveOutSynthetic ? ' AND r.synthetic = 0' : ''}`)
		.pluck()
		.iterate(surveyId) as IterableIterator<string>;
	let count = 0;
	for (const answers of stored)
		forEachAnswer(answers, ({ questionKey, text }) => {
			const characters = text === null ? [] : notInCp932(text);
			if (characters.length && count++ < 200) problems.push({ where: `${questionKey} の回答「${text!.slice(0, 20)}…」`, characters });
		});
	return problems;
}

/** The file's name: the survey, the kind and the day, and what it is (a Shift_JIS CSV says so). */
export function exportFileName(slug: string, kind: Kind, encoding: Encoding, now = new Date(), extension = 'csv'): string {
	return `${slug}_${kind}_${surveyDay(now)}${extension === 'csv' && encoding === 'cp932' ? '_sjis' : ''}.${extension}`;
}
