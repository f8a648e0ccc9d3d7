// Chart.js configurations for the results pages, built from the tables the server computed.
import type { ChartConfiguration } from 'chart.js';
import type { QuestionTable } from '$lib/analytics/frequencies';
import { share } from './format';

/** Okabe–Ito colours: told apart by colour-blind readers too; grey for 不明 and 無回答. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#8c6d31', '#6b6ecf', '#b5cf6b'];

const colour = (i: number) => PALETTE[i % PALETTE.length];

/** Categories without the 不明 and 無回答 tail (shown in the table, not drawn when empty). */
const drawn = (t: QuestionTable) => t.categories.filter((c, i) => i < t.categories.length - 2 || c.n > 0);

/** Horizontal bars: % of the base for each answer (and weighted %, when weighted). */
export function barConfig(t: QuestionTable): ChartConfiguration {
	const cats = drawn(t);
	const datasets: ChartConfiguration<'bar'>['data']['datasets'] = [
		{ label: '割合（%）', data: cats.map((c) => share(c.n, t.base)), backgroundColor: PALETTE[0] }
	];
	if (t.weighted) datasets.push({ label: 'ウェイト付き（%）', data: cats.map((c) => share(c.w ?? 0, t.weighted!.base)), backgroundColor: PALETTE[1] });
	return {
		type: 'bar',
		data: { labels: cats.map((c) => c.label), datasets },
		options: {
			indexAxis: 'y',
			scales: { x: { min: 0, max: t.multiple ? undefined : 100, title: { display: true, text: '%' } } },
			plugins: { legend: { display: !!t.weighted }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.x}%` } } }
		}
	} as ChartConfiguration;
}

/** 100 % stacked bars, one bar per table (matrix rows, a scale, the index areas). */
export function stackedConfig(tables: QuestionTable[], rowLabel: (t: QuestionTable) => string): ChartConfiguration {
	const first = tables[0];
	const cats = first.categories;
	const answered = (t: QuestionTable) => t.categories.slice(0, -2).reduce((s, c) => s + c.n, 0);
	return {
		type: 'bar',
		data: {
			labels: tables.map(rowLabel),
			datasets: cats.slice(0, -2).map((c, i) => ({
				label: c.label,
				data: tables.map((t) => share(t.categories[i].n, answered(t))),
				backgroundColor: cats.length - 2 > PALETTE.length ? `hsl(${210 - (i * 200) / (cats.length - 2)}, 65%, ${35 + (i * 30) / (cats.length - 2)}%)` : colour(i)
			}))
		},
		options: {
			indexAxis: 'y',
			scales: { x: { stacked: true, min: 0, max: 100, title: { display: true, text: '回答者に占める割合（%）' } }, y: { stacked: true } },
			plugins: { legend: { position: 'bottom' } }
		}
	};
}

/** A histogram of a number question. */
export function histogramConfig(t: QuestionTable): ChartConfiguration {
	const bins = t.histogram ?? [];
	return {
		type: 'bar',
		data: {
			labels: bins.map((b) => `${b.from}〜${b.to}`),
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

