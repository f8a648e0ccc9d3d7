// The audit log never describes one response: paper questionnaires typed in or imported are
// counted per clerk per day, dated at the day's start, with nothing about their answers.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';
import { runAction } from './support/run-action';

// Before any import reads the configuration (imports are hoisted above plain statements).
const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

let db: Database.Database;
let surveyId: number;
let save: (event: never) => unknown;
let clerk: { id: number; email: string; displayName: string; roles: ['clerk']; mustChangePassword: false };

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	const surveys = await import('../../src/lib/server/surveys');
	const users = await import('../../src/lib/server/users');
	surveys.installBundled(db);
	surveyId = surveys.findPublished(db, 'digital-2022')!.survey.id;
	const id = await users.create(db, { email: 'clerk@city.example', displayName: '入力', roles: ['clerk'], password: 'kami-no-chousa-2026', mustChangePassword: false });
	clerk = { id, email: 'clerk@city.example', displayName: '入力', roles: ['clerk'], mustChangePassword: false };
	save = (await import('../../src/routes/admin/(staff)/paper/[id]/+page.server')).actions.save as never;
});
afterAll(() => {
	db.close();
	temp.remove();
});

const enter = (fields: Record<string, string>) =>
	runAction(save, { url: `http://localhost/admin/paper/${surveyId}`, fields, params: { id: String(surveyId) }, locals: { user: clerk as never } });

describe('paper entry in the audit log', () => {
	it('is one row per clerk and day with a count, dated at the start of the day', async () => {
		const forms: Record<string, string>[] = [
			{ F1: '3', F3: '20', D2: '1' },
			{ F1: '8', F3: '2', D2: '5', A1: '1 2 3', C4: '紙で答えました' },
			{ F1: '5', F3: '11', D2: '2', W1: '6' }
		];
		for (const form of forms) expect((await enter(form)).result).toEqual({ saved: true });
		// Taken, and waiting sealed for the day's batch.
		expect(db.prepare('SELECT count(*) FROM response_pool').pluck().get()).toBe(3);
		const rows = db.prepare("SELECT at, actor_id, detail FROM audit_event WHERE action = 'paper.entry'").all() as { at: string; actor_id: number; detail: string }[];
		expect(rows).toHaveLength(1);
		expect(rows[0].actor_id).toBe(clerk.id);
		// Only the count: not the answers, nor how many each form had.
		expect(JSON.parse(rows[0].detail)).toEqual({ count: 3 });
		// 00:00 in Japan, whatever the time of entry.
		expect(rows[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T15:00:00\.000Z$/);
	});
});
