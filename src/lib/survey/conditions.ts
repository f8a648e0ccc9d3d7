// Evaluates `showIf` conditions and works out which sections and questions a resident sees.
// Answers to hidden questions do not count: a condition that names a hidden question sees it
// as unanswered, so a chain of conditions collapses the way a paper form's skip arrows do.
import type { Clause, Condition, Question, Questionnaire, Section } from './schema';
import { isAnswered, otherKey, type AnswerValue, type Answers } from './answers';

export function isClause(item: Clause | Condition): item is Clause {
	return 'op' in item;
}

function clauseValue(clause: Clause, answers: Answers): AnswerValue | undefined {
	const value = answers[clause.question];
	if (clause.row === undefined) return value;
	if (value && typeof value === 'object' && !Array.isArray(value)) return value[clause.row];
	return undefined;
}

export function evalClause(clause: Clause, answers: Answers): boolean {
	const value = clauseValue(clause, answers);
	const chosen: number[] = Array.isArray(value) ? value : typeof value === 'number' ? [value] : [];
	switch (clause.op) {
		case 'answered':
			return isAnswered(value);
		case 'notAnswered':
			return !isAnswered(value);
		case 'equals':
			return clause.value !== undefined && chosen.includes(clause.value);
		case 'oneOf':
			return chosen.some((code) => clause.values?.includes(code));
		case 'noneOf':
			return !chosen.some((code) => clause.values?.includes(code));
		case 'gt':
			return typeof value === 'number' && clause.value !== undefined && value > clause.value;
		case 'gte':
			return typeof value === 'number' && clause.value !== undefined && value >= clause.value;
		case 'lt':
			return typeof value === 'number' && clause.value !== undefined && value < clause.value;
		case 'lte':
			return typeof value === 'number' && clause.value !== undefined && value <= clause.value;
	}
}

export function evalCondition(condition: Condition | undefined, answers: Answers): boolean {
	if (!condition) return true;
	const test = (item: Clause | Condition) =>
		isClause(item) ? evalClause(item, answers) : evalCondition(item, answers);
	return 'all' in condition ? condition.all.every(test) : condition.any.some(test);
}

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
