// The cross-tab a results page asks for: which variable by which (from the address), with the
// lists to choose from, and the same table as CSV rows for the aggregate download.
import type { Dataset } from '$lib/analytics/dataset';
import { canCross, canCrossBy, columnPercent, crossTab, rowPercent, weightedRowPercent, type CrossTab } from '$lib/analytics/crosstab';
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
	return crossTab(data, col, row, select(data, filters), k);
}

const pct = (x: number | undefined) => (x === undefined ? '' : Math.round(x * 10) / 10);

/** The cross-tab as CSV rows: counts, row %, column % (weighted row % when weighted), with suppression. */
export function crossTabRows(t: CrossTab, filterNote: string): unknown[][] {
	const hiddenCell = `<${t.k}`;
	const header = [t.by.label, ...t.columns.map((c) => c.label), '回答者数', '注'];
	const block = (title: string, value: (r: number, c: number) => unknown, total: (r: number) => unknown): unknown[][] => [
		[title],
		header,
		...t.rows.map((row, r) => [
			row.label,
			...t.columns.map((_, c) => (row.hidden[c] ? hiddenCell : value(r, c))),
			row.baseHidden ? hiddenCell : total(r),
			row.reference ? '参考値' : ''
		])
	];
	const rows: unknown[][] = [
		[`クロス集計：${t.of.label} × ${t.by.label}`],
		[filterNote || '絞り込みなし'],
		...block('人数', (r, c) => t.rows[r].counts[c], (r) => t.rows[r].base),
		['合計', ...t.columns.map((c) => (c.hidden ? hiddenCell : c.total)), t.total],
		[],
		...block('行％（回答者数に占める割合）', (r, c) => pct(rowPercent(t, r, c)), (r) => t.rows[r].base),
		[],
		...block('列％（各列の合計に占める割合）', (r, c) => pct(columnPercent(t, r, c)), () => '')
	];
	if (t.effectiveN !== undefined) rows.push([], ...block('ウェイト付き行％', (r, c) => pct(weightedRowPercent(t, r, c)), (r) => t.rows[r].base), ['有効標本数', Math.round(t.effectiveN)]);
	rows.push([]);
	if (t.chi) rows.push(['カイ二乗検定', `χ² = ${t.chi.statistic.toFixed(3)}`, `自由度 ${t.chi.df}`, `p = ${t.chi.p < 0.001 ? '< 0.001' : t.chi.p.toFixed(3)}`]);
	else if (t.multiple) rows.push(['複数回答のため、カイ二乗検定は行っていません。']);
	rows.push([`${t.k} 人未満のセルは「${hiddenCell}」と表示し、合計から逆算できないよう別のセルも伏せています。回答者 30 人未満の行は参考値です。`]);
	return rows;
}
