// The one CSV module: what it writes (formulas neutralised, CRLF) and how every upload is read
// (BOM dropped, UTF-8 or Shift_JIS as Japanese Excel saves it), the questionnaire sheet included.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isRedirect } from '@sveltejs/kit';
import type Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { csvCell, parseCsv, toCsv } from '../../src/lib/csv';
import { decodeUpload, encoder, notInCp932 } from '../../src/lib/server/csv/encoding';
import { csvToQuestionnaire, questionnaireToCsv } from '../../src/lib/survey/sheet';
import { readPaperCsv } from '../../src/lib/survey/paper-import';
import { readMargins } from '../../src/lib/analytics/margins';
import { checkQuestionnaire } from '../../src/lib/survey/check-document';
import type { Questionnaire } from '../../src/lib/survey/schema';
import { bundled, small } from './support/questionnaires';

// Before any import reads the configuration (imports are hoisted above plain statements).
const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

let db: Database.Database;
let create: (event: never) => unknown;
let designer: { id: number; email: string; displayName: string; roles: ['designer']; mustChangePassword: false };

beforeAll(async () => {
	db = (await import('../../src/lib/server/db')).db();
	const users = await import('../../src/lib/server/users');
	const id = await users.create(db, { email: 'd@city.example', displayName: '設計', roles: ['designer'], password: 'chousa-hyou-no-sekkei', mustChangePassword: false });
	designer = { id, email: 'd@city.example', displayName: '設計', roles: ['designer'], mustChangePassword: false };
	create = (await import('../../src/routes/admin/(staff)/surveys/+page.server')).actions.create as never;
});
afterAll(() => {
	db.close();
	temp.remove();
});

/** Bytes as Japanese Excel saves a CSV: Shift_JIS (CP932), no BOM. */
const asShiftJis = (csv: string) => encoder('cp932').encode(csv.replace(/^\uFEFF/, ''));
const asUtf8 = (csv: string, bom: boolean) => new Uint8Array(Buffer.from((bom ? '\uFEFF' : '') + csv.replace(/^\uFEFF/, ''), 'utf8'));

/** Posts the new-survey form with one uploaded file, as the browser does (multipart). */
async function upload(bytes: Uint8Array, slug: string): Promise<unknown> {
	const form = new FormData();
	for (const [k, v] of Object.entries({ source: 'csv', slug, fiscalYear: '2026', title: '', cloneOf: '' })) form.append(k, v);
	form.append('file', new File([new Uint8Array(bytes)], 'questionnaire.csv', { type: 'text/csv' }));
	const url = 'http://localhost/admin/surveys?/create';
	const event = { request: new Request(url, { method: 'POST', body: form }), url: new URL(url), params: {}, locals: { user: designer } };
	try {
		return await create(event as never);
	} catch (thrown) {
		if (isRedirect(thrown)) return thrown;
		throw thrown;
	}
}

const valid = (doc: unknown) => {
	const r = checkQuestionnaire(doc);
	if (!r.ok) throw new Error(JSON.stringify(r.problems));
	return r.doc;
};

const storedDocument = (slug: string) =>
	JSON.parse(
		db.prepare('SELECT v.document FROM survey_version v JOIN survey s ON s.id = v.survey_id WHERE s.slug = ?').pluck().get(slug) as string
	) as Questionnaire;

describe('a questionnaire CSV upload', () => {
	it('saved as Shift_JIS from Japanese Excel imports with its Japanese labels right', async () => {
		const doc = small();
		doc.title = { ja: '山口市 市民デジタル度調査（令和８年度）' };
		const [q1, , q3] = doc.sections[0].questions;
		q1.label = { ja: 'スマートフォンを使っていますか（髙橋さん宅の①〜③を含む）' };
		q3.label = { ja: '同居の人数は何人ですか' };
		if (q1.type === 'single') q1.options[0].label = { ja: 'はい、毎日使う' };
		// CP932 holds 〜 as ～ (its form of the same character), so that is what comes back.
		const expected = valid(JSON.parse(JSON.stringify(doc).replace(/\u301C/g, '\uFF5E')));
		const csv = questionnaireToCsv(doc);
		expect(notInCp932(csv.slice(1))).toEqual([]);
		const result = await upload(asShiftJis(csv), 'sjis-upload');
		expect(isRedirect(result)).toBe(true);
		const stored = storedDocument('sjis-upload');
		expect(stored.title.ja).toBe('山口市 市民デジタル度調査（令和８年度）');
		expect(stored.sections[0].questions[0].label.ja).toBe('スマートフォンを使っていますか（髙橋さん宅の①～③を含む）');
		expect(stored).toEqual(expected);
	});

	it('in UTF-8, with or without a BOM, still imports the same', async () => {
		const doc = small();
		for (const [slug, bom] of [['utf8-bom', true], ['utf8-plain', false]] as const) {
			// A title of its own each time: a second survey of the same title would be refused.
			doc.title = { ja: `文字コードの確認（${slug}）` };
			expect(isRedirect(await upload(asUtf8(questionnaireToCsv(doc), bom), slug))).toBe(true);
			expect(storedDocument(slug)).toEqual(valid(doc));
		}
	});
});

describe('the questionnaire CSV writer', () => {
	/** small() with labels a spreadsheet would run, and negative numbers. */
	function risky(): Questionnaire {
		const doc = small();
		const [q1, , q3] = doc.sections[0].questions;
		q1.label = { ja: '=HYPERLINK("http://example.com","押す")' };
		q1.help = { ja: '@SUM(A1)' };
		if (q1.type === 'single') {
			q1.options[0].label = { ja: '+81 の番号' };
			q1.options[1].label = { ja: '-いいえ' };
			q1.options[0].score = -1;
		}
		if (q3.type === 'number') q3.min = -5;
		return doc;
	}

	it('neutralises a formula the way every other export does, leaves numbers alone, and reads it back', () => {
		const csv = questionnaireToCsv(risky());
		for (const text of ['=HYPERLINK("http://example.com","押す")', '@SUM(A1)', '+81 の番号', '-いいえ']) {
			// Exactly the cell the exports and the audit download write.
			expect(csvCell(text)).toMatch(/^"'/);
			expect(csv).toContain(`,${csvCell(text)},`);
		}
		expect(csv).not.toMatch(/(^|,)=HYPERLINK|(^|,)@SUM/m);
		// A number stays a number: -5 and -1 as they are, not '-5.
		expect(csv).toContain(',-5,');
		expect(csv).toContain(',-1,');
		expect(csv).not.toContain("'-5");
		expect(csv).not.toContain("'-1");
		expect(csv.split('\r\n').length).toBe(questionnaireToCsv(small()).split('\r\n').length);

		// Reading the file back takes the ' off again: the same questionnaire, texts as they were.
		const back = csvToQuestionnaire(csv);
		if (!back.ok) throw new Error(JSON.stringify(back.problems));
		expect(back.doc).toEqual(risky());
		const q1 = back.doc.sections[0].questions[0];
		expect(q1.label.ja).toBe('=HYPERLINK("http://example.com","押す")');
		expect(q1.help?.ja).toBe('@SUM(A1)');
	});
});

describe('the one CSV reader', () => {
	const text = '設問,番号,ラベル\r\nF1,1,１８〜１９歳\r\n\r\nF1,2,"二十歳、""以上"""\r\n';
	const rows = [
		['設問', '番号', 'ラベル'],
		['F1', '1', '１８〜１９歳'],
		['F1', '2', '二十歳、"以上"']
	];

	it('drops a BOM and reads UTF-8 with or without one', () => {
		expect(parseCsv(decodeUpload(asUtf8(text, true)))).toEqual({ rows, problems: [] });
		expect(parseCsv(decodeUpload(asUtf8(text, false)))).toEqual({ rows, problems: [] });
		// A BOM left in the text (a file read as text elsewhere) is dropped too.
		expect(parseCsv('\uFEFF' + text).rows[0][0]).toBe('設問');
	});

	it('tells Shift_JIS from UTF-8 and reads it', () => {
		const sjis = asShiftJis(text);
		expect(Buffer.from(sjis).equals(Buffer.from(asUtf8(text, false)))).toBe(false);
		expect(parseCsv(decodeUpload(sjis)).rows).toEqual([rows[0], rows[1].map((c) => c.replace('〜', '～')), rows[2]]);
		// NEC special characters Excel's Shift_JIS has (①, ㈱) come through as well.
		expect(decodeUpload(new Uint8Array(iconv.encode('①,㈱', 'cp932')))).toBe('①,㈱');
	});

	it('reports what it cannot read, by row', () => {
		expect(parseCsv('a,b\r\n"x,y\r\n').problems).toContainEqual({ row: 2, column: '', message: 'CSV として読み取れません: Quoted field unterminated' });
	});

	it('undoes the writing’s neutralisation only when asked', () => {
		const written = toCsv(['a', 'b'], [['=1+1', -2], ['@x', "'plain"]]);
		expect(parseCsv(written).rows).toEqual([['a', 'b'], ["'=1+1", '-2'], ["'@x", "'plain"]]);
		expect(parseCsv(written, { restoreFormulae: true }).rows).toEqual([['a', 'b'], ['=1+1', '-2'], ['@x', "'plain"]]);
	});

	it('is what the paper and the weights imports read, Shift_JIS included', () => {
		const doc = bundled();
		const paper = readPaperCsv(doc, decodeUpload(new Uint8Array(iconv.encode('F1,F3,D2,C4\r\n3,20,1,紙で答えました\r\n', 'cp932'))));
		expect(paper.ok && paper.forms.length).toBe(1);
		const margins = readMargins(doc, decodeUpload(new Uint8Array(iconv.encode('question_key,code,label,population\r\nF2,1,男性,"88,000"\r\nF2,2,女性,96000\r\n', 'cp932'))));
		expect(margins).toEqual({ ok: true, margins: [{ questionKey: 'F2', code: 1, population: 88000 }, { questionKey: 'F2', code: 2, population: 96000 }] });
	});
});
