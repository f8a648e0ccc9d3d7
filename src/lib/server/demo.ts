// Demonstration data: clearly labelled synthetic responses (synthetic = 1) for the bundled
// FY2022 survey and for a FY2023 demo edition cloned from it, so every chart, the index, the
// indicators and the year-over-year view have something to show. Never presented as real: every
// results page says how many synthetic responses it includes. `removeDemo` takes it all away.
import type { DB } from './db';
import * as surveys from './surveys';
import { addSynthetic, removeSynthetic, syntheticCount } from './synthetic-responses';

export const DEMO_SLUG = 'demo-2023';
const BUNDLED_SLUG = 'digital-2022';

export interface DemoSummary {
	edition2022: { surveyId: number; added: number };
	edition2023: { surveyId: number; added: number };
}

export function fillDemo(db: DB, count = 3000): DemoSummary {
	surveys.installBundled(db);
	const base = surveys.findPublished(db, BUNDLED_SLUG);
	if (!base) throw new Error(`the bundled survey /s/${BUNDLED_SLUG} is missing`);
	// A second run adds different responses: the seed moves on with what is there.
	const added2022 = addSynthetic(db, base.survey.id, { count, seed: 2022 + syntheticCount(db, base.survey.id), from: '2022-10-01', to: '2022-10-31', check: true });

	let demo = surveys.findPublished(db, DEMO_SLUG)?.survey;
	if (!demo) {
		const { surveyId } = surveys.clone(db, base.survey.id, { slug: DEMO_SLUG, fiscalYear: 2023 });
		const doc = surveys.draft(db, surveyId)!.document as { title: { ja: string; easy?: string; en?: string } };
		doc.title = {
			ja: '令和5年度 市民のデジタル活用に関するアンケート（デモ・合成データ）',
			easy: 'デジタルについての アンケート（れんしゅう用の データ）',
			en: 'FY2023 Digital Use Survey (demo, synthetic data)'
		};
		surveys.saveDraft(db, surveyId, doc);
		surveys.publishDraft(db, surveyId);
		// The demo edition takes no answers from residents; its public results page shows what residents would see.
		surveys.close(db, surveyId);
		db.prepare('UPDATE survey SET results_public = 1 WHERE id = ?').run(surveyId);
		demo = surveys.getById(db, surveyId)!;
	}
	const added2023 = addSynthetic(db, demo.id, { count, seed: 2023 + syntheticCount(db, demo.id), from: '2023-10-01', to: '2023-10-31', yearsLater: 1, check: true });
	return { edition2022: { surveyId: base.survey.id, added: added2022 }, edition2023: { surveyId: demo.id, added: added2023 } };
}

/** Deletes every synthetic response, and the demo edition when nothing real was answered to it. */
export function removeDemo(db: DB): { responses: number; demoSurveyRemoved: boolean } {
	return db.transaction(() => {
		const responses = removeSynthetic(db);
		const demo = db.prepare('SELECT id FROM survey WHERE slug = ?').get(DEMO_SLUG) as { id: number } | undefined;
		let demoSurveyRemoved = false;
		if (demo) {
			const real = db
				.prepare('SELECT count(*) FROM response r JOIN survey_version v ON v.id = r.survey_version_id WHERE v.survey_id = ?')
				.pluck()
				.get(demo.id) as number;
			if (real === 0) {
				db.prepare('UPDATE survey SET published_version_id = NULL WHERE id = ?').run(demo.id);
				db.prepare('DELETE FROM survey WHERE id = ?').run(demo.id);
				demoSurveyRemoved = true;
			}
		}
		return { responses, demoSurveyRemoved };
	})();
}
