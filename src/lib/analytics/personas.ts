// The vision's personas, derived from the answers about the respondent rather than asked:
// 単身高齢者 (65+ living alone), 高齢者夫婦 (65+ couple), 子育て世代 (a child of high-school age or
// younger at home), 学生, ミドル世代 (40–64, none of the above), その他. The first that fits wins.
// Written as ordinary conditions on the stable keys F1 (age group), F4 (household), F5
// (children at home) and F6 (occupation), so they read like any skip rule.
import type { Clause, Condition } from '$lib/survey/schema';

const AGE_65_PLUS: Clause = { question: 'F1', op: 'oneOf', values: [7, 8, 9, 10] };

export const PERSONA_KEY = 'PERSONA';
export const PERSONA_LABEL = 'ペルソナ（属性から算出）';

export const PERSONAS: { code: number; label: string; condition?: Condition }[] = [
	{ code: 1, label: '単身高齢者', condition: { all: [AGE_65_PLUS, { question: 'F4', op: 'equals', value: 1 }] } },
	{ code: 2, label: '高齢者夫婦', condition: { all: [AGE_65_PLUS, { question: 'F4', op: 'equals', value: 2 }] } },
	{ code: 3, label: '子育て世代', condition: { all: [{ question: 'F5', op: 'oneOf', values: [1, 2, 3, 4] }] } },
	{ code: 4, label: '学生', condition: { all: [{ question: 'F6', op: 'equals', value: 4 }] } },
	{ code: 5, label: 'ミドル世代', condition: { all: [{ question: 'F1', op: 'oneOf', values: [4, 5, 6] }] } },
	{ code: 6, label: 'その他' }
];

/** The questions the personas read; a questionnaire without them has no personas. */
export const PERSONA_QUESTIONS = ['F1', 'F4'];
