import { describe, expect, it } from 'vitest';
import { chiSquare, upperGammaQ } from '../../src/lib/analytics/statistics';
import { maturityIndex, scoreTable } from '../../src/lib/analytics/maturity-index';
import { bundled } from './support/questionnaires';

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



describe('the digital-maturity index (DSI-compatible)', () => {
	const doc = bundled();
	const index = doc.index!;
	const scores = scoreTable(doc);
	const run = (answers: Record<string, unknown>) => maturityIndex(index, answers as never, scores);
	// Information and communication: 1 = basic, 2+ = above basic; others: 1–2 basic, 3+ above.
	const everything = { D2: 1, A1: [1, 2], A2: [1, 2], A3: [1, 2, 3], A4: [1, 2, 3], A5: [1, 2, 3] };

	it('is "above basic" when every area is above basic, with a score of 100', () => {
		expect(run(everything)).toEqual({
			assessed: true,
			areas: { information: 2, communication: 2, content: 2, safety: 2, problemSolving: 2 },
			level: 'aboveBasic',
			score: 100
		});
	});

	it('is "basic" when every area reaches basic', () => {
		const r = run({ ...everything, A3: [1], A4: [1, 2] });
		expect(r).toMatchObject({ level: 'basic', score: 80 });
	});

	// 「どれもしていない」 in each area question.
	const nothing = { A1: [5], A2: [6], A3: [5], A4: [6], A5: [7] };

	it('is low, narrow, limited or none by the number of areas at least basic', () => {
		expect(run({ ...everything, A5: [7] })).toMatchObject({ level: 'low' }); // "none of these" scores 0
		expect(run({ ...everything, A4: [6], A5: [7] })).toMatchObject({ level: 'narrow' });
		expect(run({ ...nothing, D2: 2, A1: [1], A2: [1] })).toMatchObject({ level: 'limited', score: 20 });
		expect(run({ ...nothing, D2: 3, A1: [1] })).toMatchObject({ level: 'none', score: 10 });
		expect(run({ ...nothing, D2: 3 })).toMatchObject({ level: 'none', score: 0 });
	});

	it('does not assess those who did not use the internet', () => {
		expect(run({ D2: 4 })).toEqual({ assessed: false, reason: 'excluded' });
		expect(run({ D2: 5, A1: [1, 2] })).toEqual({ assessed: false, reason: 'excluded' });
	});

	// Issue 14, problem 6: a blank A question was scored as no activity, and a blank or unreadable D2 as a non-user.
	it('treats a blank area question as missing, not as no activity: the respondent is 判定不能 with the areas it could judge', () => {
		expect(run({ D2: 3, A1: [1] })).toEqual({ assessed: false, reason: 'incomplete', areas: { information: 1 } });
		expect(run({ ...everything, A3: undefined })).toEqual({
			assessed: false,
			reason: 'incomplete',
			areas: { information: 2, communication: 2, safety: 2, problemSolving: 2 }
		});
	});

	it('does not take a blank or unreadable D2 for a non-user', () => {
		expect(run({})).toEqual({ assessed: false, reason: 'incomplete', areas: {} });
		expect(run({ A1: [1, 2], A2: [1, 2], A3: [1, 2, 3], A4: [1, 2, 3], A5: [1, 2, 3] })).toMatchObject({ assessed: false, reason: 'incomplete' });
	});
});
