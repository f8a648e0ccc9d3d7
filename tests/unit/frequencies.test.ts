// Two independent ways of counting every question's answers — over the dataset's columns, and
// one response at a time over each response's answers — must agree on generated responses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import * as responses from '../../src/lib/server/responses';
import { dataset } from '../../src/lib/server/analytics/dataset-cache';
import { questionTables } from '../../src/lib/analytics/frequencies';
import { NO_FILTERS, select } from '../../src/lib/analytics/selection';
import { FrequencyCounter } from './support/frequency-oracle';
import { checkAnswers } from '../../src/lib/survey/validate-answers';
import { syntheticValues } from '../../src/lib/survey/synthetic';
import { seededRandom } from '../../src/lib/seeded-random';
import type { Questionnaire } from '../../src/lib/survey/schema';
import { tempDatabasePath } from './support/temp-db';
import { storeWaiting } from './support/pool';

const temp = tempDatabasePath();
let db: DB;
let doc: Questionnaire;
let surveyId: number;

beforeAll(() => {
	db = openDatabase(temp.file);
	surveys.installBundled(db);
	const found = surveys.findPublished(db, 'digital-2022')!;
	doc = found.document;
	surveyId = found.survey.id;
	const random = seededRandom(7);
	for (let i = 0; i < 400; i++)
		responses.submit(db, {
			surveyId, versionId: found.versionId, document: doc, channel: 'web', language: 'ja', day: '2026-11-25',
			answers: checkAnswers(doc, syntheticValues(doc, random)).answers
		});
	storeWaiting(db);
});
afterAll(() => {
	db.close();
	temp.remove();
});

describe('frequency tables', () => {
	it('from the columns agree with counting each response on its own', () => {
		const counter = new FrequencyCounter(doc);
		const ids = db.prepare('SELECT id FROM response').pluck().all() as string[];
		for (const id of ids) counter.add(responses.read(db, id, doc)!.answers, new Set());
		const fromJs = counter.tables();
		const data = dataset(db, surveyId);
		const fromSql = questionTables(data, select(data, NO_FILTERS));
		const view = (tables: typeof fromJs) =>
			tables.map((t) => ({ key: t.row?.key ?? t.question.key, base: t.base, n: t.categories.map((c) => c.n), summary: t.summary && { ...t.summary, mean: t.summary.mean.toFixed(6), sd: t.summary.sd.toFixed(6) } }));
		expect(view(fromSql)).toEqual(view(fromJs));
		// The data really exercises the conditions: section A and D3 have smaller bases.
		const base = (key: string) => fromSql.find((t) => (t.row?.key ?? t.question.key) === key)!.base;
		expect(base('F1')).toBe(400);
		expect(base('A1')).toBeLessThan(400);
		expect(base('D3')).toBeGreaterThan(0);
		expect(base('A1') + base('D3')).toBe(400 - fromSql.find((t) => t.question.key === 'D2')!.categories.at(-1)!.n);
	});
});
