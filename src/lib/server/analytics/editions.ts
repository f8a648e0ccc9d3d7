// Editions of a survey across years (FY2022, its FY2023 clone, ...), linked by
// previous_edition_id, and what they share: the year-over-year view and the priority-project
// report both read them, each figure with its 95 % interval and each change between the last
// two editions with its interval and p (prop.test, Welch's t, or a z test with weights).
import type { DB } from '../db';
import * as surveys from '../surveys';
import * as projects from '../projects';
import { dataset } from './dataset-cache';
import type { Dataset } from '$lib/analytics/dataset';
import { NO_FILTERS, select } from '$lib/analytics/selection';
import { questionTable, type QuestionTable } from '$lib/analytics/frequencies';
import { headlineShare, publishMean, publishTable, shareFigures, type Denominator, type PublishedCategory, type PublishedTable } from '$lib/analytics/published-tables';
import { meanChange, shareChange, type Change, type Interval } from '$lib/analytics/uncertainty';
import { categoriesOf } from '$lib/analytics/crosstab';
import { indicatorValue, type IndicatorValue } from '$lib/analytics/indicators';
import type { Survey } from '../surveys';
import type { Questionnaire } from '$lib/survey/schema';
import { describeCondition } from '$lib/survey/describe-condition';

export interface Edition {
	id: number;
	fiscalYear: number;
	title: string;
	responses: number;
	k: number;
	/** Its shares are weighted (the survey has population margins). */
	weighted: boolean;
}

/** The survey and the editions before it, oldest first (published ones only). */
export function editionChain(db: DB, surveyId: number): Survey[] {
	const chain: Survey[] = [];
	const seen = new Set<number>();
	for (let s = surveys.getById(db, surveyId); s && !seen.has(s.id); s = s.previousEditionId ? surveys.getById(db, s.previousEditionId) : undefined) {
		seen.add(s.id);
		if (s.publishedVersionId) chain.unshift(s);
	}
	return chain.sort((a, b) => a.fiscalYear - b.fiscalYear);
}

function describe(db: DB, s: Survey, data: Dataset): Edition {
	return { id: s.id, fiscalYear: s.fiscalYear, title: surveys.publishedVersion(db, s.publishedVersionId!)!.title.ja, responses: data.size, k: s.minCellSize, weighted: !!data.weights };
}

/** A share (or mean) per edition as the year-over-year view shows it, with the change between the last two. */
export interface TrendFigures {
	/** Per edition: percent (a mean in its units), unrounded, weighted in a weighted edition; null where hidden; undefined where the edition lacks it. */
	shares: (number | null | undefined)[];
	/** Each shown figure's 95 % interval (Wilson or t; linearised in a weighted edition). */
	intervals: (Interval | undefined)[];
	/** Newest minus the one before, with its 95 % interval and p, when both are shown. */
	change?: Change;
}

export interface TrendQuestion {
	key: string;
	label: string;
	multiple: boolean;
	/** Respondents the question was shown to, per edition (undefined: the edition lacks it; null: hidden). */
	bases: (number | null | undefined)[];
	/** Shares in percent per category. */
	categories: ({ code: number; label: string } & TrendFigures)[];
	/** For a scale: its mean per edition. */
	mean?: TrendFigures;
	/** An option's wording differs between editions: compare with care. */
	reworded: boolean;
}

export interface Trend {
	editions: Edition[];
	questions: TrendQuestion[];
	index?: { levels: ({ label: string } & TrendFigures)[]; means: TrendFigures; assessed: (number | null)[] };
}

/** A category's share in each edition's table, its interval, and the change between the last two. */
function shareTrend(tables: (PublishedTable | undefined)[], pick: (t: PublishedTable) => PublishedCategory | undefined): TrendFigures {
	const cells = tables.map((t) => (t ? pick(t) : undefined));
	const shown = cells.map((c, e) => (c ? headlineShare(tables[e]!, c) : undefined));
	const [older, newer] = cells.slice(-2).map((c, e) => (c ? shareFigures(tables.at(-2 + e)!, c) : undefined));
	const change = older && newer ? shareChange(newer, older) : undefined;
	return { shares: shown.map((x) => x?.percent), intervals: shown.map((x) => x?.interval), ...(change ? { change } : {}) };
}

/** A mean in each edition (weighted where the edition is), its interval, and the change between the last two. */
function meanTrend(tables: ({ published: PublishedTable; summary: QuestionTable['summary'] } | undefined)[]): TrendFigures {
	const shown = tables.map((t) => {
		const m = t?.published.mean;
		if (!t || !m) return undefined;
		const weighted = t.published.effectiveN !== undefined;
		return weighted ? { value: m.weighted ?? null, interval: m.weightedInterval } : { value: m.value, interval: m.interval };
	});
	// Only means that are shown are compared.
	const figures = tables.slice(-2).map((t, e) => (shown.at(-2 + e)?.value != null ? t?.summary : undefined));
	const change = figures[0] && figures[1] ? meanChange(figures[1], figures[0]) : undefined;
	return { shares: shown.map((x) => (x ? x.value : undefined)), intervals: shown.map((x) => x?.interval), ...(change ? { change } : {}) };
}

/** Each question (and matrix row) that two or more editions share, as % of its base per edition, and the index. */
export function trend(db: DB, surveyId: number): Trend {
	const chain = editionChain(db, surveyId);
	const sets = chain.map((s) => dataset(db, s.id));
	const everyone = sets.map((d) => select(d, NO_FILTERS));
	const newest = sets.at(-1)!;
	// Each edition's table published with its own k; shares weighted where the edition is.
	const tabled = (e: number, v: Dataset['variables'][number], base: Denominator = 'shown') => {
		const table = questionTable(sets[e], v, everyone[e]);
		return { published: publishTable(table, chain[e].minCellSize, everyone[e].length, base), summary: table.summary };
	};
	const questions: TrendQuestion[] = [];
	for (const v of newest.variables) {
		if (v.derived || !categoriesOf(v)) continue;
		const matches = sets.map((d) => {
			const other = d.byKey.get(v.key);
			return other && other.kind === v.kind && other.question.type === v.question.type ? other : undefined;
		});
		if (matches.filter(Boolean).length < 2) continue;
		const both = matches.map((m, e) => (m ? tabled(e, m) : undefined));
		const tables = both.map((t) => t?.published);
		const cats = categoriesOf(v)!;
		const labelIn = (e: number, code: number) => {
			const m = matches[e];
			return m && (m.kind === 'code' || m.kind === 'multi') ? m.options.find((o) => o.code === code)?.label.ja : undefined;
		};
		questions.push({
			key: v.key,
			label: v.label,
			multiple: v.kind === 'multi',
			bases: tables.map((t) => t?.base),
			categories: cats.map((c) => ({ code: c.code, label: c.label, ...shareTrend(tables, (t) => t.categories.find((x) => x.code === c.code)) })),
			...(v.question.type === 'scale' ? { mean: meanTrend(both) } : {}),
			reworded: (v.kind === 'code' || v.kind === 'multi') && cats.some((c) => matches.some((m, e) => m && labelIn(e, c.code) !== undefined && labelIn(e, c.code) !== c.label))
		});
	}
	const index = newest.doc.index;
	let indexTrend: Trend['index'];
	if (index && sets.every((d) => d.byKey.has(index.key))) {
		// As on the index page: shares of those judged (判定不能 apart).
		const levels = sets.map((d, e) => tabled(e, d.byKey.get(index.key)!, 'answered').published);
		const scores = sets.map((d, e) => {
			const table = questionTable(d, d.byKey.get(`${index.key}_SCORE`)!, everyone[e]);
			return { published: publishMean(table, chain[e].minCellSize), summary: table.summary };
		});
		indexTrend = {
			levels: levels[levels.length - 1].categories
				.filter((c) => !c.missing)
				.map((c, n) => ({ label: c.label, ...shareTrend(levels, (t) => t.categories[n]) })),
			means: meanTrend(scores),
			assessed: scores.map((t) => t.published.mean?.n ?? 0)
		};
	}
	return { editions: chain.map((s, e) => describe(db, s, sets[e])), questions, index: indexTrend };
}

export interface ProjectReport {
	editions: Edition[];
	projects: {
		number: number;
		name: string;
		description: string;
		indicators: {
			name: string;
			unit: string;
			target: number | null;
			targetYear: number | null;
			definition: string;
			/** Who is counted, in words (everyone who answered, when empty). */
			base: string;
			values: IndicatorValue[];
			/** Newest minus the one before, in points, when both exist. */
			change?: number;
			/** That change's 95 % interval and p (prop.test of the unweighted values, as the change itself is). */
			changeTest?: Change;
		}[];
	}[];
}

/** What an indicator counts, in words: 「T2で「提供してよい」…と答えた方」 (level numbers for the index). */
function definitionOf(doc: Questionnaire, i: projects.Indicator): string {
	const asked = doc.sections.some((s) => s.questions.some((q) => q.key === i.questionKey));
	if (!asked) return `${i.questionKey} の段階 ${i.codes.join('・')}`;
	return describeCondition(doc, { all: [{ question: i.questionKey, ...(i.rowKey ? { row: i.rowKey } : {}), op: 'oneOf', values: i.codes }] }, 'ja');
}

/** An indicator whose stored base is not a condition: said so, counted in no edition. */
const UNREADABLE_BASE = '（保存されている対象の条件が読み取れません。重点プロジェクトの画面で条件を入力し直してください）';
const UNCOUNTABLE: IndicatorValue = { base: 0, n: 0, reference: true, uncountable: true };

/** Every priority project's indicators with their value in each edition, the change and the target. */
export function projectReport(db: DB, surveyId: number): ProjectReport {
	const chain = editionChain(db, surveyId);
	const sets = chain.map((s) => dataset(db, s.id));
	return {
		editions: chain.map((s, e) => describe(db, s, sets[e])),
		projects: projects.list(db).map((p) => ({
			number: p.number,
			name: p.name,
			description: p.description,
			indicators: p.indicators.map((i) => {
				const values = sets.map((d, e) => (i.unreadableBase ? UNCOUNTABLE : indicatorValue(d, i, chain[e].minCellSize)));
				const [before, last] = values.slice(-2).map((v) => v.value);
				const [older, newer] = values.slice(-2);
				const changeTest = values.length > 1 && before !== undefined && last !== undefined ? shareChange(newer, older) : undefined;
				return {
					name: i.name,
					unit: i.unit,
					target: i.target,
					targetYear: i.targetYear,
					definition: definitionOf(sets.at(-1)!.doc, i),
					base: i.unreadableBase ? UNREADABLE_BASE : i.base ? describeCondition(sets.at(-1)!.doc, i.base, 'ja') : '',
					values,
					change: values.length > 1 && before !== undefined && last !== undefined ? last - before : undefined,
					...(changeTest ? { changeTest } : {})
				};
			})
		}))
	};
}
