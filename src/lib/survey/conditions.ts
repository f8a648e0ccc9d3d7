// Evaluates `showIf` conditions and works out which sections and questions a resident sees.
// Answers to hidden questions do not count: a condition that names a hidden question sees it
// as unanswered, so a chain of conditions collapses the way a paper form's skip arrows do.
import type { Clause, Condition, Question, Questionnaire, Section } from './schema';
import { isAnswered, otherKey, type AnswerValue, type Answers } from './answers';

export function isClause(item: Clause | Condition): item is Clause {
	return 'op' in item;
}

/**
 * What a condition sees of one question (or matrix row) in one response. Both ways of testing a
 * condition — on one resident's answers here, and on the columns of every response in
 * src/lib/analytics/dataset.ts — describe what they hold in these terms, and `clauseHolds` is
 * the one definition of what each operator means, so the form and the results cannot disagree.
 */
export interface Seen {
	/** Answered at all: a code, a number, a text that is not blank, any row of a matrix. */
	answered: boolean;
	/** The codes chosen (a number question's value counts as its one "code", as on the form). */
	codes: readonly number[];
	/** The one number answered: a single choice's code, or a number or scale value. */
	value: number | undefined;
}

export const NOT_SEEN: Seen = Object.freeze({ answered: false, codes: Object.freeze([]), value: undefined });

export function clauseHolds(clause: Clause, seen: Seen): boolean {
	const { value, codes } = seen;
	switch (clause.op) {
		case 'answered':
			return seen.answered;
		case 'notAnswered':
			return !seen.answered;
		case 'equals':
			return clause.value !== undefined && codes.includes(clause.value);
		case 'oneOf':
			return codes.some((code) => clause.values?.includes(code));
		case 'noneOf':
			return !codes.some((code) => clause.values?.includes(code));
		case 'gt':
			return value !== undefined && clause.value !== undefined && value > clause.value;
		case 'gte':
			return value !== undefined && clause.value !== undefined && value >= clause.value;
		case 'lt':
			return value !== undefined && clause.value !== undefined && value < clause.value;
		case 'lte':
			return value !== undefined && clause.value !== undefined && value <= clause.value;
	}
}

/** What a clause sees of a resident's answers. */
export function seenIn(clause: Clause, answers: Answers): Seen {
	let value: AnswerValue | undefined = answers[clause.question];
	if (clause.row !== undefined) value = value && typeof value === 'object' && !Array.isArray(value) ? value[clause.row] : undefined;
	return {
		answered: isAnswered(value),
		codes: Array.isArray(value) ? value : typeof value === 'number' ? [value] : [],
		value: typeof value === 'number' ? value : undefined
	};
}

/** Whether a condition holds, each clause tested on what `see` says of its question. */
export function conditionHolds(condition: Condition | undefined, see: (clause: Clause) => Seen): boolean {
	if (!condition) return true;
	const test = (item: Clause | Condition) => (isClause(item) ? clauseHolds(item, see(item)) : conditionHolds(item, see));
	return 'all' in condition ? condition.all.every(test) : condition.any.some(test);
}

/** Whether a condition holds for one resident's answers. */
export const evalCondition = (condition: Condition | undefined, answers: Answers): boolean =>
	conditionHolds(condition, (clause) => seenIn(clause, answers));

export interface Visibility {
	sections: Set<string>;
	questions: Set<string>;
	/** The answers that count: those to visible questions only. */
	effective: Answers;
}

/** Walks the questionnaire in order, keeping only answers to questions the resident sees. */
export function resolveVisibility(doc: Questionnaire, answers: Answers): Visibility {
	const sections = new Set<string>();
	const questions = new Set<string>();
	const effective: Answers = {};
	for (const section of doc.sections) {
		if (!evalCondition(section.showIf, effective)) continue;
		sections.add(section.key);
		for (const q of section.questions) {
			if (!evalCondition(q.showIf, effective)) continue;
			questions.add(q.key);
			if (q.key in answers) effective[q.key] = answers[q.key];
			const other = otherKey(q.key);
			if (other in answers) effective[other] = answers[other];
		}
	}
	return { sections, questions, effective };
}

export function allQuestions(doc: Questionnaire): Question[] {
	return doc.sections.flatMap((s: Section) => s.questions);
}
