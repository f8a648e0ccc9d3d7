import { describe, expect, it } from 'vitest';
import { DRAFT_TTL_MS, clearDraft, loadDraft, purgeExpiredDrafts, randomKey, saveDraft, type Draft } from '../../src/lib/survey/draft';
import { decodeAnswers, encodeAnswers, storedAnswer, toAnswers, toStored } from '../../src/lib/survey/stored-answers';
import { forResident } from '../../src/lib/survey/for-resident';
import { RateLimiter } from '../../src/lib/server/rate-limit';
import { isSubmissionKey } from '../../src/lib/server/responses';
import { bundled } from './support/questionnaires';

class MemoryStorage {
	private items = new Map<string, string>();
	get length() {
		return this.items.size;
	}
	key = (i: number) => [...this.items.keys()][i] ?? null;
	getItem = (k: string) => this.items.get(k) ?? null;
	setItem = (k: string, v: string) => void this.items.set(k, v);
	removeItem = (k: string) => void this.items.delete(k);
}

const draft = (savedAt: number, versionId = 1): Draft => ({
	versionId,
	savedAt,
	key: randomKey(),
	consent: true,
	step: 2,
	values: { F1: '3', G2: ['1', '2'] }
});

describe('answers kept on the device', () => {
	it('come back after a reload, and are carried over to a new version from its first section', () => {
		const store = new MemoryStorage();
		const saved = draft(1_000);
		saveDraft(store, 'digital-2022', saved);
		expect(loadDraft(store, 'digital-2022', 1, 2_000)).toEqual(saved);
		expect(saved.step).toBe(2);
		expect(loadDraft(store, 'digital-2022', 2, 2_000)).toEqual({ ...saved, versionId: 2, step: 1, carriedOver: true });
		expect(store.length).toBe(1);
		// Not yet past the consent page: it stays there.
		saveDraft(store, 'digital-2022', { ...saved, step: 0 });
		expect(loadDraft(store, 'digital-2022', 2, 2_000)?.step).toBe(0);
	});

	it('expire after 7 days', () => {
		const store = new MemoryStorage();
		saveDraft(store, 'a', draft(0));
		expect(loadDraft(store, 'a', 1, DRAFT_TTL_MS + 1)).toBeUndefined();
		saveDraft(store, 'a', draft(0));
		saveDraft(store, 'b', draft(DRAFT_TTL_MS));
		store.setItem('unrelated', 'kept');
		purgeExpiredDrafts(store, DRAFT_TTL_MS + 1);
		expect([store.key(0), store.key(1)].sort()).toEqual(['survey-draft:b', 'unrelated']);
	});

	it('are removed at once on request, and a damaged one is discarded', () => {
		const store = new MemoryStorage();
		saveDraft(store, 'a', draft(0));
		clearDraft(store, 'a');
		expect(store.length).toBe(0);
		store.setItem('survey-draft:a', '{not json');
		expect(loadDraft(store, 'a', 1, 0)).toBeUndefined();
		expect(store.length).toBe(0);
	});

	it('carry a submission key the server accepts', () => {
		const key = randomKey();
		expect(isSubmissionKey(key)).toBe(true);
		expect(randomKey()).not.toBe(key);
	});
});

describe('answer rows', () => {
	it('round-trip every question type, with the "other" text on its option', () => {
		const doc = bundled();
		const answers = {
			F1: 7,
			D2: 4,
			D3: [2, 7],
			'D3.other': '時間がない',
			T1: { T1_1: 1, T1_5: 3 },
			C4: '一行目\n二行目',
			W1: 0
		};
		const stored = toStored(doc, answers);
		expect(stored).toContainEqual(storedAnswer('D3', { code: 7, text: '時間がない' }));
		expect(stored).toContainEqual(storedAnswer('W1', { number: 0 }));
		expect(stored.filter((a) => a.questionKey === 'T1')).toHaveLength(2);
		// Through the stored JSON and back.
		expect(toAnswers(doc, decodeAnswers(encodeAnswers(stored)))).toEqual(answers);
	});
});

describe('the questionnaire sent to a resident', () => {
	it('holds one language, without tags, scores or index rules', () => {
		const doc = forResident(bundled(), 'en');
		const json = JSON.stringify(doc);
		expect(doc.title).toEqual({ ja: expect.any(String), en: expect.stringContaining('Yamaguchi') });
		expect(json).not.toContain('"easy":');
		expect(json).not.toContain('"tags"');
		expect(json).not.toContain('"score"');
		expect(doc.index).toBeUndefined();
		const full = JSON.stringify(bundled()).length;
		expect(json.length).toBeLessThan(full * 0.75);
		expect(JSON.stringify(forResident(bundled(), 'ja')).length).toBeLessThan(full * 0.45);
	});
});

describe('the submission rate limit', () => {
	it('allows N submissions per window per client, then refuses until the window passes', () => {
		const limiter = new RateLimiter(2, 1000);
		expect(limiter.take('a', 0)).toBe(true);
		expect(limiter.take('a', 10)).toBe(true);
		expect(limiter.take('a', 20)).toBe(false);
		expect(limiter.take('b', 20)).toBe(true);
		expect(limiter.take('a', 1001)).toBe(true);
	});

	it('can be asked without using any allowance', () => {
		const limiter = new RateLimiter(1, 1000);
		expect(limiter.allows('a', 0)).toBe(true);
		expect(limiter.allows('a', 0)).toBe(true);
		limiter.take('a', 0);
		expect(limiter.allows('a', 10)).toBe(false);
		expect(limiter.allows('b', 10)).toBe(true);
		expect(limiter.allows('a', 1000)).toBe(true);
	});

	it('is off when the limit is 0', () => {
		const limiter = new RateLimiter(0, 1000);
		for (let i = 0; i < 100; i++) expect(limiter.take('a', i)).toBe(true);
	});
});
