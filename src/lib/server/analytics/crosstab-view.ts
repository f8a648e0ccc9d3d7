// The cross-tab a results page asks for: which variable by which (from the address), with the
// lists to choose from, and the same table as the sheets of a workbook and as CSV rows for the
// downloads.
import type { Dataset } from '$lib/analytics/dataset';
import { canCross, canCrossBy, columnPercent, crossTab, rowPercent, totalPercent, weightedRowPercent, type CrossTab } from '$lib/analytics/crosstab';
import { HIDDEN_MARK, hiddenLegend } from '$lib/analytics/disclosure';
import { DENOMINATOR_NAMES } from '$lib/analytics/published-tables';
import { testSummary } from '$lib/analytics/test-summary';
import { select, type Filters } from '$lib/analytics/selection';

export interface CrossChoice {
	key: string;
	label: string;
}

export function crossChoices(data: Dataset): { by: CrossChoice[]; of: CrossChoice[] } {
	const list = (test: (v: Dataset['variables'][number]) => boolean) => data.variables.filter(test).map((v) => ({ key: v.key, label: v.label }));
	return { by: list(canCrossBy), of: list(canCross) };
}

/** The cross-tab named by `by` and `of` in the address, with sensible defaults (age group by internet use). */
export function requestedCrossTab(data: Dataset, params: URLSearchParams, filters: Filters, k: number): CrossTab | undefined {
	const { by, of } = crossChoices(data);
	const pick = (name: string, list: CrossChoice[], fallback: string) => {
		const wanted = params.get(name);
		return data.byKey.get(list.some((c) => c.key === wanted) ? wanted! : list.some((c) => c.key === fallback) ? fallback : (list[0]?.key ?? ''));
	};
	const row = pick('by', by, 'F1');
	const col = pick('of', of, 'D2');
	if (!row || !col) return undefined;
	return crossTab(data, col, row, select(data, filters), k, filters.base);
}

const pct = (x: number | null) => (x === null ? HIDDEN_MARK : Math.round(x * 10) / 10);
const mark = (n: number | null) => (n === null ? HIDDEN_MARK : n);

type Cell = string | number;
export interface CrossTabSheet {
	/** The sheet's tab in the workbook. */
	name: string;
	/** Its title, then its table (or its notes). */
	rows: Cell[][];
}

/**
 * The cross-tab as the tables of a workbook, one table to a sheet with its title above it and
 * units stated: counts, row %, column % (weighted row % when weighted), then the notes (filter,
 * denominator, tests, what the hidden mark means), with the disclosure control applied.
 */
export function crossTabSheets(t: CrossTab, filterNote: string): CrossTabSheet[] {
	const title = `クロス集計：${t.of.label} × ${t.by.label}`;
	const header = [t.by.label, ...t.columns.map((c) => c.label), '回答者数（人）', '注'];
	const table = (name: string, what: string, value: (r: number, c: number) => Cell, total: (r: number) => Cell, last: Cell[][]): CrossTabSheet => ({
		name,
		rows: [[`${title}　${what}`], header, ...t.rows.map((row, r) => [row.label, ...t.columns.map((_, c) => value(r, c)), total(r), row.reference ? '参考値' : '']), ...last]
	});
	const sheets = [
		table('人数', '人数（単位：人）', (r, c) => mark(t.rows[r].counts[c]), (r) => mark(t.rows[r].base), [['合計（回答者数、一人一回）', ...t.columns.map((c) => mark(c.total)), t.total]]),
		table('行％', '行％：回答者数に占める割合（単位：%）', (r, c) => pct(rowPercent(t, r, c)), (r) => mark(t.rows[r].base), [['合計', ...t.columns.map((_, c) => pct(totalPercent(t, c))), t.total]]),
		table('列％', '列％：各列の合計に占める割合（単位：%）', (r, c) => pct(columnPercent(t, r, c)), () => '', [])
	];
	if (t.effectiveN !== undefined) sheets.push(table('ウェイト付き行％', 'ウェイト付き行％（単位：%）', (r, c) => pct(weightedRowPercent(t, r, c)), (r) => mark(t.rows[r].base), []));
	const notes: Cell[][] = [[`${title}　注記`], [filterNote || '絞り込みなし'], [`割合の分母：${DENOMINATOR_NAMES[t.denominator]}`]];
	if (t.effectiveN !== undefined) notes.push(['有効標本数（人）', Math.round(t.effectiveN)]);
	for (const line of testSummary(t)) notes.push([line]);
	notes.push([`${hiddenLegend(t.k)}回答者 30 人未満の行は参考値です。`]);
	sheets.push({ name: '注記', rows: notes });
	return sheets;
}

/** The cross-tab as CSV rows: the workbook's sheets one after another, an empty row between two. */
export const crossTabRows = (t: CrossTab, filterNote: string): Cell[][] =>
	crossTabSheets(t, filterNote).flatMap((s, i) => [...(i ? [[]] : []), ...s.rows]);
