// The bundled survey with what a download has to carry: synthetic (demo) responses mixed with
// real ones, a paper questionnaire with unreadable (不明) and skipped answers, free text with
// line breaks, quotes and a leading "=", and population margins, so that it is weighted.
import type { DB } from '../../../src/lib/server/db';
import * as surveys from '../../../src/lib/server/surveys';
import * as responses from '../../../src/lib/server/responses';
import { saveMargins } from '../../../src/lib/server/analytics/weighting';
import { checkAnswers } from '../../../src/lib/survey/validate-answers';
import { checkPaper } from '../../../src/lib/survey/paper';
import { storeWaiting } from './pool';
import { seededRandom } from '../../../src/lib/seeded-random';
import { syntheticAnswers } from '../../../src/lib/survey/synthetic';
import { toStored } from '../../../src/lib/survey/stored-answers';

export const REAL = 240;
export const SYNTHETIC = 60;

/** Installs the bundled survey with REAL real and SYNTHETIC synthetic responses and an age × sex weighting; its id. */
export function exportSurvey(db: DB): number {
	surveys.installBundled(db);
	const found = surveys.findPublished(db, 'digital-2022')!;
	const surveyId = found.survey.id;
	// Generated answers: REAL − 3 stored as real, standing in for residents', and SYNTHETIC marked synthetic.
	const random = seededRandom(18);
	db.transaction(() => {
		for (let i = 0; i < REAL - 3 + SYNTHETIC; i++) {
			const answers = syntheticAnswers(found.document, random);
			const channel = i % 7 === 0 ? 'paper' : 'web';
			responses.insertResponse(db, { versionId: found.versionId, channel, language: 'ja', day: '2026-10-15', synthetic: i >= REAL - 3 }, toStored(found.document, answers));
		}
	})();
	const web = (values: Record<string, string | string[]>) => {
		const { answers, errors } = checkAnswers(found.document, values);
		if (Object.keys(errors).length) throw new Error(JSON.stringify(errors));
		responses.submit(db, { surveyId, versionId: found.versionId, document: found.document, answers, channel: 'web', language: 'ja', day: '2026-11-25' });
	};
	web({ F1: '8', F2: '2', F3: '20', F4: '1', D2: '5', D3: ['2', '7'], 'D3.other': '目が見えにくい、"老眼"です', C4: '公民館で\r\nスマホ教室を。髙橋より', W1: '5' });
	web({ F1: '3', F2: '1', F3: '17', F4: '3', D2: '1', A1: ['1', '2'], C4: '=1+1 は計算式ではありません', W1: '8' });
	const { answers } = checkPaper(found.document, { F1: '2 3', F2: '1', F3: '5', F4: '1', D2: '1', D3: '4', G2: '?', W1: '7' });
	responses.store(db, { surveyId, versionId: found.versionId, answers, channel: 'paper', language: 'ja', day: '2026-11-25' });
	storeWaiting(db);
	// Sex and age group as the city's register counts them (made up, in proportion).
	saveMargins(
		db,
		surveyId,
		[
			{ questionKey: 'F2', code: 1, population: 9200 },
			{ questionKey: 'F2', code: 2, population: 10400 },
			...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((code) => ({ questionKey: 'F1', code, population: 900 + code * 150 }))
		],
		'住民基本台帳（テスト）'
	);
	return surveyId;
}
