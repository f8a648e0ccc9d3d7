// A new edition's title and year, suggested from its source's: the year moved on in the era and
// in 西暦 wherever the title names it, and titles compared as people read them.
import { describe, expect, it } from 'vitest';
import { documentTitle, nextEditionTitle, nextEditionYear, sameTitle } from '../../src/lib/survey/titles';
import { eraFiscalYearName, eraOfFiscalYear, fiscalYearName, fiscalYearOfEra } from '../../src/lib/dates';
import template from '../../src/lib/survey/templates/digital-level-2022.json';

describe('a fiscal year in the era and in 西暦', () => {
	it('is named as offices write it, 令和元年度 for the year the era began', () => {
		expect(fiscalYearName(2026)).toBe('2026年度（令和8年度）');
		expect(fiscalYearName(2019)).toBe('2019年度（令和元年度）');
		expect(fiscalYearName(2018)).toBe('2018年度（平成30年度）');
		expect(eraFiscalYearName(1989)).toBe('平成元年度');
		expect(eraOfFiscalYear(2027)).toEqual({ name: '令和', letter: 'R', year: 9 });
		expect(fiscalYearName(1900)).toBe('1900年度');
	});

	it('is read back from the era, by name or by its letter', () => {
		expect(fiscalYearOfEra('令和', 4)).toBe(2022);
		expect(fiscalYearOfEra('R', 1)).toBe(2019);
		expect(fiscalYearOfEra('平成', 30)).toBe(2018);
		expect(fiscalYearOfEra('大正', 1)).toBeUndefined();
	});
});

describe('the next edition', () => {
	it('is suggested for the year after its source, or for the planning year when that has come', () => {
		expect(nextEditionYear(2026, 2027)).toBe(2027);
		expect(nextEditionYear(2027, 2027)).toBe(2028);
		// The 2022 template, used in FY2026: not for 2023, long past.
		expect(nextEditionYear(2022, 2027)).toBe(2027);
	});

	it('moves the bundled template’s year on in every language', () => {
		expect(nextEditionTitle(template.title, 2022, 2027)).toEqual({
			ja: '令和9年度 山口市 市民のデジタル活用に関するアンケート',
			easy: '山口市（やまぐちし）の アンケート　デジタルの つかいかた（2027ねん）',
			en: 'Yamaguchi City Survey on Residents’ Use of Digital Technology (FY2027)'
		});
	});

	it('writes the year as the title did: era or 西暦, full-width digits, 元, the letter R', () => {
		const moved = (ja: string, from = 2022, to = 2027) => nextEditionTitle({ ja }, from, to).ja;
		expect(moved('2022年度（令和4年度）市民アンケート')).toBe('2027年度（令和9年度）市民アンケート');
		expect(moved('令和４年度　市民アンケート')).toBe('令和９年度　市民アンケート');
		expect(moved('令和 4 年度 市民アンケート')).toBe('令和 9 年度 市民アンケート');
		expect(moved('R4年度 市民アンケート')).toBe('R9年度 市民アンケート');
		expect(moved('平成30年度 市民アンケート', 2018, 2019)).toBe('令和元年度 市民アンケート');
		expect(moved('令和元年度 市民アンケート', 2019, 2020)).toBe('令和2年度 市民アンケート');
		// Numbers that name no year stay as they are.
		expect(moved('令和4年度 市民アンケート（第12回・1000人）')).toBe('令和9年度 市民アンケート（第12回・1000人）');
		expect(moved('HR4年の記録', 2022, 2023)).toBe('令和5年度 HR4年の記録');
	});

	it('moves the year the title names when it is not the source’s own (a title left unchanged), and names one when there is none', () => {
		// Made in FY2027 from the template without changing its title.
		expect(nextEditionTitle({ ja: '令和4年度 市民アンケート' }, 2027, 2028).ja).toBe('令和10年度 市民アンケート');
		expect(nextEditionTitle({ ja: '市民アンケート', en: 'Residents’ survey' }, 2026, 2027)).toEqual({ ja: '令和9年度 市民アンケート', en: 'Residents’ survey' });
		// Two years, neither the source's: no guess.
		expect(nextEditionTitle({ ja: '2020年度と2021年度の比較' }, 2026, 2027).ja).toBe('2020年度と2021年度の比較');
	});
});

describe('titles', () => {
	it('are compared as people read them', () => {
		expect(sameTitle('令和9年度　市民アンケート', '令和９年度 市民アンケート')).toBe(true);
		expect(sameTitle('令和9年度 市民アンケート', '令和8年度 市民アンケート')).toBe(false);
	});

	it('are read from a document that may not be valid yet', () => {
		expect(documentTitle({ title: { ja: ' 下書きの題名 ' }, sections: 'broken' })).toBe('下書きの題名');
		expect(documentTitle({ title: { ja: '  ' } })).toBeUndefined();
		expect(documentTitle(null)).toBeUndefined();
		expect(documentTitle({ title: 'not an object' })).toBeUndefined();
	});
});
