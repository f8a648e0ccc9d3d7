// A dataset made in memory from hand-written answers, as the loader would make it from the
// database: through the same rows the submission stores.
import type { Questionnaire } from '../../../src/lib/survey/schema';
import type { Answers } from '../../../src/lib/survey/answers';
import { answersToRows } from '../../../src/lib/survey/answer-rows';
import { DatasetBuilder, type Dataset } from '../../../src/lib/analytics/dataset';
import { addDerivedVariables } from '../../../src/lib/analytics/derived';

export interface HandMade {
	answers: Answers;
	channel?: string;
	day?: string;
	/** Keys (or matrix row keys as 'T1.T1_2') marked 不明. */
	unreadable?: string[];
}

export function datasetOf(doc: Questionnaire, responses: HandMade[]): Dataset {
	const builder = new DatasetBuilder(doc, responses.length);
	for (const r of responses) {
		const i = builder.addResponse({ channel: r.channel ?? 'web', language: 'ja', day: r.day ?? '2022-10-01', synthetic: 0 });
		for (const row of answersToRows(doc, r.answers))
			builder.addAnswer(i, { question: row.questionKey, row: row.rowKey, code: row.code, number: row.number, text: row.text, unreadable: false });
		for (const key of r.unreadable ?? []) {
			const [question, row = ''] = key.split('.');
			builder.addAnswer(i, { question, row, code: null, number: null, text: null, unreadable: true });
		}
	}
	return addDerivedVariables(builder.finish());
}

/** n copies of the same answers. */
export const times = (n: number, r: HandMade): HandMade[] => Array.from({ length: n }, () => structuredClone(r));
