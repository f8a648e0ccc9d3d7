// Intervals, design effects and tests of change against R (tests/reference/intervals.json,
// written by intervals.R from intervals-data.csv), to 1e-6: first the functions of
// src/lib/analytics/intervals.ts on the data's columns; tests/unit/table-intervals.test.ts has
// the same figures as the app's tables give them.
import { describe, expect, it } from 'vitest';
import { R, close, respondents, type RProportion, type Respondent } from './support/intervals-reference';
import {
	SAMPLING_ERROR_SHARES,
	independentChange,
	meanAndSd,
	samplingErrorTable,
	t95,
	tInterval,
	twoProportionTest,
	weightedMean,
	weightedShare,
	welchTest,
	wilson
} from '../../src/lib/analytics/intervals';

const edition = (e: number) => respondents.filter((r) => r.edition === e);

/** The base of a reference proportion and Σw, Σw² of it and of those who count. */
function sums(p: RProportion) {
	const rows = edition(p.edition).filter((r) => (p.base === 'shown' || r[p.variable] !== undefined) && (p.group === null || r.g === p.group));
	const part = rows.filter((r) => r[p.variable] === p.code);
	const add = (list: Respondent[]) => ({ n: list.length, w: list.reduce((s, r) => s + r.w, 0), w2: list.reduce((s, r) => s + r.w * r.w, 0) });
	return { base: add(rows), part: add(part), designSize: edition(p.edition).length };
}

describe("Wilson's interval", () => {
	for (const c of R.wilson)
		it(`agrees with prop.test(correct = FALSE) for ${c.x} of ${c.n}`, () => {
			const ci = wilson(c.x, c.n)!;
			close(ci.lower, c.lower, 'lower');
			close(ci.upper, c.upper, 'upper');
		});
	it('is exactly 0 below none and 1 above all, and undefined for no one', () => {
		expect(wilson(0, 10)!.lower).toBe(0);
		expect(wilson(10, 10)!.upper).toBe(1);
		expect(wilson(0, 0)).toBeUndefined();
	});
});

describe('the t distribution', () => {
	it('gives qt(0.975, df) for whole and fractional degrees of freedom', () => {
		for (const c of R.tQuantile) expect(Math.abs(t95(c.df) - c.q) / c.q, `df ${c.df}`).toBeLessThan(1e-9);
	});
	for (const c of R.tInterval)
		it(`gives t.test's interval of a mean: ${c.name}`, () => {
			const s = meanAndSd(c.values);
			close(s.mean, c.mean, 'mean');
			close(s.sd, c.sd, 'sd');
			const ci = tInterval(s.mean, s.sd, s.n)!;
			close(ci.lower, c.lower, 'lower');
			close(ci.upper, c.upper, 'upper');
		});
});

describe('weighted shares and means by linearisation', () => {
	for (const p of R.proportions)
		it(`agree with svyciprop(method = "mean") and svymean(deff = "replace"): ${p.name}`, () => {
			const s = sums(p);
			expect(s.base.n).toBe(p.n);
			const e = weightedShare(s.part, s.base, s.designSize)!;
			close(e.estimate, p.estimate, 'estimate');
			close(e.se, p.se, 'SE');
			close(e.lower, p.lower, 'lower');
			close(e.upper, p.upper, 'upper');
			expect(e.df).toBe(p.df);
			close(e.deff, p.deff, 'deff');
		});
	for (const m of R.means)
		it(`agree with svymean and confint(df = degf()): ${m.name}`, () => {
			const rows = edition(m.edition).filter((r) => r.x !== undefined && (m.group === null || r.g === m.group));
			const e = weightedMean(rows.map((r) => r.x!), rows.map((r) => r.w), edition(m.edition).length)!;
			close(e.estimate, m.estimate, 'estimate');
			close(e.se, m.se, 'SE');
			close(e.lower, m.lower, 'lower');
			close(e.upper, m.upper, 'upper');
			expect(e.df).toBe(m.df);
			close(e.deff, m.deff, 'deff');
		});
	it('give each question its own design effect, unlike the one Kish figure for all', () => {
		for (const d of R.deff) {
			const key = d.variable as 'q1' | 'q2' | 'x';
			const rows = edition(d.edition).filter((r) => r[key] !== undefined);
			const size = edition(d.edition).length;
			const ours =
				key === 'x'
					? [weightedMean(rows.map((r) => r.x!), rows.map((r) => r.w), size)!.deff!]
					: d.codes!.map((code) => {
							const part = rows.filter((r) => r[key] === code);
							return weightedShare(
								{ w: part.reduce((s, r) => s + r.w, 0), w2: part.reduce((s, r) => s + r.w * r.w, 0) },
								{ n: rows.length, w: rows.reduce((s, r) => s + r.w, 0), w2: rows.reduce((s, r) => s + r.w * r.w, 0) },
								size
							)!.deff!;
						});
			ours.forEach((x, i) => close(x, d.deff[i], `${d.variable} ${d.codes?.[i] ?? 'mean'}`));
		}
		// In edition 1 they run from 1.12 to 1.48, where Kish's n / n_eff is 1.29 for all of them.
		const first = R.deff.filter((d) => d.edition === 1).flatMap((d) => d.deff);
		const w = edition(1).map((r) => r.w);
		const kish = (w.length * w.reduce((s, x) => s + x * x, 0)) / w.reduce((s, x) => s + x, 0) ** 2;
		expect(Math.max(...first) - Math.min(...first)).toBeGreaterThan(0.3);
		expect(Math.min(...first)).toBeLessThan(kish - 0.1);
		expect(Math.max(...first)).toBeGreaterThan(kish + 0.1);
	});
});

describe('change between editions', () => {
	for (const c of R.propTest)
		it(`without weights, agrees with prop.test(correct = FALSE): ${c.name}`, () => {
			const t = twoProportionTest(c.x2, c.n2, c.x1, c.n1)!;
			close(t.difference, c.difference, 'difference');
			close(t.lower, c.lower, 'lower');
			close(t.upper, c.upper, 'upper');
			if (c.p === null) expect(t.p).toBeUndefined();
			else close(t.p, c.p, 'p');
		});
	for (const c of R.zChange)
		it(`with weights, agrees with the z test of two svyciprop / svymean estimates: ${c.name}`, () => {
			const t = independentChange({ estimate: c.estimate2, se: c.se2 }, { estimate: c.estimate1, se: c.se1 });
			close(t.difference, c.difference, 'difference');
			close(t.lower, c.lower, 'lower');
			close(t.upper, c.upper, 'upper');
			close(t.p, c.p!, 'p');
		});
	it("of a mean without weights, agrees with Welch's t.test", () => {
		const w = R.welch;
		const t = welchTest({ mean: w.mean2, sd: w.sd2, n: w.n2 }, { mean: w.mean1, sd: w.sd1, n: w.n1 })!;
		close(t.difference, w.difference, 'difference');
		close(t.statistic, w.statistic, 'statistic');
		close(t.df, w.df, 'df');
		close(t.lower, w.lower, 'lower');
		close(t.upper, w.upper, 'upper');
		close(t.p!, w.p!, 'p');
	});
	it('with weights, is the weighted estimates of the data compared', () => {
		// The first case recomputed from the data: each edition's svyciprop of q2 = 1.
		const each = [2, 1].map((e) => {
			const rows = edition(e).filter((r) => r.q2 !== undefined);
			const part = rows.filter((r) => r.q2 === 1);
			const add = (list: Respondent[]) => ({ n: list.length, w: list.reduce((s, r) => s + r.w, 0), w2: list.reduce((s, r) => s + r.w * r.w, 0) });
			return weightedShare(add(part), add(rows), edition(e).length)!;
		});
		const t = independentChange(each[0], each[1]);
		const c = R.zChange[0];
		close(t.difference, c.difference, 'difference');
		close(t.p, c.p!, 'p');
	});
});

describe('the sampling-error table', () => {
	it('is ±1.96 √(p (1 − p) / n) in points', () => {
		expect([...SAMPLING_ERROR_SHARES]).toEqual(R.samplingError.p.map((p) => p * 100));
		const rows = samplingErrorTable(R.samplingError.rows.map((r) => ({ n: r.n })));
		rows.forEach((r, i) => r.margins.forEach((m, j) => close(m, R.samplingError.rows[i].margins[j], `n ${r.n}, p ${SAMPLING_ERROR_SHARES[j]}`)));
		// A survey of 1,000 at 50 %: the ±3.1 points every report prints.
		expect(samplingErrorTable([{ n: 1000 }])[0].margins[4].toFixed(1)).toBe('3.1');
		expect(samplingErrorTable([{ n: 0 }])).toEqual([]);
	});
});
