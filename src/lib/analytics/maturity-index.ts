// The digital-maturity index (DSI-compatible, for reference) of one response, by the rules the
// questionnaire document carries: activities per area against the area's thresholds, the
// overall level from how many areas reach "basic", and a 0–100 score. Respondents the rules
// exclude (non-users who skip section A) are "not assessed", never counted as zero. A blank
// (or unreadable) answer is missing, not "no activity": every area question has its own
// 「どれもしていない」. An area whose question is blank is not judged, and a respondent with any
// area not judged, or with a blank or unreadable answer to the question that decides who is
// excluded (D2), is 判定不能（未回答あり）: counted apart, left out of level shares and means.
import type { Condition, MaturityIndex, Questionnaire } from '$lib/survey/schema';
import { describeCondition } from '$lib/survey/describe-condition';
import type { Answers } from '$lib/survey/answers';
import { evalCondition, isClause } from '$lib/survey/conditions';

export type AreaLevel = 0 | 1 | 2;

export type IndexResult =
	| { assessed: false; reason: 'excluded' }
	| { assessed: false; reason: 'incomplete'; areas: Record<string, AreaLevel> }
	| { assessed: true; areas: Record<string, AreaLevel>; level: string; score: number };

/** The questions a condition reads. */
export function conditionKeys(condition: Condition): string[] {
	const items = 'all' in condition ? condition.all : condition.any;
	return items.flatMap((item) => (isClause(item) ? [item.question] : conditionKeys(item)));
}

/** Activity points of an area: the options' scores (an option without one counts 1, "none" 0); undefined when unanswered. */
function points(area: MaturityIndex['areas'][number], answers: Answers, scores: Map<string, Map<number, number>>): number | undefined {
	const chosen = answers[area.question];
	if (!Array.isArray(chosen) || !chosen.length) return undefined;
	const table = scores.get(area.question);
	return chosen.reduce((sum, code) => sum + (table?.get(code) ?? 1), 0);
}

export function maturityIndex(
	index: MaturityIndex,
	answers: Answers,
	/** Per question: option code → points, from the questionnaire's options. */
	scores: Map<string, Map<number, number>>
): IndexResult {
	// Who is excluded cannot be told from a blank or unreadable answer.
	const undecided = conditionKeys(index.notAssessedIf).some((key) => answers[key] === undefined);
	if (!undecided && evalCondition(index.notAssessedIf, answers)) return { assessed: false, reason: 'excluded' };
	const areas: Record<string, AreaLevel> = {};
	let complete = !undecided;
	for (const area of index.areas) {
		const p = points(area, answers, scores);
		if (p === undefined) complete = false;
		else areas[area.key] = p >= area.aboveBasic ? 2 : p >= area.basic ? 1 : 0;
	}
	if (!complete) return { assessed: false, reason: 'incomplete', areas };
	const levels = index.areas.map((a) => areas[a.key]);
	const atLeastBasic = levels.filter((l) => l >= 1).length;
	const n = levels.length;
	const position = levels.every((l) => l === 2) ? 0 : atLeastBasic === n ? 1 : Math.min(index.levels.length - 1, 2 + (n - 1 - atLeastBasic));
	const score = (levels.reduce<number>((a, b) => a + b, 0) / n) * 50;
	return { assessed: true, areas, level: index.levels[position].key, score };
}

/** The points table of a questionnaire: every option's score (exclusive options count 0). */
export function scoreTable(doc: { sections: { questions: { key: string; options?: { code: number; score?: number; exclusive?: boolean }[] }[] }[] }): Map<string, Map<number, number>> {
	const table = new Map<string, Map<number, number>>();
	for (const s of doc.sections)
		for (const q of s.questions)
			if (q.options) table.set(q.key, new Map(q.options.map((o) => [o.code, o.score ?? (o.exclusive ? 0 : 1)])));
	return table;
}

/** The rule for who is excluded and who is 判定不能, in words, for the index page and the codebook. */
export function indexRule(doc: Questionnaire, index: MaturityIndex): string {
	const areas = index.areas.map((a) => a.question).join('・');
	const decides = [...new Set(conditionKeys(index.notAssessedIf))].join('・');
	return [
		`${describeCondition(doc, index.notAssessedIf, 'ja')}は「評価対象外（インターネット非利用）」として別に数え、0 点にはしていません。`,
		`${areas} は、どの設問にも「どれもしていない」の選択肢があるため、無回答は「活動なし」ではなく未回答として扱い、その領域は判定しません。`,
		`判定しない領域がある方と、${decides} が無回答または読み取れない（不明）方は「判定不能（未回答あり）」として人数を示し、段階の割合と平均得点から除いています。`
	].join('');
}
