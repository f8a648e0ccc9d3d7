// A dataset made in memory from hand-written answers, as the loader would make it from the
// database: through the same stored answers the submission stores.
import type { Questionnaire } from '../../../src/lib/survey/schema';
import type { Answers } from '../../../src/lib/survey/answers';
import { storedAnswer, toStored } from '../../../src/lib/survey/stored-answers';
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
		for (const a of toStored(doc, r.answers)) builder.addAnswer(i, a);
		for (const key of r.unreadable ?? []) {
			const [question, rowKey = ''] = key.split('.');
			builder.addAnswer(i, storedAnswer(question, { rowKey, status: 'invalid' }));
		}
	}
	return addDerivedVariables(builder.finish());
}

/** n copies of the same answers. */
export const times = (n: number, r: HandMade): HandMade[] => Array.from({ length: n }, () => structuredClone(r));
