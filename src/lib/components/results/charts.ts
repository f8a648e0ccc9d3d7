// Chart.js configurations for the results pages, built from the tables the server computed.
import type { ChartConfiguration } from 'chart.js';
import type { PublishedTable } from '$lib/analytics/published-tables';
import { HIDDEN_MARK } from '$lib/analytics/disclosure';

/** Okabe–Ito colours: told apart by colour-blind readers too; grey for 不明 and 無回答. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#8c6d31', '#6b6ecf', '#b5cf6b'];
/** The segment of a bar that stands for the hidden counts together. */
export const HIDDEN_COLOUR = '#9aa5b1';
export const HIDDEN_SERIES = `${HIDDEN_MARK}（伏せた区分の計）`;

const colour = (i: number) => PALETTE[i % PALETTE.length];
const tenth = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);
/** A category's label, marked when its count is hidden. */
const labelOf = (c: { label: string; n: number | null }) => (c.n === null ? `${c.label}（${HIDDEN_MARK}）` : c.label);

/** Categories drawn: the answers, and 不明 and 無回答 when on the base and not empty. */
const drawn = (t: PublishedTable) => t.categories.filter((c) => !c.missing || (t.denominator === 'shown' && c.n !== 0));

/** Horizontal bars: % of the base for each answer (and weighted %, when weighted); a hidden one has no bar. */
export function barConfig(t: PublishedTable): ChartConfiguration {
	const cats = drawn(t);
	const datasets: ChartConfiguration<'bar'>['data']['datasets'] = [{ label: '割合（%）', data: cats.map((c) => tenth(c.percent)), backgroundColor: PALETTE[0] }];
	if (t.effectiveN !== undefined) datasets.push({ label: 'ウェイト付き（%）', data: cats.map((c) => tenth(c.weightedPercent)), backgroundColor: PALETTE[1] });
	return {
		type: 'bar',
		data: { labels: cats.map(labelOf), datasets },
		options: {
			indexAxis: 'y',
			scales: { x: { min: 0, max: t.multiple ? undefined : 100, title: { display: true, text: '%' } } },
			plugins: { legend: { display: t.effectiveN !== undefined }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.x}%` } } }
		}
	} as ChartConfiguration;
}

/**
 * 100 % stacked bars of those who answered, one bar per table (matrix rows, a scale, the index
 * areas); the hidden counts of a bar are drawn together as one grey segment, so every bar is whole.
 */
export function stackedConfig(tables: PublishedTable[], rowLabel: (t: PublishedTable) => string): ChartConfiguration {
	const cats = tables[0].categories.filter((c) => !c.missing);
	const of = (t: PublishedTable, i: number) => tenth(t.answered ? shareOrNull(t.categories[i].n, t.answered) : null);
	const hiddenPart = (t: PublishedTable) => {
		if (!t.answered) return null;
		const valid = t.categories.filter((c) => !c.missing);
		if (!valid.some((c) => c.n === null)) return null;
		return tenth(((t.answered - valid.reduce((s, c) => s + (c.n ?? 0), 0)) / t.answered) * 100);
	};
	const datasets: ChartConfiguration<'bar'>['data']['datasets'] = cats.map((c, i) => ({
		label: c.label,
		data: tables.map((t) => of(t, i)),
		backgroundColor: cats.length > PALETTE.length ? `hsl(${210 - (i * 200) / cats.length}, 65%, ${35 + (i * 30) / cats.length}%)` : colour(i)
	}));
	if (tables.some((t) => hiddenPart(t) !== null)) datasets.push({ label: HIDDEN_SERIES, data: tables.map(hiddenPart), backgroundColor: HIDDEN_COLOUR });
	return {
		type: 'bar',
		data: { labels: tables.map(rowLabel), datasets: datasets as ChartConfiguration['data']['datasets'] },
		options: {
			indexAxis: 'y',
			scales: { x: { stacked: true, min: 0, max: 100, title: { display: true, text: '回答者に占める割合（%）' } }, y: { stacked: true } },
			plugins: { legend: { position: 'bottom' } }
		}
	};
}

const shareOrNull = (n: number | null, whole: number) => (n === null ? null : (n / whole) * 100);

/** A histogram of a number question; a hidden bin has no bar. */
export function histogramConfig(t: PublishedTable): ChartConfiguration {
	const bins = t.categories.filter((c) => !c.missing);
	return {
		type: 'bar',
		data: {
			labels: bins.map(labelOf),
			datasets: [{ label: '人数', data: bins.map((b) => b.n), backgroundColor: PALETTE[0], barPercentage: 1, categoryPercentage: 1 }]
		},
		options: { plugins: { legend: { display: false } }, scales: { y: { title: { display: true, text: '人数' } } } }
	};
}

/** Responses per day. */
export function lineConfig(days: { day: string; n: number }[]): ChartConfiguration {
	return {
		type: 'line',
		data: { labels: days.map((d) => d.day), datasets: [{ label: '回答数', data: days.map((d) => d.n), borderColor: PALETTE[0], backgroundColor: PALETTE[0] }] },
		options: { plugins: { legend: { display: false } }, scales: { y: { min: 0, title: { display: true, text: '件' } } } }
	};
}

/** Grouped bars: several series (editions, groups) over the same categories. */
export function groupedConfig(labels: string[], series: { label: string; data: (number | null)[] }[], axis = '%', horizontal = true): ChartConfiguration {
	return {
		type: 'bar',
		data: { labels, datasets: series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: colour(i) })) },
		options: {
			indexAxis: horizontal ? 'y' : 'x',
			scales: { [horizontal ? 'x' : 'y']: { min: 0, title: { display: true, text: axis } } },
			plugins: { legend: { display: series.length > 1, position: 'bottom' } }
		}
	};
}

