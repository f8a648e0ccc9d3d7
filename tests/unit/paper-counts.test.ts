// The paper entry page's counts, by how each questionnaire came in: typed in, imported from a
// CSV, or synthetic demo data made as if from paper; web responses are none of them.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';

// Before any import reads the configuration (imports are hoisted above plain statements).
const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

let db: Database.Database;
let surveyId: number;
let versionId: number;

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	const surveys = await import('../../src/lib/server/surveys');
	surveys.installBundled(db);
	const published = surveys.findPublished(db, 'digital-2022')!;
	surveyId = published.survey.id;
	versionId = published.survey.publishedVersionId!;
});
afterAll(() => {
	db.close();
	temp.remove();
});

describe('paper counts', () => {
	it('count typed, imported and synthetic questionnaires apart, today’s waiting ones too', async () => {
		const { paperCounts, storePaper } = await import('../../src/lib/server/paper-entries');
		const { addSynthetic } = await import('../../src/lib/server/synthetic-responses');
		const responses = await import('../../src/lib/server/responses');
		const { storedAnswer } = await import('../../src/lib/survey/stored-answers');
		const form = { answers: [storedAnswer('F1', { code: 3 })] };
		expect(paperCounts(surveyId)).toEqual({ typed: 0, imported: 0, synthetic: 0 });

		storePaper(surveyId, versionId, [form], 'paper');
		storePaper(surveyId, versionId, [form, form, form], 'import');
		responses.store(db, { surveyId, versionId, answers: form.answers, channel: 'web', language: 'ja', day: '2026-04-01' });
		// Waiting in the day's pool, not yet in the table.
		expect(paperCounts(surveyId)).toEqual({ typed: 1, imported: 3, synthetic: 0 });

		addSynthetic(db, surveyId, { count: 400, seed: 5, from: '2022-10-01', to: '2022-10-31' });
		const syntheticPaper = db
			.prepare("SELECT count(*) FROM response WHERE synthetic = 1 AND channel IN ('paper', 'import')")
			.pluck()
			.get() as number;
		expect(syntheticPaper).toBeGreaterThan(0);
		expect(paperCounts(surveyId)).toEqual({ typed: 1, imported: 3, synthetic: syntheticPaper });

		// Once the day's batch is stored, the same.
		responses.mixPool(db, '9999-12-31');
		expect(db.prepare('SELECT count(*) FROM response_pool').pluck().get()).toBe(0);
		expect(paperCounts(surveyId)).toEqual({ typed: 1, imported: 3, synthetic: syntheticPaper });
	});
});
