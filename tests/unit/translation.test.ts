// Translation states: a translation made before its Japanese last changed is 要確認 until it is
// edited or confirmed; missing ones are 未入力; publishing waits for a confirmation naming them
// (on a temporary SQLite file, through the survey page's publish action).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import { runAction } from './support/run-action';
import type { ChoiceQuestion } from '../../src/lib/survey/schema';
import { bundled, small } from './support/questionnaires';
import {
	confirmTranslation,
	editText,
	gapsFingerprint,
	japaneseHash,
	translationGaps,
	translationState
} from '../../src/lib/survey/translation';
import { checkQuestionnaire } from '../../src/lib/survey/check-document';
import { forResident, shownInJapanese } from '../../src/lib/survey/for-resident';
import { wordProblems } from '../../src/lib/survey/places';

const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

let db: Database.Database;
let surveys: typeof import('../../src/lib/server/surveys');
let publish: (event: never) => unknown;
let load: (event: never) => unknown;
const designer = { id: 0, email: 'translator@city.example', displayName: '設計', roles: ['designer' as const], mustChangePassword: false };

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	surveys = await import('../../src/lib/server/surveys');
	const page = await import('../../src/routes/admin/(staff)/surveys/[id]/+page.server');
	publish = page.actions.publish as never;
	load = page.load as never;
	const users = await import('../../src/lib/server/users');
	designer.id = await users.create(db, { ...designer, password: 'honyaku-no-kakunin-2026' });
});
afterAll(() => {
	db.close();
	temp.remove();
});

describe('a translation’s state', () => {
	it('is 未入力 without it, OK when made from the Japanese beside it, 要確認 once the Japanese changes', () => {
		let text = editText({ ja: 'あなたの年齢を教えてください。' }, 'en', 'How old are you?');
		expect(translationState(text, 'easy')).toBe('missing');
		expect(translationState(text, 'en')).toBe('ok');
		expect(text.translatedFrom).toEqual({ en: japaneseHash('あなたの年齢を教えてください。') });
		text = editText(text, 'ja', '年齢をお答えください。');
		expect(translationState(text, 'en')).toBe('stale');
		// Put back as it was, the English says what the Japanese says again.
		expect(translationState(editText(text, 'ja', 'あなたの年齢を教えてください。'), 'en')).toBe('ok');
	});

	it('is OK again once the translator edits it or marks it checked', () => {
		const stale = editText(editText({ ja: '年齢' }, 'en', 'Age'), 'ja', 'ご年齢');
		expect(translationState(editText(stale, 'en', 'Your age'), 'en')).toBe('ok');
		const confirmed = confirmTranslation(stale, 'en');
		expect(translationState(confirmed, 'en')).toBe('ok');
		expect(confirmed.en).toBe('Age');
	});

	it('takes a translation from before the record existed as made from its Japanese, until that Japanese is edited', () => {
		const old = { ja: '性別', easy: 'せいべつ', en: 'Gender' };
		expect(translationState(old, 'en')).toBe('ok');
		const edited = editText(old, 'ja', '性別（任意）');
		expect(translationState(edited, 'en')).toBe('stale');
		expect(translationState(edited, 'easy')).toBe('stale');
	});

	it('drops the record of a translation that is cleared', () => {
		const text = editText(editText({ ja: '年齢' }, 'en', 'Age'), 'en', '');
		expect(text).toEqual({ ja: '年齢' });
	});
});

describe('the questionnaire format', () => {
	it('still loads documents without records, and keeps a valid record', () => {
		expect(checkQuestionnaire(bundled()).ok).toBe(true);
		const doc = bundled();
		doc.sections[0].questions[0].label = confirmTranslation(doc.sections[0].questions[0].label, 'en');
		const checked = checkQuestionnaire(doc);
		expect(checked.ok && checked.doc.sections[0].questions[0].label.translatedFrom).toEqual({ en: expect.stringMatching(/^[0-9a-f]{8}$/) });
		(doc.sections[0].questions[0].label.translatedFrom as Record<string, string>).fr = 'abcdef12';
		expect(checkQuestionnaire(doc).ok).toBe(false);
	});
});

describe('translation gaps', () => {
	it('lists missing and stale translations of the languages offered, in words', () => {
		const doc = small();
		doc.languages = ['ja', 'en'];
		for (const t of [doc.title, doc.consent.purpose, doc.consent.access, doc.consent.agree]) t.en = 'x';
		for (const s of doc.sections) {
			s.title.en = 'x';
			for (const q of s.questions) {
				q.label.en = 'x';
				if ('options' in q) for (const o of q.options) o.label.en = 'x';
				if (q.type === 'matrix') for (const r of q.rows) r.label.en = 'x';
				if (q.type === 'scale') delete q.minLabel, delete q.maxLabel;
			}
		}
		expect(translationGaps(doc)).toEqual([]);
		const q1 = doc.sections[0].questions[0];
		q1.label = editText(q1.label, 'ja', '使っていますか');
		if ('options' in q1) delete q1.options[1].label.en;
		const gaps = translationGaps(doc);
		expect(gaps.map((g) => g.state)).toEqual(['stale', 'missing']);
		expect(wordProblems(doc, gaps).map((w) => `${w.place}：${w.message}`)).toEqual([
			'Q1（使っていますか）の設問文：日本語が変わった後、英語の文言が確認されていません（要確認）。',
			'Q1（使っていますか）の選択肢2：英語の文言がありません（未入力）。'
		]);
		// やさしい日本語 is not offered: its absence is no gap.
		expect(gaps.every((g) => g.language === 'en')).toBe(true);
	});

	it('are none in the bundled template', () => {
		expect(translationGaps(bundled())).toEqual([]);
	});
});

describe('the resident’s page in a language', () => {
	it('keeps only the Japanese of an untranslated text, so the page can say it is shown in Japanese', () => {
		const doc = bundled();
		delete (doc.sections[0].questions[0] as ChoiceQuestion).options[1].label.en;
		doc.sections[0].questions[1].label = confirmTranslation(doc.sections[0].questions[1].label, 'en');
		const page = forResident(doc, 'en');
		const f1 = page.sections[0].questions[0];
		expect('options' in f1 && f1.options[1].label).toEqual({ ja: '20〜29歳' });
		expect(page.sections[0].questions[1].label.translatedFrom).toBeUndefined();
		expect(shownInJapanese('en', ...('options' in f1 ? f1.options.map((o) => o.label) : []))).toBe(true);
		expect(shownInJapanese('en', page.sections[0].questions[1].label)).toBe(false);
		expect(shownInJapanese('ja', { ja: 'だけ' })).toBe(false);
	});
});

describe('publishing with translations missing or stale', () => {
	const post = (surveyId: number, fields: Record<string, string> = {}) =>
		runAction(publish, {
			url: `http://localhost/admin/surveys/${surveyId}?/publish`,
			fields,
			params: { id: String(surveyId) },
			locals: { user: designer }
		});

	it('is refused until the designer confirms the very list shown, then publishes', async () => {
		const doc = bundled();
		const f1 = doc.sections[0].questions[0];
		f1.label = editText(f1.label, 'ja', 'あなたの年齢をお答えください。');
		const { surveyId } = surveys.create(db, { slug: 'stale-f1', fiscalYear: 2026, document: doc });

		expect(() => surveys.publishDraft(db, surveyId)).toThrow(surveys.UnconfirmedTranslationsError);
		const refused = await post(surveyId);
		expect(isActionFailure(refused.result)).toBe(true);
		expect((refused.result as { data: unknown }).data).toEqual({ confirmTranslations: true });

		// What the page lists, and the fingerprint its confirmation posts.
		const data = (await load({ params: { id: String(surveyId) }, locals: { user: designer }, url: new URL('http://localhost/') } as never)) as {
			draft: { translations: { gaps: { place: string; message: string; href: string }[]; fingerprint: string } };
		};
		const { gaps, fingerprint } = data.draft.translations;
		expect(gaps.map((g) => g.place)).toEqual(['F1（あなたの年齢をお答えください）の設問文', 'F1（あなたの年齢をお答えください）の設問文']);
		expect(gaps[0]).toMatchObject({ message: expect.stringContaining('やさしい日本語'), href: `/admin/surveys/${surveyId}/edit#question-F1` });

		// A confirmation of another list (the draft changed since) is not this one's.
		expect(isActionFailure((await post(surveyId, { confirmedGaps: gapsFingerprint([]) })).result)).toBe(true);
		expect(surveys.getById(db, surveyId)!.publishedVersionId).toBeNull();

		const confirmed = await post(surveyId, { confirmedGaps: fingerprint });
		expect(isRedirect(confirmed.result)).toBe(true);
		expect(surveys.getById(db, surveyId)!.status).toBe('open');
	});

	it('needs no confirmation when every translation is there and current', async () => {
		const { surveyId } = surveys.create(db, { slug: 'complete', fiscalYear: 2026, document: bundled() });
		expect(isRedirect((await post(surveyId)).result)).toBe(true);
	});
});
