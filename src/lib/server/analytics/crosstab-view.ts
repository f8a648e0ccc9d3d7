// The cross-tab a results page asks for: which variable by which (from the address), with the
// lists to choose from, and the same table as the sheets of a workbook and as CSV rows for the
// downloads.
import type { Dataset } from '$lib/analytics/dataset';
import {
	canCross,
	canCrossBy,
	columnInterval,
	columnPercent,
	crossTab,
	rowInterval,
	rowPercent,
	totalInterval,
	totalPercent,
	weightedRowInterval,
	weightedRowPercent,
	type CrossTab
} from '$lib/analytics/crosstab';
import { INTERVAL_ASSUMPTION, INTERVAL_CAVEAT, type Interval } from '$lib/analytics/uncertainty';
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

type Cell = string | number;
export interface CrossTabSheet {
	/** The sheet's tab in the workbook. */
	name: string;
	/** Its title, then its table (or its notes). */
	rows: Cell[][];
}

const pct = (x: number | null) => (x === null ? HIDDEN_MARK : Math.round(x * 10) / 10);
const mark = (n: number | null) => (n === null ? HIDDEN_MARK : n);
/** A bound of a share's interval, to one place within 0–100; blank where there is no interval. */
const bound = (x: number | undefined) => (x === undefined ? '' : Math.round(Math.min(100, Math.max(0, x)) * 10) / 10);
/** A share and its interval's bounds: all three hidden with a hidden count, so a suppressed cell has no interval either. */
const withBounds = (share: number | null, ci: Interval | undefined, n: number | null): Cell[] =>
	n === null || share === null ? [HIDDEN_MARK, HIDDEN_MARK, HIDDEN_MARK] : [pct(share), bound(ci?.lower), bound(ci?.upper)];

/**
 * The cross-tab as the tables of a workbook, one table to a sheet with its title above it and
 * units stated: counts, row %, column % (weighted row % when weighted), each share followed by
 * its 95 % interval's 下限 and 上限, then the notes (filter, denominator, tests, what the hidden
 * mark means, what the intervals assume), with the disclosure control applied.
 */
export function crossTabSheets(t: CrossTab, filterNote: string): CrossTabSheet[] {
	const title = `クロス集計：${t.of.label} × ${t.by.label}`;
	const header = [t.by.label, ...t.columns.map((c) => c.label), '回答者数（人）', '注'];
	const boundsHeader = [t.by.label, ...t.columns.flatMap((c) => [c.label, `${c.label}（95%信頼区間の下限）`, `${c.label}（上限）`]), '回答者数（人）', '注'];
	const table = (name: string, what: string, head: Cell[], cells: (r: number) => Cell[], total: (r: number) => Cell, last: Cell[][]): CrossTabSheet => ({
		name,
		rows: [[`${title}　${what}`], head, ...t.rows.map((row, r) => [row.label, ...cells(r), total(r), row.reference ? '参考値' : '']), ...last]
	});
	const shares = (share: typeof rowPercent, interval: typeof rowInterval) => (r: number) =>
		t.columns.flatMap((_, c) => withBounds(share(t, r, c), interval(t, r, c), t.rows[r].counts[c]));
	const sheets = [
		table('人数', '人数（単位：人）', header, (r) => t.columns.map((_, c) => mark(t.rows[r].counts[c])), (r) => mark(t.rows[r].base), [['合計（回答者数、一人一回）', ...t.columns.map((c) => mark(c.total)), t.total]]),
		table('行％', '行％：回答者数に占める割合と 95% 信頼区間（単位：%）', boundsHeader, shares(rowPercent, rowInterval), (r) => mark(t.rows[r].base), [
			['合計', ...t.columns.flatMap((c, j) => withBounds(totalPercent(t, j), totalInterval(t, j), c.total)), t.total]
		]),
		table('列％', '列％：各列の合計に占める割合と 95% 信頼区間（単位：%）', boundsHeader, shares(columnPercent, columnInterval), () => '', [])
	];
	if (t.effectiveN !== undefined)
		sheets.push(table('ウェイト付き行％', 'ウェイト付き行％と 95% 信頼区間（線形化法、単位：%）', boundsHeader, shares(weightedRowPercent, weightedRowInterval), (r) => mark(t.rows[r].base), []));
	const notes: Cell[][] = [[`${title}　注記`], [filterNote || '絞り込みなし'], [`割合の分母：${DENOMINATOR_NAMES[t.denominator]}`]];
	if (t.effectiveN !== undefined) notes.push(['Kish の有効標本数（人、ウェイトのばらつきによる全体の目安）', Math.round(t.effectiveN)]);
	for (const line of testSummary(t)) notes.push([line]);
	notes.push([`${hiddenLegend(t.k)}回答者 30 人未満の行は参考値です。`]);
	notes.push([`${INTERVAL_ASSUMPTION}${INTERVAL_CAVEAT}割合の区間は Wilson 法、ウェイト付きは線形化法によります。`]);
	sheets.push({ name: '注記', rows: notes });
	return sheets;
}

/** The cross-tab as CSV rows: the workbook's sheets one after another, an empty row between two. */
export const crossTabRows = (t: CrossTab, filterNote: string): Cell[][] =>
	crossTabSheets(t, filterNote).flatMap((s, i) => [...(i ? [[]] : []), ...s.rows]);
