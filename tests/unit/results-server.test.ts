// Results on a real temporary SQLite file: the dataset cache follows new and removed responses
// and the weights; paper's 不明 and skipped answers; the demo data comes and goes; two editions
// give the year-over-year view and the priority-project report; old responses get their packed
// answers when migration 005 runs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, migrations, openDatabase, type DB } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import * as responses from '../../src/lib/server/responses';
import { dataset, loadDataset, warm } from '../../src/lib/server/analytics/dataset-cache';
import { clearMargins, saveMargins } from '../../src/lib/server/analytics/weighting';
import { fillDemo, removeDemo, DEMO_SLUG } from '../../src/lib/server/demo';
import { projectReport, trend } from '../../src/lib/server/analytics/editions';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';
import { questionTable, questionTables } from '../../src/lib/analytics/frequencies';
import { NO_FILTERS, select } from '../../src/lib/analytics/selection';
import { INVALID, NO_ANSWER } from '../../src/lib/analytics/frequencies';
import { independentChange, twoProportionTest, weightedShare } from '../../src/lib/analytics/intervals';
import { tempDatabasePath } from './support/temp-db';
import { databaseBefore } from './support/old-database';
import { storeWaiting } from './support/pool';
import { decodeAnswers, encodeAnswers, storedAnswer, type StoredAnswer } from '../../src/lib/survey/stored-answers';
import template from '../../src/lib/survey/templates/digital-level-2022.json';

let temp: ReturnType<typeof tempDatabasePath>;
let db: DB;
let surveyId: number;
let versionId: number;

beforeEach(() => {
	temp = tempDatabasePath();
	db = openDatabase(temp.file);
	surveys.installBundled(db);
	const found = surveys.findPublished(db, 'digital-2022')!;
	surveyId = found.survey.id;
	versionId = found.versionId;
});
afterEach(() => {
	db.close();
	temp.remove();
});

function web(answers: Record<string, unknown>) {
	responses.submit(db, { surveyId, versionId, document: surveys.publishedVersion(db, versionId)!, answers: answers as never, channel: 'web', language: 'ja', day: '2026-11-25' });
	storeWaiting(db);
}

describe('the dataset cache', () => {
	it('is reused while nothing changes and rebuilt when responses are added or removed', () => {
		web({ F1: 3, F3: 17, F4: 3, D2: 1 });
		const first = dataset(db, surveyId);
		expect(first.size).toBe(1);
		expect(dataset(db, surveyId)).toBe(first);
		web({ F1: 9, F3: 20, F4: 1, D2: 5 });
		const second = dataset(db, surveyId);
		expect(second).not.toBe(first);
		expect(second.size).toBe(2);
		addSynthetic(db, surveyId, { count: 5, seed: 1, from: '2026-11-01', to: '2026-11-02' });
		const grown = dataset(db, surveyId);
		expect(grown.size).toBe(7);
		// Appending the new responses gives the same tables as reading everything again: every
		// question's, with its base (who it was shown to), and the derived index and persona.
		const fresh = loadDataset(db, surveyId);
		const tables = (d: typeof fresh) =>
			JSON.stringify(d.variables.map((v) => questionTable(d, v, select(d, NO_FILTERS))).map((t) => [t.key, t.base, t.categories]));
		expect(grown.variables.filter((v) => v.derived).map((v) => v.key)).toEqual(expect.arrayContaining(['DSI', 'DSI_SCORE', 'DSI.safety', 'PERSONA']));
		expect(tables(grown)).toBe(tables(fresh));
		expect([...grown.days]).toEqual([...fresh.days]);
		db.prepare('DELETE FROM response WHERE synthetic = 1').run();
		expect(dataset(db, surveyId).size).toBe(2);
	});

	it('is read in steps on a connection of its own by warm(), and then used as it is', async () => {
		addSynthetic(db, surveyId, { count: 6000, seed: 3, from: '2026-10-01', to: '2026-10-31' });
		// Two pages asking at once share one reading.
		await Promise.all([warm(db, [surveyId]), warm(db, [surveyId])]);
		const warmed = dataset(db, surveyId);
		expect(warmed.size).toBe(6000);
		expect(dataset(db, surveyId)).toBe(warmed);
		const tables = (d: typeof warmed) => JSON.stringify(questionTables(d, select(d, NO_FILTERS)).map((t) => [t.key, t.base, t.categories]));
		expect(tables(warmed)).toBe(tables(loadDataset(db, surveyId)));
	}, 30_000);

	it('weights by the margins while they are saved, and stops when they are cleared', () => {
		for (let i = 0; i < 3; i++) web({ F1: 3, F2: 1, F3: 17, F4: 3, D2: 1 });
		web({ F1: 9, F2: 2, F3: 20, F4: 1, D2: 5 });
		expect(dataset(db, surveyId).weights).toBeUndefined();
		saveMargins(db, surveyId, [{ questionKey: 'F2', code: 1, population: 50 }, { questionKey: 'F2', code: 2, population: 50 }], '住民基本台帳');
		const weighted = dataset(db, surveyId);
		const t = questionTable(weighted, weighted.byKey.get('F2')!, select(weighted, NO_FILTERS));
		// Three men and one woman weighted to half and half.
		expect(t.categories[0].w).toBeCloseTo(2, 9);
		expect(t.categories[1].w).toBeCloseTo(2, 9);
		expect(t.weighted!.effectiveN).toBeCloseTo(3, 9);
		clearMargins(db, surveyId);
		expect(dataset(db, surveyId).weights).toBeUndefined();
	});

	it('counts paper 不明 apart from 無回答 and leaves answers the conditions skipped out', () => {
		responses.store(db, {
			surveyId,
			versionId,
			channel: 'paper',
			language: 'ja',
			day: '2026-11-25',
			answers: [
				storedAnswer('F1', { code: 9 }),
				storedAnswer('D2', { code: 1 }),
				storedAnswer('T2', { status: 'invalid' }),
				// D3 is for those who rarely use the internet: answered anyway, so flagged.
				storedAnswer('D3', { code: 2, skipped: 1 })
			]
		});
		storeWaiting(db);
		const data = dataset(db, surveyId);
		const all = select(data, NO_FILTERS);
		const t2 = questionTable(data, data.byKey.get('T2')!, all);
		expect(t2.categories.find((c) => c.code === INVALID)!.n).toBe(1);
		expect(t2.categories.find((c) => c.code === NO_ANSWER)!.n).toBe(0);
		const d3 = questionTable(data, data.byKey.get('D3')!, all);
		expect(d3.base).toBe(0);
		expect(d3.categories.reduce((s, c) => s + c.n, 0)).toBe(0);
	});
});

describe('demonstration data', () => {
	it('fills the 2022 survey and a 2023 demo edition, and removes only what it added', () => {
		web({ F1: 3, F3: 17, F4: 3, D2: 1 });
		const r = fillDemo(db, 60);
		expect(r.edition2022.added).toBe(60);
		const demo = surveys.findPublished(db, DEMO_SLUG)!;
		expect(demo.survey.status).toBe('closed');
		expect(demo.survey.previousEditionId).toBe(surveyId);
		expect(demo.document.title.ja).toContain('デモ・合成データ');
		expect(dataset(db, surveyId).size).toBe(61);

		const t = trend(db, demo.survey.id);
		expect(t.editions.map((e) => e.fiscalYear)).toEqual([2022, 2023]);
		expect(t.questions.map((q) => q.key)).toContain('D2');
		expect(t.index!.means.shares).toHaveLength(2);
		expect(t.index!.means.intervals).toHaveLength(2);
		const report = projectReport(db, demo.survey.id);
		const optIn = report.projects.find((p) => p.number === 1)!.indicators[0];
		expect(optIn.values).toHaveLength(2);
		expect(optIn.change).toBeCloseTo(optIn.values[1].value! - optIn.values[0].value!, 9);
		// The change's test: prop.test of the two editions' counts, as the change is of unweighted values.
		const [older, newer] = optIn.values;
		const test = twoProportionTest(newer.n, newer.base, older.n, older.base)!;
		expect(optIn.changeTest!.p).toBeCloseTo(test.p!, 12);
		expect([optIn.changeTest!.lower, optIn.changeTest!.upper]).toEqual([test.lower * 100, test.upper * 100]);
		expect(optIn.definition).toContain('T2');

		expect(removeDemo(db)).toEqual({ responses: 120, demoSurveyRemoved: true });
		expect(surveys.findPublished(db, DEMO_SLUG)).toBeUndefined();
		expect(dataset(db, surveyId).size).toBe(1);
	});
});

describe('the year-over-year view', () => {
	// Issue 14, problem 5: FY2022 D2 = 1 was 42.8 % there and 52.5 % on the weighted results page.
	it('is weighted in an edition with population margins, and says which editions are', () => {
		const r = fillDemo(db, 200);
		saveMargins(db, surveyId, [{ questionKey: 'F2', code: 1, population: 10 }, { questionKey: 'F2', code: 2, population: 90 }], '');
		const t = trend(db, r.edition2023.surveyId);
		expect(t.editions.map((e) => e.weighted)).toEqual([true, false]);
		const d = dataset(db, surveyId);
		const d2 = questionTable(d, d.byKey.get('D2')!, select(d, NO_FILTERS));
		const daily = d2.categories.find((c) => c.code === 1)!;
		const shares = t.questions.find((q) => q.key === 'D2')!.categories.find((c) => c.code === 1)!.shares;
		expect(shares[0]).toBeCloseTo((daily.w! / d2.weighted!.base) * 100, 9);
		expect(shares[0]).not.toBeCloseTo((daily.n / d2.base) * 100, 3);
		// Its interval is the weighted one; the change to the unweighted edition is the z test of the two.
		const figures = t.questions.find((q) => q.key === 'D2')!.categories.find((c) => c.code === 1)!;
		const weighted = weightedShare({ w: daily.w!, w2: daily.w2! }, { n: d2.base, w: d2.weighted!.base, w2: d2.weighted!.base2 }, d.size)!;
		expect(figures.intervals[0]!.lower).toBeCloseTo(weighted.lower * 100, 9);
		const d23 = dataset(db, r.edition2023.surveyId);
		const plain = questionTable(d23, d23.byKey.get('D2')!, select(d23, NO_FILTERS));
		const p = plain.categories.find((c) => c.code === 1)!.n / plain.base;
		const z = independentChange({ estimate: p * 100, se: 100 * Math.sqrt((p * (1 - p)) / plain.base) }, { estimate: weighted.estimate * 100, se: weighted.se * 100 });
		expect(figures.change!.p).toBeCloseTo(z.p!, 12);
	});
});

describe('migrations 005, 006 and 012', () => {
	it('pack the answers of responses stored before them, keep no arrival order, then keep the packed form alone', () => {
		const { db: old, remove } = databaseBefore('005');
		// The bundled survey as a database of that time held it (the settings of later migrations aside).
		const bundled = surveys.create(old, { slug: 'digital-2022', fiscalYear: 2022, document: template });
		surveys.publish(old, bundled.surveyId, bundled.versionId);
		old.prepare("INSERT INTO response (id, survey_version_id, channel, language, submitted_on) VALUES ('r1', 1, 'paper', 'ja', '2022-10-01')").run();
		const add = old.prepare('INSERT INTO answer (response_id, question_key, row_key, code, number, text, status, skipped) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
		add.run('r1', 'F1', '', 9, null, null, 'valid', 0);
		add.run('r1', 'T1', 'T1_2', 1, null, null, 'valid', 0);
		add.run('r1', 'W1', '', null, 7, null, 'valid', 0);
		add.run('r1', 'T2', '', null, null, null, 'invalid', 0);
		add.run('r1', 'C4', '', null, null, '紙の手続きも\n残してほしい', 'valid', 1);
		old.prepare("INSERT INTO response (id, survey_version_id, channel, language, submitted_on) VALUES ('r0', 1, 'web', 'ja', '2022-10-01')").run();
		add.run('r0', 'F1', '', 2, null, null, 'valid', 0);
		for (const m of migrations().filter((m) => m.name.startsWith('005') || m.name.startsWith('006'))) {
			old.exec(m.sql);
			old.prepare('INSERT INTO schema_migration (name) VALUES (?)').run(m.name);
		}
		// Answers are numbered within their response and kept in response-id order, with no rowid.
		expect(old.prepare('SELECT response_id, seq, question_key FROM answer ORDER BY response_id, seq').raw().all()).toEqual([
			['r0', 0, 'F1'],
			['r1', 0, 'F1'],
			['r1', 1, 'T1'],
			['r1', 2, 'W1'],
			['r1', 3, 'T2'],
			['r1', 4, 'C4']
		]);
		expect(() => old.prepare('SELECT rowid FROM answer').all()).toThrow();
		const packed = JSON.parse(old.prepare("SELECT answers FROM response WHERE id = 'r1'").pluck().get() as string);
		expect(packed).toEqual([
			['F1', '', 9],
			['T1', 'T1_2', 1],
			['W1', '', null, 7],
			['T2', '', null, null, null, 'invalid'],
			['C4', '', null, null, '紙の手続きも\n残してほしい', 'valid', 1]
		]);
		// The SQL of the migration packs exactly as the application does.
		const rows = old
			.prepare("SELECT question_key AS questionKey, row_key AS rowKey, code, number, text, status, skipped FROM answer WHERE response_id = 'r1' ORDER BY seq")
			.all() as StoredAnswer[];
		expect(packed).toEqual(JSON.parse(encodeAnswers(rows)));
		// 012 drops the rows once it has found every response's packed answers equal to them.
		expect(migrate(old)).toContain('012_one_stored_form_of_answers.sql');
		expect(old.prepare("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'answer%'").pluck().get()).toBe(0);
		expect(decodeAnswers(old.prepare("SELECT answers FROM response WHERE id = 'r1'").pluck().get() as string)).toEqual(rows);
		old.close();
		remove();
	});
});
