// The digital-maturity index (DSI-compatible, for reference) of one response, by the rules the
// questionnaire document carries: activities per area against the area's thresholds, the
// overall level from how many areas reach "basic", and a 0–100 score. Respondents the rules
// exclude (non-users who skip section A) are "not assessed", never counted as zero.
import type { MaturityIndex } from '$lib/survey/schema';
import type { Answers } from '$lib/survey/answers';
import { evalCondition } from '$lib/survey/conditions';

export type IndexResult =
	| { assessed: false }
	| { assessed: true; areas: Record<string, 0 | 1 | 2>; level: string; score: number };

/** Activity points of an area: the options' scores (an option without one counts 1, "none" 0). */
function points(index: MaturityIndex, area: MaturityIndex['areas'][number], answers: Answers, scores: Map<string, Map<number, number>>): number {
	const chosen = answers[area.question];
	if (!Array.isArray(chosen)) return 0;
	const table = scores.get(area.question);
	return chosen.reduce((sum, code) => sum + (table?.get(code) ?? 1), 0);
}

export function maturityIndex(
	index: MaturityIndex,
	answers: Answers,
	/** Per question: option code → points, from the questionnaire's options. */
	scores: Map<string, Map<number, number>>
): IndexResult {
	if (evalCondition(index.notAssessedIf, answers)) return { assessed: false };
	const areas: Record<string, 0 | 1 | 2> = {};
	for (const area of index.areas) {
		const p = points(index, area, answers, scores);
		areas[area.key] = p >= area.aboveBasic ? 2 : p >= area.basic ? 1 : 0;
	}
	const levels = Object.values(areas);
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
