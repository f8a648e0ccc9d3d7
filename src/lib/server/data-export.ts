// Streams a survey's responses as CSV (wide, long) and its codebook, row by row from a
// read-only connection of its own, so 100,000 responses export in constant memory while the
// main connection goes on taking answers. Synthetic (demo) responses are left out when asked.
import Database from 'better-sqlite3';
import type { DB } from './db';
import { config } from './config';
import { surveyDay } from './today';
import * as surveys from './surveys';
import type { Questionnaire } from '$lib/survey/schema';
import { RESPONSE_COLUMNS, codebookRows, CODEBOOK_COLUMNS, INVALID_CELL, SKIPPED_COLUMN, wideColumns, wideFiller, type ValueMode } from '$lib/survey/export-columns';
import { csvCell, csvLines as line } from '$lib/csv';
import { forEachAnswer } from '$lib/survey/stored-answers';
import { dataset } from './analytics/dataset-cache';
import { questionTables } from '$lib/analytics/frequencies';
import { NO_FILTERS, select } from '$lib/analytics/selection';
import { HIDDEN_MARK } from '$lib/analytics/disclosure';
import { DENOMINATOR_NAMES, publishTable } from '$lib/analytics/published-tables';
import { encoder, notInCp932, type Encoding } from './csv/encoding';

export const KINDS = ['wide', 'long', 'codebook', 'aggregate'] as const;
export type Kind = (typeof KINDS)[number];

export interface ExportRequest {
	surveyId: number;
	kind: Kind;
	values: ValueMode;
	encoding: Encoding;
	/** Leave out the synthetic (demo) responses (fillDemo, addSynthetic): real answers only. */
	leaveOutSynthetic?: boolean;
}

/** Rows per CSV batch: large enough to be fast, small enough to keep memory flat. */
const BATCH = 1000;

/** Produces the CSV text of an export, batch by batch. */
function* csvBatches(db: DB, reader: Database.Database, req: ExportRequest): Generator<string> {
	const { byVersion, newest } = surveys.publishedDocuments(db, req.surveyId);
	if (req.kind === 'codebook') {
		yield line([[...CODEBOOK_COLUMNS], ...codebookRows(newest)]);
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
		let batch: (string | number)[][] = [];
		for (const [id, version, versionId, channel, language, day, synthetic, answers] of responses) {
			const byKey = questions.get(versionId);
			forEachAnswer(answers, (a) => {
				const q = byKey?.get(a.questionKey);
				const label = a.code !== null && q && 'options' in q ? (q.options.find((o) => o.code === a.code)?.label.ja ?? '') : '';
				const status = a.status === 'invalid' ? INVALID_CELL : '';
				batch.push([id, version, channel, language, day, synthetic, a.questionKey, a.rowKey, a.code ?? '', label, a.number ?? '', a.text ?? '', status, a.skipped]);
			});
			if (batch.length >= BATCH) (yield line(batch), (batch = []));
		}
		if (batch.length) yield line(batch);
		return;
	}
	const columns = wideColumns(newest);
	yield line([[...RESPONSE_COLUMNS, 'synthetic', ...columns.map((c) => c.name), SKIPPED_COLUMN]]);
	// One row per response with its answers packed as JSON when it was stored: far fewer rows to
	// step through in JavaScript than one per answer. Each cell is written as CSV text once
	// (csvCell, papaparse's rules) and the row joined, instead of papaparse testing every cell.
	const fill = wideFiller(columns, req.values, csvCell);
	const responses = reader.prepare(responsesQuery(req.leaveOutSynthetic)).raw().iterate(req.surveyId) as IterableIterator<ResponseRow>;
	let batch = '';
	let count = 0;
	for (const [id, version, , channel, language, day, synthetic, answers] of responses) {
		const response = [csvCell(id), version, csvCell(channel), csvCell(language), csvCell(day), synthetic].join(',');
		batch += response + ',' + fill(answers).join(',') + '\r\n';
		if (++count === BATCH) (yield batch, (batch = ''), (count = 0));
	}
	if (batch) yield batch;
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

function aggregateRows(db: DB, req: ExportRequest, k: number): (string | number)[][] {
	const mode = req.values;
	const rows: (string | number)[][] = [['question_key', 'row_key', 'question_ja', 'category', 'n', 'percent', 'base', 'percent_of', 'note']];
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
				mark(p.base),
				DENOMINATOR_NAMES[p.denominator],
				[note, c.n === null ? HIDDEN_NOTE(k) : ''].filter(Boolean).join('・')
			])
		);
		if (p.mean?.value != null) rows.push([t.question.key, t.row?.key ?? '', label, '平均', mark(p.mean.n), '', mark(p.base), '', `平均 ${p.mean.value.toFixed(2)}`]);
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

export function exportFileName(slug: string, kind: Kind, encoding: Encoding, now = new Date()): string {
	return `${slug}_${kind}_${surveyDay(now)}${encoding === 'cp932' ? '_sjis' : ''}.csv`;
}
