// The data of a survey's results page: responses by day, channel and language, every question's
// table, and the digital-maturity index (its levels, areas, and mean score by group), for the
// responses the filters select. Everything comes from the in-memory dataset, and every table
// leaves here published (disclosure control applied): a hidden count never reaches a page.
import { CHANNELS, RESPONSE_LANGUAGES, VALID, type Dataset, type NumberVariable } from '$lib/analytics/dataset';
import { questionTable, questionTables } from '$lib/analytics/frequencies';
import { publishMean, publishTable, type Denominator, type PublishedTable } from '$lib/analytics/published-tables';
import { meanBy, type GroupMean } from '$lib/analytics/means';
import { select, type Filters } from '$lib/analytics/selection';
import { areaKey, scoreKey } from '$lib/analytics/derived';
import { indexRule } from '$lib/analytics/maturity-index';
import { PERSONA_KEY } from '$lib/analytics/personas';
import { CHANNEL_NAMES, LANGUAGE_NAMES } from '$lib/analytics/labels';


/** Groups the index score is broken down by, when the questionnaire has them. */
const MEAN_GROUPS: [string, string][] = [
	['F1', '年齢'],
	['F2', '性別'],
	['F3', '地区'],
	[PERSONA_KEY, 'ペルソナ']
];

export interface IndexResults {
	name: string;
	note?: string;
	/** Who is excluded and who is 判定不能, in words. */
	rule: string;
	levels: PublishedTable;
	areas: PublishedTable[];
	score: PublishedTable;
	meansBy: { key: string; label: string; groups: GroupMean[] }[];
}

export interface Results {
	total: number;
	selected: number;
	weighted: boolean;
	days: { day: string; n: number }[];
	channels: { key: string; label: string; n: number }[];
	languages: { key: string; label: string; n: number }[];
	tables: PublishedTable[];
	index?: IndexResults;
}

export function indexResults(data: Dataset, selection: Int32Array, k: number, denominator: Denominator = 'shown'): IndexResults | undefined {
	const index = data.doc.index;
	if (!index) return undefined;
	const score = data.byKey.get(scoreKey(index)) as NumberVariable;
	const published = (key: string, base: Denominator) => publishTable(questionTable(data, data.byKey.get(key)!, selection), k, selection.length, base);
	return {
		name: index.name.ja,
		note: index.note?.ja,
		rule: indexRule(data.doc, index),
		// Levels and areas are shares of those judged: 判定不能 and areas left blank are counted apart.
		levels: published(index.key, 'answered'),
		areas: index.areas.map((a) => published(areaKey(index, a.key), 'answered')),
		score: publishMean(questionTable(data, score, selection), k),
		meansBy: MEAN_GROUPS.flatMap(([key, label]) => {
			const by = data.byKey.get(key);
			return by ? [{ key, label, groups: meanBy(data, score, by, selection, k) }] : [];
		})
	};
}

export function resultsOf(data: Dataset, filters: Filters, k: number, withIndex = true): Results {
	const selection = select(data, filters);
	const days = new Array<number>(data.days.length).fill(0);
	const channels = new Array<number>(CHANNELS.length).fill(0);
	const languages = new Array<number>(RESPONSE_LANGUAGES.length).fill(0);
	for (const i of selection) {
		days[data.day[i]]++;
		channels[data.channel[i]]++;
		languages[data.language[i]]++;
	}
	return {
		total: data.size,
		selected: selection.length,
		weighted: !!data.weights,
		days: data.days.map((day, n) => ({ day, n: days[n] })),
		channels: CHANNELS.map((key, n) => ({ key, label: CHANNEL_NAMES[key], n: channels[n] })),
		languages: RESPONSE_LANGUAGES.map((key, n) => ({ key, label: LANGUAGE_NAMES[key], n: languages[n] })),
		tables: questionTables(data, selection).map((t) => publishTable(t, k, selection.length, filters.base)),
		index: withIndex ? indexResults(data, selection, k, filters.base) : undefined
	};
}

/** Free-text answers (text questions and "other" options) of the selection, searched. */
export function freeTexts(data: Dataset, filters: Filters, key: string, query: string, limit = 200): { total: number; texts: string[] } {
	const v = data.byKey.get(key);
	if (!v) return { total: 0, texts: [] };
	const selection = select(data, filters);
	const q = query.trim().toLowerCase();
	const texts: string[] = [];
	let total = 0;
	for (const i of selection) {
		const t = v.texts.get(i);
		if (t === undefined || v.state[i] !== VALID || (q && !t.toLowerCase().includes(q))) continue;
		total++;
		if (texts.length < limit) texts.push(t);
	}
	return { total, texts };
}

/**
 * Variables with free text: text questions, and choices with an "other" option, each with how
 * many of the responses the filters select wrote something there.
 */
export function textVariables(data: Dataset, filters: Filters): { key: string; label: string; entries: number }[] {
	const selection = select(data, filters);
	return data.variables
		.filter((v) => !v.derived && (v.kind === 'text' || ((v.kind === 'code' || v.kind === 'multi') && v.options.some((o) => o.other))))
		.map((v) => {
			let entries = 0;
			for (const i of selection) if (v.texts.has(i) && v.state[i] === VALID) entries++;
			return { key: v.key, label: v.kind === 'text' ? v.label : `${v.label}（その他の記入）`, entries };
		});
}
