// The data exports on a temporary SQLite file: columns for every question type, the codebook,
// encodings, formula neutralisation, a round trip through a second CSV parser, and synthetic
// responses left out when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { openDatabase, type DB } from '../../src/lib/server/db';
import * as surveys from '../../src/lib/server/surveys';
import * as responses from '../../src/lib/server/responses';
import { cp932Problems, exportStream, type ExportRequest } from '../../src/lib/server/data-export';
import { notInCp932 } from '../../src/lib/server/csv/encoding';
import { CSV_OPTIONS, csvCell, csvLines } from '../../src/lib/csv';
import Papa from 'papaparse';
import { checkAnswers } from '../../src/lib/survey/validate-answers';
import { checkPaper } from '../../src/lib/survey/paper';
import { tempDatabasePath } from './support/temp-db';
import { storeWaiting } from './support/pool';
import { small } from './support/questionnaires';
import { addSynthetic } from '../../src/lib/server/synthetic-responses';
import { storedAnswer } from '../../src/lib/survey/stored-answers';

const temp = tempDatabasePath();
let db: DB;
let bundledId: number;
let smallId: number;

function answer(surveyId: number, values: Record<string, string | string[]>) {
	const found = surveys.getById(db, surveyId)!;
	const document = surveys.publishedVersion(db, found.publishedVersionId!)!;
	const { answers, errors } = checkAnswers(document, values);
	expect(errors).toEqual({});
	responses.submit(db, { surveyId, versionId: found.publishedVersionId!, document, answers, channel: 'web', language: 'ja', day: '2026-11-25' });
	storeWaiting(db);
}

async function exported(req: Omit<ExportRequest, 'encoding'> & { encoding?: ExportRequest['encoding'] }): Promise<Buffer> {
	const stream = exportStream(db, { encoding: 'utf8bom', ...req }, temp.file);
	const chunks: Uint8Array[] = [];
	for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
	return Buffer.concat(chunks);
}

const table = (buffer: Buffer) => parse(buffer.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];

beforeAll(() => {
	db = openDatabase(temp.file);
	surveys.installBundled(db);
	bundledId = surveys.findPublished(db, 'digital-2022')!.survey.id;
	const doc = small();
	// Negative numbers allowed, to see that they stay numbers in the export.
	Object.assign(doc.sections[0].questions[2], { min: -10 });
	smallId = surveys.create(db, { slug: 'small', fiscalYear: 2026, document: doc }).surveyId;
	surveys.publishDraft(db, smallId);
	// Q1 = 1 shows Q2; Q1 = 9 ("other") hides it and asks for words.
	answer(smallId, { Q1: '1', Q2: ['1', '3'], 'Q4.Q4_1': '1', 'Q4.Q4_2': '2', Q5: '=1+1 は\n計算式ではありません', Q6: '0' });
	answer(smallId, { Q1: '9', 'Q1.other': '-自転車', Q3: '-3', 'Q4.Q4_1': '2', 'Q4.Q4_2': '2' });
	answer(bundledId, {
		F1: '8', F3: '20', F4: '1', D2: '5', D3: ['2', '7'], 'D3.other': '目が見えにくい、"老眼"です', T2: '3', T3: ['1'],
		'T1.T1_2': '1', C4: '公民館で\r\nスマホ教室を。髙橋より', W1: '5'
	});
	answer(bundledId, { F1: '3', F3: '17', F4: '3', D2: '1', A1: ['1', '2'], A5: ['7'], T2: '1', W1: '8' });
});
afterAll(() => {
	db.close();
	temp.remove();
});

describe('the wide export', () => {
	it('has a column per single question, 0/1 per option, one per matrix row and per "other" text', async () => {
		const rows = table(await exported({ surveyId: smallId, kind: 'wide', values: 'codes' }));
		expect(Object.keys(rows[0])).toEqual([
			'response_id', 'version', 'channel', 'language', 'submitted_on', 'synthetic',
			'Q1', 'Q1_other', 'Q2_1', 'Q2_2', 'Q2_3', 'Q2_4', 'Q3', 'Q4_1', 'Q4_2', 'Q5', 'Q6', 'answered_though_skipped'
		]);
		const byQ1 = Object.fromEntries(rows.map((r) => [r.Q1, r]));
		expect(byQ1['1']).toMatchObject({ Q2_1: '1', Q2_2: '0', Q2_3: '1', Q2_4: '0', Q3: '', Q4_1: '1', Q4_2: '2', Q6: '0', Q1_other: '' });
		// Q2 was hidden for this respondent: empty, not zero.
		expect(byQ1['9']).toMatchObject({ Q2_1: '', Q2_2: '', Q2_3: '', Q2_4: '', Q3: '-3', Q5: '' });
	});

	it('neutralises text a spreadsheet would run, and leaves numbers alone', async () => {
		const rows = table(await exported({ surveyId: smallId, kind: 'wide', values: 'codes' }));
		const byQ1 = Object.fromEntries(rows.map((r) => [r.Q1, r]));
		expect(byQ1['1'].Q5).toBe("'=1+1 は\n計算式ではありません");
		expect(byQ1['9'].Q1_other).toBe("'-自転車");
		expect(byQ1['9'].Q3).toBe('-3');
	});

	it('gives labels instead of codes when asked', async () => {
		const rows = table(await exported({ surveyId: bundledId, kind: 'wide', values: 'labels' }));
		const elder = rows.find((r) => r.F1 === '70〜74歳')!;
		expect(elder).toMatchObject({ F3: '徳地', D2: '使ったことがない', T1_2: 'そう思う', D3_2: '1', D3_7: '1', D3_1: '0' });
	});

	it('round-trips every value through a second CSV parser: Japanese, quotes and line breaks included', async () => {
		const rows = table(await exported({ surveyId: bundledId, kind: 'wide', values: 'codes' }));
		const elder = rows.find((r) => r.F1 === '8')!;
		expect(elder.D3_other).toBe('目が見えにくい、"老眼"です');
		expect(elder.C4).toBe('公民館で\nスマホ教室を。髙橋より');
		expect(elder.W1).toBe('5');
		// Section A is not shown to non-users: empty, never zero.
		expect(elder.A1_1).toBe('');
		const user = rows.find((r) => r.F1 === '3')!;
		expect([user.A1_1, user.A1_2, user.A1_3, user.A5_7, user.D3_1]).toEqual(['1', '1', '0', '1', '']);
	});
});

describe('cells written without papaparse', () => {
	// Every text of up to three characters drawn from the ones that matter to CSV and to
	// spreadsheets, and a few longer ones: each cell must be exactly what papaparse writes.
	const alphabet = ['a', 'あ', ' ', ',', '"', '\r', '\n', '\t', '=', '+', '-', '@', "'", '\uFEFF', '1', '.'];
	const texts = [''];
	for (let length = 1, last = ['']; length <= 3; length++) {
		last = last.flatMap((t) => alphabet.map((c) => t + c));
		texts.push(...last);
	}
	texts.push('公民館で\r\nスマホ教室を', '目が見えにくい、"老眼"です', '--0fLnz7jt0_EGU5NXFtsA', 'abc ', ' abc', '2022-10-01', '70〜74歳');

	it('are what papaparse writes, for every short text of the characters that matter', () => {
		expect(texts.length).toBeGreaterThan(4000);
		const differ = texts.filter((t) => csvCell(t) !== Papa.unparse([[t]], CSV_OPTIONS));
		expect(differ).toEqual([]);
	});

	it('never need a neutralised response id: ids do not start with "-"', () => {
		// 0xF8 makes a first base64url character of "-"; such a draw is made again.
		const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x04)];
		const id = responses.newResponseId(() => draws.shift()!);
		expect(id).toBe(Buffer.alloc(16, 0x04).toString('base64url'));
		expect(draws).toEqual([]);
		expect(csvCell(id)).toBe(id);
	});

	it('write numbers as numbers, negative ones and decimals included', () => {
		for (const n of [0, 1, -1, -3, 2.5, -0.25, 1e21, 123456789])
			expect(csvCell(n)).toBe(Papa.unparse([[n]], CSV_OPTIONS));
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell('-3')).toBe('"\'-3"');
	});

	it('make lines that papaparse would, each ended with CRLF', () => {
		const rows = [[1, '=SUM(A1)', '改行\nあり'], ['', -2, 'a,b'], ['"', ' ', '不明']];
		expect(csvLines(rows)).toBe(Papa.unparse(rows, CSV_OPTIONS) + '\r\n');
	});
});

describe('paper answers in the exports', () => {
	it('show 不明 apart from a real answer and from 無回答, and list answers the conditions skipped', async () => {
		const found = surveys.findPublished(db, 'digital-2022')!;
		const { answers } = checkPaper(found.document, { F1: '2 3', F3: '5', F4: '1', D2: '1', D3: '4', G2: '?' });
		responses.store(db, { surveyId: bundledId, versionId: found.versionId, answers, channel: 'paper', language: 'ja', day: '2026-11-25' });
		storeWaiting(db);
		const wide = table(await exported({ surveyId: bundledId, kind: 'wide', values: 'codes' }));
		const paper = wide.find((r) => r.channel === 'paper')!;
		expect(paper).toMatchObject({ F1: '不明', F2: '', F3: '5', D3_4: '1', D3_1: '0', G2_1: '不明', G2_7: '不明', answered_though_skipped: 'D3' });
		const long = table(await exported({ surveyId: bundledId, kind: 'long', values: 'codes' })).filter((r) => r.channel === 'paper');
		expect(long.find((r) => r.question_key === 'F1')).toMatchObject({ code: '', status: '不明' });
		expect(long.find((r) => r.question_key === 'D3')).toMatchObject({ code: '4', skipped: '1' });
	});
});

describe('the aggregate table', () => {
	it('counts those each question was shown to, with 不明 and 無回答, and percentages', async () => {
		db.prepare('UPDATE survey SET min_cell_size = 1 WHERE id = ?').run(smallId);
		const rows = table(await exported({ surveyId: smallId, kind: 'aggregate', values: 'codes' }));
		const q1 = rows.filter((r) => r.question_key === 'Q1');
		expect(q1.map((r) => [r.category, r['n（人）'], r['percent（%）'], r['base（人）']])).toEqual([
			['1', '1', '50', '2'], ['2', '0', '0', '2'], ['9', '1', '50', '2'], ['不明', '0', '0', '2'], ['無回答', '0', '0', '2']
		]);
		// Q2 was shown only to the one who answered Q1 = 1.
		expect(rows.find((r) => r.question_key === 'Q2')?.['base（人）']).toBe('1');
		expect(q1[0].note).toBe('参考値');
	});

	it('hides small cells, and a second one where the base would reveal it', async () => {
		db.prepare('UPDATE survey SET min_cell_size = 2 WHERE id = ?').run(smallId);
		const rows = table(await exported({ surveyId: smallId, kind: 'aggregate', values: 'labels' }));
		// Two respondents, k = 2: two hidden 1s in a base of 2 would be known exactly, and there is nothing
		// left to hide with them but the zeros, so the table is withheld whole, zeros and base too.
		const q1 = rows.filter((r) => r.question_key === 'Q1');
		expect(q1.map((r) => [r['n（人）'], r['percent（%）'], r['base（人）']])).toEqual(Array(5).fill(['x', 'x', 'x']));
		expect(q1[0].note).toContain('x：2人未満、またはほかの数字から計算できないよう伏せた値');
		expect(q1.every((r) => r.percent_of === '対象者（この設問が表示された人）')).toBe(true);
		// A table with enough in it keeps its zeros: Q1 with k = 1 shows everything.
		db.prepare('UPDATE survey SET min_cell_size = 1 WHERE id = ?').run(smallId);
		const open = table(await exported({ surveyId: smallId, kind: 'aggregate', values: 'codes' })).filter((r) => r.question_key === 'Q1');
		expect(open.map((r) => r['n（人）'])).toEqual(['1', '0', '1', '0', '0']);
		db.prepare('UPDATE survey SET min_cell_size = 10 WHERE id = ?').run(smallId);
		const all = table(await exported({ surveyId: smallId, kind: 'aggregate', values: 'codes' }));
		// Under k shown the question: the base is hidden too, so the zeros reveal no one's answer to within fewer than k.
		expect(all.filter((r) => r.question_key === 'Q1').every((r) => r['n（人）'] === 'x' && r['base（人）'] === 'x')).toBe(true);
		expect(all.find((r) => r.question_key === 'Q1')?.note).toContain('10人未満のため非表示');
	});
});

describe('the long export and the codebook', () => {
	it('has one row per answer with its label', async () => {
		const rows = table(await exported({ surveyId: smallId, kind: 'long', values: 'codes' }));
		expect(rows.filter((r) => r.question_key === 'Q2').map((r) => [r.code, r.label])).toEqual([['1', 'A'], ['3', 'C']]);
		expect(rows.find((r) => r.question_key === 'Q4' && r.row_key === 'Q4_2')?.code).toBe('2');
	});

	it('explains every column and code', async () => {
		const rows = table(await exported({ surveyId: bundledId, kind: 'codebook', values: 'codes' }));
		expect(rows.find((r) => r.column === 'D3_7')).toMatchObject({ question_key: 'D3', type: 'multiple', show_if: 'D2 in 4,5', code: '7', label_ja: 'その他（具体的に）' });
		expect(rows.find((r) => r.column === 'A1_1')?.show_if).toBe('D2 in 1,2,3');
		expect(rows.filter((r) => r.column === 'F3')).toHaveLength(22);
		expect(rows.find((r) => r.column === 'W1')?.label_ja).toBe('0〜10');
	});
});

describe('encodings', () => {
	it('UTF-8 starts with a BOM unless asked not to', async () => {
		expect([...(await exported({ surveyId: smallId, kind: 'codebook', values: 'codes' })).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const plain = await exported({ surveyId: smallId, kind: 'codebook', values: 'codes', encoding: 'utf8' });
		expect(plain.subarray(0, 6).toString()).toBe('column');
	});

	it('Shift_JIS writes CP932 bytes', async () => {
		const sjis = await exported({ surveyId: smallId, kind: 'codebook', values: 'codes', encoding: 'cp932' });
		const text = iconv.decode(sjis, 'cp932');
		expect(text).toContain('使いますか');
		// 「使」 in CP932 is 0x8E 0x67.
		expect(sjis.includes(Buffer.from([0x8e, 0x67]))).toBe(true);
		// 〜 (U+301C, as Japanese input methods type it) becomes CP932's ～ (0x81 0x60), not "?".
		const wave = await exported({ surveyId: bundledId, kind: 'codebook', values: 'codes', encoding: 'cp932' });
		expect(iconv.decode(wave, 'cp932')).toContain('18～19歳');
		expect(wave.includes(Buffer.from('?', 'ascii'))).toBe(false);
	});

	it('reports characters CP932 cannot hold before any download', () => {
		expect(notInCp932('山口市 髙橋 ① 18〜19歳 −5')).toEqual([]);
		expect(notInCp932('𠮷野家と🍣')).toEqual(['𠮷', '🍣']);
		answer(smallId, { Q1: '2', 'Q4.Q4_1': '1', 'Q4.Q4_2': '1', Q5: '𠮷野家の近くです' });
		expect(cp932Problems(db, smallId, 'wide')).toEqual([{ where: 'Q5 の回答「𠮷野家の近くです…」', characters: ['𠮷'] }]);
		expect(cp932Problems(db, smallId, 'codebook')).toEqual([]);
	});
});

describe('synthetic responses', () => {
	it('are left out of every export of answers when asked, and only then', async () => {
		const id = surveys.create(db, { slug: 'with-demo', fiscalYear: 2026, document: small() }).surveyId;
		const versionId = surveys.publishDraft(db, id);
		db.prepare('UPDATE survey SET min_cell_size = 1 WHERE id = ?').run(id);
		answer(id, { Q1: '2', 'Q4.Q4_1': '1', 'Q4.Q4_2': '2' });
		addSynthetic(db, id, { count: 12, seed: 4, from: '2026-10-01', to: '2026-10-31' });
		// A demo answer Shift_JIS cannot hold: no reason to refuse a file it is not in.
		db.transaction(() =>
			responses.insertResponse(db, { versionId, channel: 'web', language: 'ja', day: '2026-10-02', synthetic: true }, [storedAnswer('Q1', { code: 2 }), storedAnswer('Q5', { text: '𠮷のデモ' })])
		)();

		const wide = (leaveOutSynthetic?: boolean) => exported({ surveyId: id, kind: 'wide', values: 'codes', leaveOutSynthetic }).then(table);
		expect((await wide(true)).map((r) => r.synthetic)).toEqual(['0']);
		expect((await wide()).length).toBe(14);
		const long = table(await exported({ surveyId: id, kind: 'long', values: 'codes', leaveOutSynthetic: true }));
		expect(new Set(long.map((r) => r.synthetic))).toEqual(new Set(['0']));
		const base = async (leaveOutSynthetic: boolean) =>
			table(await exported({ surveyId: id, kind: 'aggregate', values: 'codes', leaveOutSynthetic })).find((r) => r.question_key === 'Q1')?.['base（人）'];
		await expect(base(true)).resolves.toBe('1');
		await expect(base(false)).resolves.toBe('14');
		expect(cp932Problems(db, id, 'wide', true)).toEqual([]);
		expect(cp932Problems(db, id, 'wide')).toEqual([{ where: 'Q5 の回答「𠮷のデモ…」', characters: ['𠮷'] }]);
	});
});
