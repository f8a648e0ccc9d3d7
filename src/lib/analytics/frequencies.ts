// One table per question: how many of those the question was shown to chose each option, how
// many marks could not be read (不明, paper) and how many gave no answer (無回答). Respondents
// the conditions skipped are outside the base (非該当). Computed by
// src/lib/server/analytics/frequencies-sql.ts.
import type { Question } from '$lib/survey/schema';

export const NO_ANSWER = '無回答';
export const INVALID = '不明';

export interface Category {
	code: number | string;
	label: string;
	n: number;
}

export interface QuestionTable {
	question: Question;
	/** The matrix row, for a matrix question (one table per row). */
	row?: { key: string; label: string };
	/** Respondents the question was shown to. */
	base: number;
	categories: Category[];
	/** For numbers and scales: the values given. */
	summary?: { n: number; mean: number; min: number; max: number };
}

