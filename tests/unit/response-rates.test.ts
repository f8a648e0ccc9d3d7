// Response rates against a real database: letters from batches of invitation codes (withdrawn
// ones left out) and the number handed out without codes, responses of every channel with
// synthetic ones left out, blank and unreadable questionnaires returned but not valid, and rates
// by the group each batch was drawn from, with small groups hidden as in every other table.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';

const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

let db: Database.Database;
let surveyId: number;
let versionId: number;

const TOKUJI = 20;
const OTHER = 17;

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	const surveys = await import('../../src/lib/server/surveys');
	const invitations = await import('../../src/lib/server/invitations');
	const responses = await import('../../src/lib/server/responses');
	const { storePaper } = await import('../../src/lib/server/paper-entries');
	const { addSynthetic } = await import('../../src/lib/server/synthetic-responses');
	const { storedAnswer } = await import('../../src/lib/survey/stored-answers');
	surveys.installBundled(db);
	const published = surveys.findPublished(db, 'digital-2022')!;
	surveyId = published.survey.id;
	versionId = published.survey.publishedVersionId!;

	// 100 letters to 徳地, 50 to another district, and 10 more to it that were all withdrawn.
	invitations.issue(db, surveyId, 100, '2022-09-20', { key: 'F3', code: TOKUJI });
	invitations.issue(db, surveyId, 50, '2022-09-20', { key: 'F3', code: OTHER });
	const { batchId } = invitations.issue(db, surveyId, 10, '2022-09-21', { key: 'F3', code: OTHER });
	expect(invitations.withdraw(db, surveyId, batchId)).toBe(10);

	const from = (district: number) => ({ answers: [storedAnswer('F3', { code: district }), storedAnswer('D2', { code: 1 })] });
	for (let i = 0; i < 12; i++) responses.store(db, { surveyId, versionId, answers: from(TOKUJI).answers, channel: 'web', language: 'ja', day: '2022-10-02' });
	storePaper(surveyId, versionId, Array.from({ length: 15 }, () => from(OTHER)), 'paper');
	storePaper(surveyId, versionId, Array.from({ length: 3 }, () => from(TOKUJI)), 'import');
	// Returned, but not valid: a blank questionnaire, and one whose only mark is unreadable.
	storePaper(surveyId, versionId, [{ answers: [] }, { answers: [storedAnswer('F1', { status: 'invalid' })] }], 'paper');
	addSynthetic(db, surveyId, { count: 80, seed: 3, from: '2022-10-01', to: '2022-10-31' });
	responses.mixPool(db, '9999-12-31');
});
afterAll(() => {
	db.close();
	temp.remove();
});

async function rates() {
	const surveys = await import('../../src/lib/server/surveys');
	const { warm, dataset } = await import('../../src/lib/server/analytics/dataset-cache');
	const { responseRatesOf } = await import('../../src/lib/server/analytics/response-rates');
	await warm(db, [surveyId]);
	return responseRatesOf(db, surveys.getById(db, surveyId)!, dataset(db, surveyId));
}

describe('response rates', () => {
	it('count letters less withdrawn codes, and responses by channel without the synthetic ones', async () => {
		const r = await rates();
		expect(r).toMatchObject({ distributed: 150, withCodes: 150, withoutCodes: 0, synthetic: 80 });
		expect(r.total).toMatchObject({ distributed: 150, collected: 32, valid: 30 });
		expect(r.total.rate).toBeCloseTo((32 / 150) * 100, 10);
		expect(r.total.validRate).toBeCloseTo(20, 10);
		expect(r.channels.map((c) => [c.key, c.label, c.collected, c.valid])).toEqual([
			['web', 'ウェブ', 12, 12],
			['paper', '紙（手入力）', 17, 15],
			['import', '紙（CSV取込）', 3, 3]
		]);
		expect(r.channels[1].rate).toBeCloseTo((17 / 150) * 100, 10);
	});

	it('give rates by the group each batch was drawn from, hiding a small group and its complement', async () => {
		const { isProtected, sumFact } = await import('../../src/lib/analytics/disclosure');
		const { groups } = await rates();
		expect(groups?.key).toBe('F3');
		// 15 from the other district, 15 from 徳地, and 2 who did not say: 2 is under k = 10, and one
		// 15 must go with it, or the total (32, shown) would give it away.
		expect(groups!.rows.map((x) => [x.key, x.distributed, x.collected])).toEqual([
			[String(OTHER), 50, null],
			[String(TOKUJI), 100, 15],
			['unknown', null, null]
		]);
		expect(groups!.rows[0].rate).toBeNull();
		expect(groups!.rows[1].rate).toBeCloseTo(15, 10);
		expect(groups!.hiding).toBe(true);
		// What a reader sees leaves each hidden count at least k values wide.
		const model = { values: [15, 15, 2, 32], fixed: [false, false, false, true], facts: [sumFact([0, 1, 2], 3)] };
		expect(isProtected(model, [true, false, true, false], 10)).toBe(true);
	});

	it('add what went out without codes, and then give no rates by group (those letters have none)', async () => {
		db.prepare('UPDATE survey SET distributed_without_codes = 50 WHERE id = ?').run(surveyId);
		try {
			const r = await rates();
			expect(r).toMatchObject({ distributed: 200, withoutCodes: 50, noGroups: 'without-codes' });
			expect(r.groups).toBeUndefined();
			expect(r.total.rate).toBeCloseTo(16, 10);
		} finally {
			db.prepare('UPDATE survey SET distributed_without_codes = 0 WHERE id = ?').run(surveyId);
		}
	});

	it('give no rates by group once a batch was drawn from everyone', async () => {
		const invitations = await import('../../src/lib/server/invitations');
		const { batchId } = invitations.issue(db, surveyId, 5, '2022-09-22');
		try {
			expect((await rates()).noGroups).toBe('mixed');
		} finally {
			db.prepare('DELETE FROM invitation_batch WHERE id = ?').run(batchId);
		}
	});

	it('come out as CSV rows of one datum each, the hidden counts as the hidden mark only', async () => {
		const { responseRateRows } = await import('../../src/lib/analytics/response-rates');
		const rows = responseRateRows(await rates(), '調査', 'x', '伏せています');
		expect(rows[1]).toEqual(['区分', '項目', '配布数', '回収数', '回収率（％）', '有効回収数', '有効回収率（％）']);
		expect(rows[2]).toEqual(['全体', '全体', 150, 32, 21.3, 30, 20]);
		expect(rows[4]).toEqual(['回答方法', '紙（手入力）', 150, 17, 11.3, 15, 10]);
		const groups = rows.filter((r) => String(r[0]).startsWith('抽出の層：'));
		expect(groups.map((r) => r.slice(1, 5))).toEqual([
			['小郡', 50, 'x', 'x'],
			['徳地', 100, 15, 15],
			['不明（無回答など）', '', 'x', 'x']
		]);
		// Neither hidden count (15 and 2) is written anywhere in the groups' rows.
		expect(groups.flat().filter((c) => c === 2)).toEqual([]);
		expect(rows.flat()).toContain('伏せています');
	});
});
