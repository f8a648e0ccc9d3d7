// A survey's public results as open data (/s/{slug}/opendata/tables.csv and tables.json): the
// very tables of the public results page (public-results.ts, small counts already hidden), one
// answer category a row, in the shape the Digital Agency asks of municipal open data
// (自治体標準オープンデータセット): UTF-8 with a header row, one datum per cell, the
// 全国地方公共団体コード first with the municipality's name, an ID that stays the same from one
// download to the next, dates as YYYY-MM-DD, units in the column names. Nothing the page does
// not show: a hidden count is an empty cell marked 秘匿, a withheld table one row saying so, no
// free text, no order of arrival. Pure: the route reads the survey and the page's tables.
import type { Language } from '$lib/survey/languages';
import { INVALID, NO_ANSWER } from './frequencies';
import type { ResultSection } from './public-results';

export const OPEN_DATA_LICENCE_IDS = ['CC-BY-4.0', 'CC0-1.0'] as const;
export type OpenDataLicence = (typeof OPEN_DATA_LICENCE_IDS)[number];
export const DEFAULT_LICENCE: OpenDataLicence = 'CC-BY-4.0';

/** Each licence as its deed names it, with the address of the deed in the reader's language. */
export const LICENCES: Record<OpenDataLicence, { name: Record<Language, string>; url: Record<Language, string> }> = {
	'CC-BY-4.0': {
		name: {
			ja: 'クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）',
			easy: 'クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）',
			en: 'Creative Commons Attribution 4.0 International (CC BY 4.0)'
		},
		url: {
			ja: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
			easy: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
			en: 'https://creativecommons.org/licenses/by/4.0/'
		}
	},
	'CC0-1.0': {
		name: {
			ja: 'CC0 1.0 全世界 パブリック・ドメイン提供',
			easy: 'CC0 1.0 全世界 パブリック・ドメイン提供',
			en: 'CC0 1.0 Universal (public domain dedication)'
		},
		url: {
			ja: 'https://creativecommons.org/publicdomain/zero/1.0/deed.ja',
			easy: 'https://creativecommons.org/publicdomain/zero/1.0/deed.ja',
			en: 'https://creativecommons.org/publicdomain/zero/1.0/'
		}
	}
};

/** What the files say of the survey besides its tables. */
export interface OpenDataSurvey {
	municipality: { code: string; name: string };
	slug: string;
	title: string;
	fiscalYear: number;
	/** First and last day of the responses counted, YYYY-MM-DD, as the results page gives them. */
	period?: { from: string; to: string };
	/** Responses counted, as the results page says. */
	respondents: number;
	/** Of them, synthetic demonstration responses (the page says so too). */
	synthetic: number;
	/** How it was handed out and answered, in words. */
	method: string;
	licence: OpenDataLicence;
	/** Counts under this are hidden. */
	minCellSize: number;
}

/** The CSV's columns, in order: the municipality first, then the survey, the question, the figure. */
export const OPEN_DATA_COLUMNS = [
	'全国地方公共団体コード',
	'ID',
	'地方公共団体名',
	'調査名',
	'調査年度',
	'調査期間開始日',
	'調査期間終了日',
	'回答者数（人）',
	'設問番号',
	'設問ID',
	'設問',
	'小問ID',
	'小問',
	'複数回答',
	'集計対象者数（人）',
	'参考値',
	'区分コード',
	'区分',
	'人数（人）',
	'割合（％）',
	'平均値',
	'秘匿'
] as const;

export interface OpenDataCategory {
	/** Stable: the table's key and the category ('F1-3', 'T1.T1_2-1', 'F1-no-answer'). */
	id: string;
	/** The questionnaire's option code; null for 不明, 無回答 and a number's range. */
	code: number | null;
	label: string;
	/** Null where the page shows the hidden mark. */
	n: number | null;
	/** To one decimal place, as the page shows it; null where hidden or outside the base. */
	percent: number | null;
	hidden: boolean;
}

export interface OpenDataTable {
	id: string;
	questionNumber: number;
	questionId: string;
	question: string;
	rowId: string | null;
	row: string | null;
	multiple: boolean;
	/** Null when fewer than k were asked (the table is then withheld). */
	base: number | null;
	reference: boolean;
	withheld: boolean;
	mean: number | null;
	/** Empty when withheld. */
	categories: OpenDataCategory[];
}

const oneDecimal = (p: number | null) => (p === null ? null : Math.round(p * 10) / 10);

/** A category's part of its ID: the option code, a range's lower end, or what is missing. */
function categoryId(code: number | string): string {
	if (code === INVALID) return 'unreadable';
	if (code === NO_ANSWER) return 'no-answer';
	return typeof code === 'number' ? String(code) : `from${code}`;
}

/** The results page's tables (in Japanese) as open-data tables. */
export function openDataTables(sections: ResultSection[]): OpenDataTable[] {
	return sections.flatMap((s) =>
		s.questions.flatMap((q) =>
			q.tables.map((t): OpenDataTable => {
				const rowId = t.key.includes('.') ? t.key.slice(t.key.indexOf('.') + 1) : null;
				return {
					id: t.key,
					questionNumber: q.number,
					questionId: q.key,
					question: q.label.text,
					rowId,
					row: t.row?.text ?? null,
					multiple: q.multiple,
					base: t.base,
					reference: t.reference,
					withheld: t.withheld,
					mean: t.mean,
					categories: t.withheld
						? []
						: t.items.map((i) => ({
								id: `${t.key}-${categoryId(i.code)}`,
								code: typeof i.code === 'number' ? i.code : null,
								label: i.label.text,
								n: i.n,
								percent: i.n === null ? null : oneDecimal(i.percent),
								hidden: i.n === null
							}))
				};
			})
		)
	);
}

const flag = (b: boolean) => (b ? 1 : 0);

/** The CSV's rows below its header: a category a row, a withheld table one row with its figures empty. */
export function openDataRows(survey: OpenDataSurvey, tables: OpenDataTable[]): (string | number | null)[][] {
	const head = (id: string) => [survey.municipality.code, id, survey.municipality.name, survey.title, survey.fiscalYear, survey.period?.from ?? null, survey.period?.to ?? null, survey.respondents];
	return tables.flatMap((t) => {
		const question = [t.questionNumber, t.questionId, t.question, t.rowId, t.row, flag(t.multiple), t.base, flag(t.reference)];
		if (t.withheld) return [[...head(t.id), ...question, null, null, null, null, null, 1]];
		return t.categories.map((c) => [...head(c.id), ...question, c.code, c.label, c.n, c.percent, t.mean, flag(c.hidden)]);
	});
}

/** The JSON file: what the survey is, under what licence, and its tables. */
export function openDataJson(survey: OpenDataSurvey, tables: OpenDataTable[]) {
	return {
		publisher: { localGovernmentCode: survey.municipality.code, name: survey.municipality.name },
		licence: { id: survey.licence, name: LICENCES[survey.licence].name.ja, url: LICENCES[survey.licence].url.ja },
		survey: {
			id: survey.slug,
			title: survey.title,
			fiscalYear: survey.fiscalYear,
			startDate: survey.period?.from ?? null,
			endDate: survey.period?.to ?? null,
			respondents: survey.respondents,
			syntheticResponses: survey.synthetic,
			method: survey.method
		},
		disclosure: {
			minCellSize: survey.minCellSize,
			note: `人数が ${survey.minCellSize} 人未満の区分と、ほかの数字から計算できないように伏せた区分は、人数と割合を示さず hidden を true にしています。集計対象者が 30 人未満の表は参考値（reference）です。`
		},
		tables
	};
}

/** How the survey reached residents and how they answered, in the page's words. */
export interface MethodFacts {
	/** Letters with invitation codes were mailed. */
	lettersWithCodes: boolean;
	/** Questionnaires were handed out without codes. */
	withoutCodes: boolean;
	/** Answered online; on paper (typed in or imported). */
	web: boolean;
	paper: boolean;
}
