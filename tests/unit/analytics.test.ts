import { describe, expect, it } from 'vitest';
import { chiSquare, upperGammaQ } from '../../src/lib/analytics/statistics';
import { isReferenceOnly, suppressionMask } from '../../src/lib/analytics/suppression';

describe('chi-square', () => {
	it('gives known p-values of the chi-square distribution', () => {
		// Critical values from any statistics table.
		expect(upperGammaQ(0.5, 3.841 / 2)).toBeCloseTo(0.05, 4);
		expect(upperGammaQ(1, 5.991 / 2)).toBeCloseTo(0.05, 4);
		expect(upperGammaQ(0.5, 10.828 / 2)).toBeCloseTo(0.001, 5);
		expect(upperGammaQ(5, 18.307 / 2)).toBeCloseTo(0.05, 4); // df 10
		expect(upperGammaQ(2, 0)).toBe(1);
	});

	it('tests independence on a known 2×2 table', () => {
		// [[10, 20], [30, 40]]: chi-square 0.7937 (no continuity correction), p 0.373.
		const r = chiSquare([[10, 20], [30, 40]])!;
		expect(r.df).toBe(1);
		expect(r.statistic).toBeCloseTo(0.79365, 4);
		expect(r.p).toBeCloseTo(0.3730, 3);
	});

	it('tests a 2×3 table and leaves out empty rows and columns', () => {
		// [[20, 15, 25], [30, 35, 15]]: chi-square 9.84375, df 2, p = e^(−9.84375/2) = 0.0072855.
		const r = chiSquare([[20, 15, 25, 0], [30, 35, 15, 0], [0, 0, 0, 0]])!;
		expect(r.df).toBe(2);
		expect(r.statistic).toBeCloseTo(9.84375, 5);
		expect(r.p).toBeCloseTo(0.0072855, 6);
		expect(chiSquare([[5, 5]])).toBeUndefined();
	});
});

describe('small-cell suppression', () => {
	it('hides cells under k but not empty ones', () => {
		expect(suppressionMask([[0, 3, 40, 50]], 10)).toEqual([[false, true, true, false]]);
	});

	it('hides a second cell where a total would reveal the first', () => {
		// Row 0 has one small cell (4): its smallest other non-empty cell (20) goes too; then
		// column 1 has one hidden cell, so its other cell (row 1, 25) goes as well; and row 1
		// then needs a second one: 30.
		const mask = suppressionMask(
			[
				[4, 20, 50],
				[30, 25, 60]
			],
			10
		);
		expect(mask).toEqual([
			[true, true, false],
			[true, true, false]
		]);
		// Every line now has zero or at least two hidden cells.
		for (const line of [...mask, ...mask[0].map((_, j) => mask.map((r) => r[j]))])
			expect(line.filter(Boolean).length === 0 || line.filter(Boolean).length >= 2).toBe(true);
	});

	it('leaves a table with no small cells alone, and marks small bases', () => {
		expect(suppressionMask([[10, 20], [30, 40]], 10).flat().some(Boolean)).toBe(false);
		expect(isReferenceOnly(29)).toBe(true);
		expect(isReferenceOnly(30)).toBe(false);
	});
});
