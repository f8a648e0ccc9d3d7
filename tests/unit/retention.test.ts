// Retention on a temporary SQLite file: the period runs from the deadline (or the day a survey
// was closed by hand), staff are warned once it has passed, and an administrator alone deletes
// the responses, in one audited action that leaves nothing of them in the file's bytes.
import { storedAnswer } from '../../src/lib/survey/stored-answers';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import { runAction } from './support/run-action';
import { storeWaiting } from './support/pool';

const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

let db: Database.Database;
let surveys: typeof import('../../src/lib/server/surveys');
let retention: typeof import('../../src/lib/server/retention');
let responses: typeof import('../../src/lib/server/responses');
let action: (event: never) => unknown;
let oldId: number;
let otherId: number;
const admin = { id: 0, email: 'admin@city.example', displayName: '管理', roles: ['admin'], mustChangePassword: false };
const designer = { id: 0, email: 'designer@city.example', displayName: '設計', roles: ['designer'], mustChangePassword: false };
const MARK = 'RETENTION-MARK-7Q';

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	surveys = await import('../../src/lib/server/surveys');
	retention = await import('../../src/lib/server/retention');
	responses = await import('../../src/lib/server/responses');
	const users = await import('../../src/lib/server/users');
	admin.id = await users.create(db, { ...admin, roles: ['admin'], password: 'hozon-kikan-admin-2026' });
	designer.id = await users.create(db, { ...designer, roles: ['designer'], password: 'hozon-kikan-design-2026' });
	surveys.installBundled(db);
	const bundled = surveys.findPublished(db, 'digital-2022')!;
	otherId = bundled.survey.id;
	// An FY2019 edition that closed at the end of January 2020.
	const created = surveys.create(db, { slug: 'digital-2019', fiscalYear: 2019, document: bundled.document });
	oldId = created.surveyId;
	surveys.publish(db, oldId, created.versionId, { closesAt: '2020-01-31T14:59:00Z' });
	for (const [surveyId, versionId] of [[oldId, created.versionId], [otherId, bundled.versionId]])
		for (let i = 0; i < 5; i++)
			responses.store(db, {
				surveyId, versionId, channel: 'web', language: 'ja', day: '2020-01-20',
				answers: [storedAnswer('F1', { code: 3 }), storedAnswer('C4', { text: `${MARK}-${surveyId}-${i}` })]
			});
	storeWaiting(db);
	action = (await import('../../src/routes/admin/(staff)/surveys/[id]/+page.server')).actions.deleteResponses as never;
});
afterAll(() => {
	db.close();
	temp.remove();
});

const fileBytes = () => Buffer.concat([fs.readFileSync(temp.file), fs.existsSync(`${temp.file}-wal`) ? fs.readFileSync(`${temp.file}-wal`) : Buffer.alloc(0)]);
const remove = (user: typeof admin, confirmSlug: string) =>
	runAction(action, { url: `http://localhost/admin/surveys/${oldId}`, fields: { confirmSlug }, params: { id: String(oldId) }, locals: { user: user as never } });

describe('the retention period', () => {
	it('runs from the deadline, or from the day a survey was closed by hand, for the years set', () => {
		const old = surveys.getById(db, oldId)!;
		expect(retention.retentionOf(db, old, new Date('2024-06-01T00:00:00Z'))).toMatchObject({ endsAt: '2025-01-31T14:59:00.000Z', due: false });
		expect(retention.retentionOf(db, old, new Date('2026-12-02T00:00:00Z'))).toMatchObject({ due: true });
		// Open with a deadline still ahead: not yet running.
		const open = surveys.getById(db, otherId)!;
		expect(retention.retentionOf(db, open, new Date('2026-12-02T00:00:00Z'))).toEqual({ endsAt: undefined, due: false, deletedAt: null });
		surveys.close(db, otherId);
		const closed = surveys.getById(db, otherId)!;
		expect(closed.closedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
		const ends = retention.retentionOf(db, { ...closed, closesAt: null }, new Date()).endsAt!;
		expect(new Date(ends).getUTCFullYear()).toBe(new Date(closed.closedAt!).getUTCFullYear() + 5);
		surveys.reopen(db, otherId);
		expect(surveys.getById(db, otherId)!.closedAt).toBeNull();
	});

	it('warns staff of every survey past it that still holds responses', () => {
		expect(retention.dueSurveys(db, new Date('2026-12-02T00:00:00Z'))).toEqual([{ id: oldId, slug: 'digital-2019', fiscalYear: 2019, endsAt: '2025-01-31T14:59:00.000Z' }]);
		expect(retention.dueSurveys(db, new Date('2024-12-02T00:00:00Z'))).toEqual([]);
	});

	it('refuses to delete before it has passed, and changes nothing', () => {
		expect(() => retention.deleteResponses(db, oldId, new Date('2024-06-01T00:00:00Z'))).toThrow(retention.RetentionError);
		expect(retention.heldResponses(db, oldId)).toBe(5);
	});
});

describe('deleting responses at the end of retention', () => {
	it('is for administrators only, and asks for the survey’s name first', async () => {
		await expect(remove(designer, 'digital-2019')).rejects.toSatisfy((e) => isHttpError(e) && e.status === 403);
		const { result } = await remove(admin, 'digital-2022');
		expect(isActionFailure(result) && result.status).toBe(400);
		expect(retention.heldResponses(db, oldId)).toBe(5);
	});

	it('deletes them in one audited action, and leaves none of their text in the file', async () => {
		db.pragma('wal_checkpoint(TRUNCATE)');
		expect(fileBytes().includes(`${MARK}-${oldId}-0`)).toBe(true);
		const { result } = await remove(admin, 'digital-2019');
		expect(isRedirect(result) && result.location).toBe(`/admin/surveys/${oldId}?done=responses-deleted`);
		expect(retention.heldResponses(db, oldId)).toBe(0);
		expect(db.prepare('SELECT count(*) FROM response WHERE answers LIKE ?').pluck().get(`%${MARK}-${oldId}-%`)).toBe(0);
		const bytes = fileBytes();
		for (let i = 0; i < 5; i++) expect(bytes.includes(`${MARK}-${oldId}-${i}`), `deleted answer ${i} in the file`).toBe(false);
		// The other survey's answers are untouched.
		expect(retention.heldResponses(db, otherId)).toBe(5);
		expect(bytes.includes(`${MARK}-${otherId}-0`)).toBe(true);
		const logged = db.prepare("SELECT actor, target, detail FROM audit_event WHERE action = 'survey.responses-deleted'").all();
		expect(logged).toEqual([{ actor: admin.email, target: 'survey:digital-2019', detail: JSON.stringify({ count: 5, retentionYears: 5 }) }]);
		expect(surveys.getById(db, oldId)!.responsesDeletedAt).toMatch(/^\d{4}-/);
		expect(retention.dueSurveys(db, new Date('2026-12-02T00:00:00Z'))).toEqual([]);
	});
});
