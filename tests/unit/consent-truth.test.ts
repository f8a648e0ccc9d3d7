// What the bundled survey's consent page says is stored is what the response table holds:
// each column is named in the notice in every language, or is not about the resident at all.
// A column added without telling residents fails here.
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import template from '../../src/lib/survey/templates/digital-level-2022.json';
import { tempDatabasePath } from './support/temp-db';

const temp = tempDatabasePath();
afterAll(() => temp.remove());

/** How the notice names each column, per language; null: not information about the resident. */
const NAMED: Record<string, { ja: string; easy: string; en: string } | null> = {
	answers: { ja: 'ご回答の内容', easy: 'こたえ', en: 'Your answers' },
	submitted_on: { ja: '日付（年月日）', easy: 'なんねん なんがつ なんにち', en: 'the date (day, month and year)' },
	language: { ja: '回答に使った言葉', easy: 'つかった ことば', en: 'the language you answered in' },
	channel: { ja: '回答の方法', easy: 'こたえかた', en: 'how you answered' },
	survey_version_id: { ja: '調査票の版', easy: 'アンケートの かたちの ばんごう', en: 'the version of the questionnaire' },
	// A random number made for the row, not derived from anything about the resident.
	id: null,
	// Marks demonstration data made by the system; a resident's response is always 0.
	synthetic: null
};

describe('the consent notice of the bundled survey', () => {
	it('names every column the response table stores, in each language', async () => {
		process.env.DATABASE_PATH = temp.file;
		const { openDatabase } = await import('../../src/lib/server/db');
		const db = openDatabase(temp.file) as Database.Database;
		const columns = db.prepare("SELECT name FROM pragma_table_info('response')").pluck().all() as string[];
		db.close();
		expect(columns).toContain('language');
		expect(columns.filter((c) => !(c in NAMED))).toEqual([]);
		for (const [column, named] of Object.entries(NAMED))
			if (named) for (const lang of ['ja', 'easy', 'en'] as const) expect(template.consent.stored[lang], `${column} (${lang})`).toContain(named[lang]);
	});

	it('says what stays on the resident’s own device', () => {
		expect(template.consent.notStored.ja).toContain('端末（ブラウザ）の中だけ');
		expect(template.consent.notStored.en).toContain('stay only on your own device');
		expect(template.consent.stored.ja).not.toContain('だけを保存');
	});
});
