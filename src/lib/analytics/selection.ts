// Which responses a results view counts: filters on choice questions (e.g. age group 70+ and
// district 徳地), channel and a date range, written into the URL so a view can be shared.
import { CHANNELS, VALID, type Dataset } from './dataset';

export interface Filters {
	/** Variable key → codes, any of which matches (a multiple choice: any of them chosen). */
	where: { key: string; codes: number[] }[];
	channels: string[];
	/** Days of receipt, YYYY-MM-DD, inclusive. */
	from?: string;
	to?: string;
	/** Not a filter but kept with them: shares of those who gave a valid answer (有効回答) instead of those shown the question. */
	base?: 'answered';
}

export const NO_FILTERS: Filters = { where: [], channels: [] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[A-Za-z][A-Za-z0-9_.]{0,64}$/;

/** Reads filters from a URL's query: `q.F1=7,8&q.F3=20&channel=paper&from=2022-10-01&to=…`. */
export function parseFilters(params: URLSearchParams): Filters {
	// `q.F1=8,9` and `q.F1=8&q.F1=9` (checkboxes) mean the same.
	const byKey = new Map<string, number[]>();
	for (const [name, value] of params) {
		if (!name.startsWith('q.')) continue;
		const key = name.slice(2);
		const codes = value
			.split(',')
			.map((s) => s.trim())
			.filter((s) => /^\d{1,4}$/.test(s))
			.map(Number);
		if (KEY.test(key) && codes.length) byKey.set(key, [...new Set([...(byKey.get(key) ?? []), ...codes])]);
	}
	const where = [...byKey].map(([key, codes]) => ({ key, codes }));
	const channels = params
		.getAll('channel')
		.flatMap((c) => c.split(','))
		.filter((c) => (CHANNELS as readonly string[]).includes(c));
	const day = (name: string) => {
		const v = params.get(name) ?? '';
		return DAY.test(v) ? v : undefined;
	};
	return { where, channels, from: day('from'), to: day('to'), ...(params.get('base') === 'answered' ? { base: 'answered' as const } : {}) };
}

/** The query string for filters (and any other parameters to keep), in a stable order. */
export function filtersToParams(filters: Filters, keep: Record<string, string | undefined> = {}): URLSearchParams {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries(keep)) if (v) params.set(k, v);
	for (const w of filters.where) params.set(`q.${w.key}`, w.codes.join(','));
	if (filters.channels.length) params.set('channel', filters.channels.join(','));
	if (filters.from) params.set('from', filters.from);
	if (filters.to) params.set('to', filters.to);
	if (filters.base) params.set('base', filters.base);
	return params;
}

export const hasFilters = (f: Filters) => f.where.length > 0 || f.channels.length > 0 || !!f.from || !!f.to;

/** The positions of the responses that pass every filter. Filters naming unknown variables match nothing. */
export function select(data: Dataset, filters: Filters): Int32Array {
	const keep = new Uint8Array(data.size).fill(1);
	for (const w of filters.where) {
		const v = data.byKey.get(w.key);
		if (!v || (v.kind !== 'code' && v.kind !== 'multi')) {
			keep.fill(0);
			break;
		}
		if (v.kind === 'code') {
			const wanted = new Set(w.codes);
			for (let i = 0; i < data.size; i++) if (v.state[i] !== VALID || !wanted.has(v.codes[i])) keep[i] = 0;
		} else {
			const arrays = w.codes.map((c) => v.chosen.get(c)).filter((a): a is Uint8Array => !!a);
			for (let i = 0; i < data.size; i++) if (!arrays.some((a) => a[i] === 1)) keep[i] = 0;
		}
	}
	if (filters.channels.length) {
		const wanted = new Set(filters.channels.map((c) => CHANNELS.indexOf(c as (typeof CHANNELS)[number])));
		for (let i = 0; i < data.size; i++) if (!wanted.has(data.channel[i])) keep[i] = 0;
	}
	if (filters.from || filters.to) {
		const inRange = data.days.map((d) => (!filters.from || d >= filters.from) && (!filters.to || d <= filters.to));
		for (let i = 0; i < data.size; i++) if (!inRange[data.day[i]]) keep[i] = 0;
	}
	let n = 0;
	for (let i = 0; i < data.size; i++) n += keep[i];
	const out = new Int32Array(n);
	for (let i = 0, j = 0; i < data.size; i++) if (keep[i]) out[j++] = i;
	return out;
}

export interface Choice {
	key: string;
	label: string;
	multiple: boolean;
	derived: boolean;
	options: { code: number; label: string }[];
}

/** The variables a filter can use: single and multiple choices, and derived categories. */
export function choices(data: Dataset): Choice[] {
	return data.variables.flatMap((v) =>
		v.kind === 'code' || v.kind === 'multi'
			? [{ key: v.key, label: v.label, multiple: v.kind === 'multi', derived: !!v.derived, options: v.options.map((o) => ({ code: o.code, label: o.label.ja })) }]
			: []
	);
}

/** One filter in words: 「F1 年齢：70〜74歳、75〜79歳」. */
export function describeFilter(choicesByKey: Map<string, Choice>, key: string, codes: number[]): string {
	const c = choicesByKey.get(key);
	return `${c?.label ?? key}：${codes.map((code) => c?.options.find((o) => o.code === code)?.label ?? code).join('、')}`;
}

/** All filters in words, for a downloaded table's note. */
export function describeFilters(list: Choice[], filters: Filters, channelNames: Record<string, string>): string {
	const byKey = new Map(list.map((c) => [c.key, c]));
	return [
		...filters.where.map((w) => describeFilter(byKey, w.key, w.codes)),
		...(filters.channels.length ? [`回答方法：${filters.channels.map((c) => channelNames[c] ?? c).join('、')}`] : []),
		...(filters.from || filters.to ? [`回答日：${filters.from ?? ''}〜${filters.to ?? ''}`] : [])
	].join(' ／ ');
}
