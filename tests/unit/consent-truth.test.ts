// What the privacy notice says is stored is what the response table holds, from the one list
// the insert is built from (stored-data.ts): a column added to the table without the list, or
// to the list without the notice, fails here. And the notice's other promises come from the
// survey's settings, not from text that could say otherwise.
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import { insertResponse } from '../../src/lib/server/responses';
import { storedAnswer } from '../../src/lib/survey/stored-answers';
import { RESPONSE_COLUMNS, ON_DEVICE, PREFERENCE_DAYS } from '../../src/lib/survey/stored-data';
import { privacyNotice, retentionEnds, BUNDLED_CONTACT, needsFilling } from '../../src/lib/survey/privacy';
import { LANGUAGES } from '../../src/lib/survey/schema';
import { DRAFT_TTL_MS } from '../../src/lib/survey/draft';
import { tempDatabasePath } from './support/temp-db';

const temp = tempDatabasePath();
const db = openDatabase(temp.file);
surveys.installBundled(db, new Date('2026-12-02T03:00:00Z'));
const found = surveys.findPublished(db, 'digital-2022')!;
afterAll(() => {
	db.close();
	temp.remove();
});

describe('the privacy notice', () => {
	it('lists every column the response table stores, from the list the insert writes', () => {
		const columns = (db.prepare("SELECT name FROM pragma_table_info('response')").pluck().all() as string[]).sort();
		expect(RESPONSE_COLUMNS.map((c) => c.column).sort()).toEqual(columns);
		// The insert writes every listed column: a stored row has each of them set.
		const id = insertResponse(db, { versionId: found.versionId, channel: 'web', language: 'en', day: '2026-12-02' }, [
			storedAnswer('F1', { code: 3 })
		]);
		const row = db.prepare('SELECT * FROM response WHERE id = ?').get(id) as Record<string, unknown>;
		for (const { column } of RESPONSE_COLUMNS) expect(row[column], column).not.toBeNull();
		for (const lang of LANGUAGES) {
			const stored = privacyNotice(found.document, found.survey, lang, 'Asia/Tokyo').sections[1];
			expect(stored.items).toEqual(RESPONSE_COLUMNS.map((c) => c.told[lang]));
		}
	});

	it('says what stays on the device for as long as the code keeps it there', () => {
		const notice = privacyNotice(found.document, found.survey, 'ja', 'Asia/Tokyo');
		expect(notice.sections[3].items).toEqual(ON_DEVICE.map((d) => d.ja));
		expect(notice.sections[3].items!.join()).toContain(`${PREFERENCE_DAYS}日間`);
		expect(notice.sections[3].items!.join()).toContain(`最長${DRAFT_TTL_MS / 86_400_000}日間`);
	});

	it('gives the settings: minutes, deadline, retention, the smallest published group, the contact', () => {
		const s = found.survey;
		// Installed on 2 December 2026: the deadline is the end of February 2027, Japan time.
		expect(s.closesAt).toBe('2027-02-28T14:59:00Z');
		expect(s).toMatchObject({ minutes: 10, retentionYears: 5, minCellSize: 10, contact: BUNDLED_CONTACT });
		const ja = privacyNotice(found.document, s, 'ja', 'Asia/Tokyo');
		expect(ja.summary).toContain('回答にかかる時間は 10 分ほど、期限は 2027年2月28日 23:59 です。');
		// Dates are read on the clock of the survey's time zone (SURVEY_TIME_ZONE), not Japan's always.
		expect(privacyNotice(found.document, s, 'ja', 'UTC').summary).toContain('回答にかかる時間は 10 分ほど、期限は 2027年2月28日 14:59 です。');
		expect(privacyNotice(found.document, s, 'en', 'America/New_York').summary.join()).toContain('9:59 on 28 February 2027');
		expect(ja.summary.join()).toContain('後から取り消したり直したりできません');
		expect(ja.summary.join()).toContain('紙の調査票のご希望');
		expect(ja.sections.find((x) => x.heading === '回答は任意です')!.paragraphs!.join()).toContain('紙の調査票でも回答できます');
		expect(ja.summary.at(-1)).toContain('山口市 総合政策部 スマートシティ推進室');
		expect(ja.summary.at(-1)).toContain('電話 083-000-0000 【市が記入】');
		expect(ja.sections.find((x) => x.heading === '保存する期間')!.paragraphs![0]).toContain('5 年間保存し、その後は消去します（2032年2月28日ごろ）');
		expect(ja.sections.find((x) => x.heading === '結果の公表')!.paragraphs![0]).toContain('10 人未満');
		const en = privacyNotice(found.document, { ...s, minCellSize: 5, retentionYears: 3 }, 'en', 'Asia/Tokyo');
		expect(en.sections.find((x) => x.heading === 'How long we keep them')!.paragraphs![0]).toContain('kept for 3 years');
		expect(en.sections.find((x) => x.heading === 'How results are published')!.paragraphs![0]).toContain('fewer than 5 people');
		expect(needsFilling(s.contact)).toBe(true);
		expect(needsFilling({ ...BUNDLED_CONTACT, phone: '083-934-2700', hours: { ja: '平日 8時30分〜17時15分' } })).toBe(false);
		expect(retentionEnds(null, 5)).toBeUndefined();
	});
});
