// The open data of a survey's public results: the rows are the public page's tables, item for
// item, with every hidden count absent (an empty cell marked 秘匿, never the number); the CSV
// and the JSON say the same; the municipality's code carries a check digit that is verified.
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'csv-parse/sync';
import { bundled } from './support/questionnaires';
import { datasetOf, times, type HandMade } from './support/dataset';
import { questionTables } from '../../src/lib/analytics/frequencies';
import { publishTables } from '../../src/lib/analytics/published-tables';
import { NO_FILTERS, select } from '../../src/lib/analytics/selection';
import { resultSections } from '../../src/lib/analytics/public-results';
import { OPEN_DATA_COLUMNS, openDataJson, openDataRows, openDataTables, type OpenDataSurvey } from '../../src/lib/analytics/open-data';
import { methodWords } from '../../src/lib/survey/open-data-messages';
import { checkDigit, isLocalGovernmentCode } from '../../src/lib/local-government-code';
import { toCsv } from '../../src/lib/csv';

const doc = bundled();
const person = (age: number, d2: number, district = 17): HandMade => ({ answers: { F1: age, F3: district, F4: 3, D2: d2, W1: age } });
// 40 daily users and 20 weekly in one district, 3 in another (a count under k = 10), one of
// whom left D2 unanswered.
const data = datasetOf(doc, [...times(40, person(3, 1)), ...times(20, person(9, 3)), ...times(2, person(9, 3, 20)), { answers: { F1: 9, F3: 20, F4: 3 } }]);
const tables = publishTables(questionTables(data, select(data, NO_FILTERS)), 10, data.size);
const sections = resultSections(tables, doc, 'ja');
const open = openDataTables(sections);
const survey: OpenDataSurvey = {
	municipality: { code: '352039', name: '山口市' },
	slug: 'digital-2022',
	title: doc.title.ja,
	fiscalYear: 2022,
	period: { from: '2022-10-01', to: '2022-10-31' },
	respondents: data.size,
	synthetic: 0,
	method: methodWords({ lettersWithCodes: true, withoutCodes: false, web: true, paper: true }, 'ja'),
	licence: 'CC-BY-4.0',
	minCellSize: 10
};

describe('open data', () => {
	it('holds the public page’s tables, item for item, in the same order', () => {
		const page = sections.flatMap((s) => s.questions.flatMap((q) => q.tables.map((t) => ({ q, t }))));
		expect(open.map((t) => t.id)).toEqual(page.map(({ t }) => t.key));
		page.forEach(({ q, t }, i) => {
			const o = open[i];
			expect(o).toMatchObject({ questionNumber: q.number, questionId: q.key, question: q.label.text, base: t.base, withheld: t.withheld, reference: t.reference, mean: t.mean });
			if (t.withheld) return expect(o.categories).toEqual([]);
			expect(o.categories.map((c) => [c.label, c.n, c.percent])).toEqual(t.items.map((i) => [i.label.text, i.n, i.n === null || i.percent === null ? null : Math.round(i.percent * 10) / 10]));
		});
	});

	it('leaves every hidden count out: an empty cell marked 秘匿, and never the number', () => {
		const tokuji = open.find((t) => t.id === 'F3')!.categories.find((c) => c.id === 'F3-20')!;
		expect(tokuji).toMatchObject({ code: 20, label: '徳地', n: null, percent: null, hidden: true });
		// The page hid it too, and hid a complement with it.
		expect(tables.find((t) => t.key === 'F3')!.categories.filter((c) => c.n === null).length).toBeGreaterThanOrEqual(2);
		const rows = openDataRows(survey, open);
		const at = (name: (typeof OPEN_DATA_COLUMNS)[number]) => OPEN_DATA_COLUMNS.indexOf(name);
		const hiddenRows = rows.filter((r) => r[at('秘匿')] === 1);
		expect(hiddenRows.length).toBeGreaterThan(0);
		for (const r of hiddenRows) expect([r[at('人数（人）')], r[at('割合（％）')]]).toEqual([null, null]);
		// Neither the 3 of 徳地 nor its complement, the 60 of 小郡, appears in any row's count.
		const f3 = rows.filter((r) => r[at('設問ID')] === 'F3');
		expect(f3.filter((r) => r[at('秘匿')] === 1).map((r) => r[at('区分')])).toEqual(['小郡', '徳地']);
		expect(new Set(f3.map((r) => r[at('人数（人）')]))).toEqual(new Set([0, null]));
	});

	it('is a CSV of the Digital Agency’s shape: the code first, one datum a cell, dates as YYYY-MM-DD, stable IDs', () => {
		const text = toCsv(OPEN_DATA_COLUMNS, openDataRows(survey, open));
		expect(text.startsWith('\uFEFF全国地方公共団体コード,ID,地方公共団体名,')).toBe(true);
		const [header, ...rows] = parse(text.slice(1), { relax_column_count: false }) as string[][];
		expect(header).toEqual([...OPEN_DATA_COLUMNS]);
		expect(rows.every((r) => r[0] === '352039' && r[2] === '山口市' && r[5] === '2022-10-01' && r[6] === '2022-10-31')).toBe(true);
		const ids = rows.map((r) => r[1]);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toContain('D2-1');
		expect(ids).toContain('D2-no-answer');
		expect(ids).toContain('T1.T1_2-1');
		const d2 = rows.find((r) => r[1] === 'D2-1')!;
		expect(d2.slice(8, 21)).toEqual(['8', 'D2', d2[10], '', '', '0', '63', '0', '1', 'ほぼ毎日', '40', '63.5', '']);
	});

	it('says in JSON what the CSV says, with the licence and the survey', () => {
		const json = openDataJson(survey, open);
		expect(json.publisher).toEqual({ localGovernmentCode: '352039', name: '山口市' });
		expect(json.licence).toMatchObject({ id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.ja' });
		expect(json.survey).toMatchObject({ startDate: '2022-10-01', endDate: '2022-10-31', respondents: 63, method: '配布：招待コード付きの案内状の郵送。回答：インターネット、紙の調査票。' });
		const fromJson = json.tables.flatMap((t) => (t.withheld ? [[t.id, null]] : t.categories.map((c) => [c.id, c.n])));
		const fromCsv = openDataRows(survey, open).map((r) => [String(r[1]), r[OPEN_DATA_COLUMNS.indexOf('人数（人）')]]);
		expect(fromJson).toEqual(fromCsv);
	});

	it('checks the municipality’s code: 山口市 is 35203 with check digit 9', () => {
		expect(checkDigit('35203')).toBe(9);
		expect(isLocalGovernmentCode('352039')).toBe(true);
		expect(isLocalGovernmentCode('352038')).toBe(false);
		// A remainder of 0 gives 1 (静岡県 220001), of 1 gives 0 (栃木県 090000).
		expect(isLocalGovernmentCode('220001')).toBe(true);
		expect(isLocalGovernmentCode('090000')).toBe(true);
		expect(isLocalGovernmentCode('13101')).toBe(false);
	});

	it('refuses to start with a code whose check digit is wrong', async () => {
		vi.resetModules();
		process.env.MUNICIPALITY_CODE = '352038';
		try {
			await expect(import('../../src/lib/server/config')).rejects.toThrow(/MUNICIPALITY_CODE/);
		} finally {
			delete process.env.MUNICIPALITY_CODE;
		}
		vi.resetModules();
		expect((await import('../../src/lib/server/config')).config.municipality).toEqual({ code: '352039', name: '山口市' });
	});
});
