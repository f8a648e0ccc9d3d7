// Cross-tabulation of any question (表頭: its answer categories) by a single-choice question or
// derived category (表側: e.g. age group), as survey offices lay it out: counts, row % and
// column %, Pearson's chi-square, cells under k hidden with their complements, and rows whose
// base is under 30 marked 参考値. Counted: respondents in the selection who were shown both
// questions and answered both.
import { VALID, type Dataset, type Variable, shownTo } from './dataset';
import { chiSquare, type ChiSquare } from './statistics';
import { isReferenceOnly, suppressCounts, suppressionMask } from './suppression';
import { shownIn, effectiveN } from './frequencies';

export interface CrossTabRow {
	code: number;
	label: string;
	/** Respondents in this row (for a multiple choice, each counts once however many they chose). */
	base: number;
	counts: number[];
	/** Weighted counts and base, when weighted. */
	weighted?: { base: number; counts: number[] };
	hidden: boolean[];
	/** The row's base is under k (or hidden so that another cannot be worked out from the total). */
	baseHidden: boolean;
	reference: boolean;
}

export interface CrossTab {
	by: { key: string; label: string };
	of: { key: string; label: string };
	columns: { code: number; label: string; total: number; hidden: boolean }[];
	rows: CrossTabRow[];
	total: number;
	/** Several answers per respondent (in either question): no chi-square; percentages may add past 100. */
	multiple: boolean;
	chi?: ChiSquare & { lowExpected: number };
	k: number;
	effectiveN?: number;
}

/** The categories a variable can be tabulated over; undefined when it has none (text). */
export function categoriesOf(v: Variable): { code: number; label: string }[] | undefined {
	if (v.kind === 'code' || v.kind === 'multi') return v.options.map((o) => ({ code: o.code, label: o.label.ja }));
	if (v.kind === 'number' && v.question.type === 'scale') {
		const q = v.question;
		return Array.from({ length: q.max - q.min + 1 }, (_, i) => ({ code: q.min + i, label: String(q.min + i) }));
	}
	return undefined;
}

export const canCrossBy = (v: Variable) => v.kind === 'code' || v.kind === 'multi';
export const canCross = (v: Variable) => categoriesOf(v) !== undefined;

export function crossTab(data: Dataset, of: Variable, by: Variable, selection: Int32Array, k: number): CrossTab {
	if (by.kind !== 'code' && by.kind !== 'multi') throw new Error(`${by.key} is not a choice variable`);
	const columns = categoriesOf(of);
	if (!columns) throw new Error(`${of.key} has no categories`);
	const rowsOf = by.options.map((o) => ({ code: o.code, label: o.label.ja }));
	const rowIndex = new Map(rowsOf.map((r, n) => [r.code, n]));
	const colIndex = new Map(columns.map((c, n) => [c.code, n]));
	const counts = rowsOf.map(() => new Array<number>(columns.length).fill(0));
	const bases = rowsOf.map(() => 0);
	const w = data.weights;
	const wCounts = rowsOf.map(() => new Array<number>(columns.length).fill(0));
	const wBases = rowsOf.map(() => 0);
	const shownBy = shownTo(data, by);
	const counted: number[] = [];
	for (const i of shownIn(data, of, selection)) {
		if (!shownBy[i] || by.state[i] !== VALID || of.state[i] !== VALID) continue;
		// A multiple choice puts the respondent in the row of every option chosen.
		const rows = by.kind === 'code' ? [rowIndex.get(by.codes[i])] : [...by.chosen].filter(([, a]) => a[i]).map(([code]) => rowIndex.get(code));
		const cells: number[] = [];
		if (of.kind === 'code') cells.push(colIndex.get(of.codes[i]) ?? -1);
		else if (of.kind === 'multi') for (const [code, a] of of.chosen) a[i] && cells.push(colIndex.get(code)!);
		else if (of.kind === 'number') cells.push(colIndex.get(of.values[i]) ?? -1);
		counted.push(i);
		for (const r of rows) {
			if (r === undefined) continue;
			bases[r]++;
			if (w) wBases[r] += w[i];
			for (const c of cells) {
				if (c < 0) continue;
				counts[r][c]++;
				if (w) wCounts[r][c] += w[i];
			}
		}
	}
	const hidden = suppressionMask(counts, k);
	const totals = columns.map((_, c) => counts.reduce((s, row) => s + row[c], 0));
	// The margins are one-way tables of their own: small ones are hidden the same way.
	const basesHidden = suppressCounts(bases, k);
	const totalsHidden = suppressCounts(totals, k);
	const multiple = of.kind === 'multi' || by.kind === 'multi';
	let chi: CrossTab['chi'];
	if (!multiple) {
		const result = chiSquare(counts);
		if (result) {
			const total = bases.reduce((a, b) => a + b, 0);
			const cells = counts.flatMap((row, r) => row.map((_, c) => (bases[r] * totals[c]) / total)).filter((e) => e > 0);
			chi = { ...result, lowExpected: cells.filter((e) => e < 5).length / (cells.length || 1) };
		}
	}
	return {
		by: { key: by.key, label: by.label },
		of: { key: of.key, label: of.label },
		columns: columns.map((c, n) => ({ ...c, total: totals[n], hidden: totalsHidden[n] })),
		rows: rowsOf.map((r, n) => ({
			...r,
			base: bases[n],
			counts: counts[n],
			weighted: w ? { base: wBases[n], counts: wCounts[n] } : undefined,
			hidden: hidden[n],
			baseHidden: basesHidden[n],
			reference: isReferenceOnly(bases[n])
		})),
		total: counted.length,
		multiple,
		chi,
		k,
		effectiveN: w ? effectiveN(w, counted) : undefined
	};
}

/** Shares in percent: of the row's base, or of the column's total. */
export const rowPercent = (t: CrossTab, r: number, c: number) => (t.rows[r].base ? (t.rows[r].counts[c] / t.rows[r].base) * 100 : undefined);
export const columnPercent = (t: CrossTab, r: number, c: number) => (t.columns[c].total ? (t.rows[r].counts[c] / t.columns[c].total) * 100 : undefined);
export const weightedRowPercent = (t: CrossTab, r: number, c: number) => {
	const w = t.rows[r].weighted;
	return w && w.base ? (w.counts[c] / w.base) * 100 : undefined;
};
