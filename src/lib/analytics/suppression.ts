// Hiding small cells in published tables, as Japanese official statistics do: a cell with
// fewer than k respondents (but more than none) is hidden, and wherever a row or column total
// is shown with exactly one hidden cell in it, a second cell is hidden too, so the first cannot
// be recovered by subtraction. Bases under 30 are marked 参考値 (for reference only).

export const REFERENCE_BASE = 30;

/** Which cells of a table of counts to hide. Row and column totals are assumed published. */
export function suppressionMask(table: number[][], k: number): boolean[][] {
	const hidden = table.map((row) => row.map((n) => n > 0 && n < k));
	// Complementary suppression, repeated until no line has a lone hidden cell.
	for (let changed = true; changed; ) {
		changed = false;
		const lines: [number, number][][] = [
			...table.map((row, i) => row.map((_, j): [number, number] => [i, j])),
			...(table[0] ?? []).map((_, j) => table.map((_, i): [number, number] => [i, j]))
		];
		for (const line of lines) {
			const lone = line.filter(([i, j]) => hidden[i][j]);
			if (lone.length !== 1) continue;
			// Hide the smallest other cell that has respondents (a zero would reveal nothing).
			const candidates = line.filter(([i, j]) => !hidden[i][j] && table[i][j] > 0);
			if (!candidates.length) continue;
			const [ci, cj] = candidates.reduce((a, b) => (table[b[0]][b[1]] < table[a[0]][a[1]] ? b : a));
			hidden[ci][cj] = true;
			changed = true;
		}
	}
	return hidden;
}

/** Counts of a one-way table (one row), with its small cells hidden. */
export function suppressCounts(counts: number[], k: number): boolean[] {
	return suppressionMask([counts], k)[0];
}

export const isReferenceOnly = (base: number) => base < REFERENCE_BASE;

/**
 * Which counts of a question's table to hide before publishing: with a base under k every
 * count that has respondents, otherwise small cells and their complements.
 */
export function publishableMask(counts: number[], base: number, k: number): boolean[] {
	return base < k ? counts.map((n) => n > 0) : suppressCounts(counts, k);
}
