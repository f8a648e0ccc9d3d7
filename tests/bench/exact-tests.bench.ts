// The Monte Carlo p-value of a large cross-tab (R's chisq.test(simulate.p.value = TRUE, B = 2000)),
// which the cross-tab page works out while an analyst waits. Goal: well under 300 ms for
// a 10 × 6 table of 100,000. The baseline, in the same run, is the Pearson X² of the same table once:
// the least any test of it must do. Run with `npm run bench`; it prints figures and checks no speed.
import { expect, it } from 'vitest';
import { simulatedP } from '../../src/lib/analytics/exact-tests';
import { chiSquare } from '../../src/lib/analytics/statistics';

const rowShare = [0.05, 0.08, 0.1, 0.12, 0.15, 0.1, 0.09, 0.11, 0.1, 0.1];
const colShare = [0.3, 0.2, 0.15, 0.15, 0.1, 0.1];
const table = rowShare.map((r, i) => colShare.map((c, j) => Math.round(100_000 * r * c * (1 + 0.02 * Math.sin(i + 2 * j)))));

/** The median of `runs` timings of `work`, in milliseconds. */
function median(runs: number, work: () => unknown): number {
	const times = Array.from({ length: runs }, () => {
		const started = performance.now();
		work();
		return performance.now() - started;
	});
	return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

it('simulated p-value of a 10 × 6 table of 100,000 with B = 2000', () => {
	simulatedP(table, 50);
	const simulated = median(7, () => simulatedP(table));
	const once = median(101, () => chiSquare(table));
	console.log(`simulated p (B = 2000): ${simulated.toFixed(1)} ms (goal well under 300); one X²: ${(once * 1000).toFixed(1)} µs; ratio ${(simulated / once).toFixed(0)}`);
	expect(simulatedP(table)).toBeGreaterThan(0);
});
