// Cross-tabulation of any question (表頭: its answer categories) by a choice question or derived
// category (表側: e.g. age group), as survey offices lay it out: counts, row % and column %, a
// test of independence, and the disclosure control over the cells and both margins, so the
// table returned is the published one (a hidden count is null here and never leaves the
// server). Counted: respondents in the selection who were shown both questions and answered the
// 表側; of those, the ones who did not answer the 表頭 form a 無回答 column when the base is
// 対象者 and are left out when it is 有効回答. Every share shown has its 95 % interval: Wilson's
// from the published counts, and with weights the linearised one computed here.
import { VALID, type Dataset, type Variable, shownTo } from './dataset';
import { chiSquare, occupiedPart, testCaution, type ChiSquare, type TestCaution } from './statistics';
import { fisherExact2x2, simulatedP } from './exact-tests';
import { raoScott, type RaoScott } from './rao-scott';
import { atMostFact, coverFact, isReferenceOnly, protect, shareOf, sumFact, type LinearFact, type TableModel } from './disclosure';
import { shownIn, effectiveN } from './frequencies';
import type { Denominator } from './published-tables';
import { percentInterval, weightedPercentInterval, type DesignInterval } from './uncertainty';

/** The column of those shown the 表頭 who did not answer it (base 対象者 only). */
export const MISSING_CODE = -1;

export interface CrossTabRow {
	code: number;
	label: string;
	/** Respondents in this row (for a multiple choice, each counts once however many they chose); null when hidden. */
	base: number | null;
	counts: (number | null)[];
	/**
	 * Weighted counts and base, when weighted (null where the count is hidden), and each weighted
	 * row %'s linearised interval (svyciprop on the row's respondents; null where hidden).
	 */
	weighted?: { base: number | null; counts: (number | null)[]; intervals: (DesignInterval | null)[] };
	reference: boolean;
}

export interface IndependenceTest extends ChiSquare {
	caution: TestCaution;
	/** Fisher's exact test (two-sided), for a 2×2 table. */
	fisher?: number;
	/** Monte Carlo p (2,000 tables with the same margins), when the caution applies. */
	simulated?: number;
	/** With weights: the Rao–Scott corrected test (F), as R's survey::svychisq. */
	raoScott?: RaoScott;
}

export interface CrossTab {
	by: { key: string; label: string };
	of: { key: string; label: string };
	columns: { code: number; label: string; total: number | null }[];
	rows: CrossTabRow[];
	/** Respondents counted (each once). */
	total: number;
	denominator: Denominator;
	/** Several answers per respondent (in either question): no test; percentages may add past 100. */
	multiple: boolean;
	/** The 表頭 is a multiple choice: a row's counts may add up past its base. */
	ofMultiple: boolean;
	/** Some count is hidden: print the legend. */
	hiding: boolean;
	test?: IndependenceTest;
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

/**
 * The relations a reader knows among a cross-tab's counts: cells (row-major), then row bases,
 * column totals and the total (always shown). A single choice's counts add up; a multiple
 * choice's are each at most their total and together at least it.
 */
/** Where each count of an R × C cross-tab is in its model: cells row by row, row bases, column totals, the total. */
const layout = (R: number, C: number) => ({
	cell: (r: number, c: number) => r * C + c,
	base: (r: number) => R * C + r,
	column: (c: number) => R * C + R + c,
	all: R * C + R + C
});

export function crossTabModel(cells: number[][], bases: number[], totals: number[], total: number, shape: { byMultiple: boolean; ofMultiple: boolean; missingColumn: boolean }): TableModel {
	const R = bases.length;
	const C = totals.length;
	const { cell, base, column, all } = layout(R, C);
	const answers = Array.from({ length: C }, (_, c) => c).filter((c) => !(shape.missingColumn && c === C - 1));
	const missing = shape.missingColumn ? C - 1 : -1;
	const facts: LinearFact[] = [];
	for (let r = 0; r < R; r++) {
		const line = Array.from({ length: C }, (_, c) => cell(r, c));
		if (!shape.ofMultiple) facts.push(sumFact(line, base(r)));
		else {
			// Each answer at most the row's respondents who answered; together at least them.
			const extra = missing >= 0 ? [cell(r, missing)] : [];
			for (const c of answers) facts.push({ terms: [[cell(r, c), 1], ...extra.map((i): [number, number] => [i, 1]), [base(r), -1]], op: '<=', rhs: 0 });
			facts.push(coverFact(line, base(r)));
		}
	}
	for (let c = 0; c < C; c++) {
		const line = Array.from({ length: R }, (_, r) => cell(r, c));
		if (!shape.byMultiple) facts.push(sumFact(line, column(c)));
		else {
			for (const i of line) facts.push(atMostFact(i, column(c)));
			facts.push(coverFact(line, column(c)));
		}
	}
	const rowsLine = Array.from({ length: R }, (_, r) => base(r));
	const columnsLine = Array.from({ length: C }, (_, c) => column(c));
	if (!shape.byMultiple) facts.push(sumFact(rowsLine, all));
	else facts.push(...rowsLine.map((i) => atMostFact(i, all)), coverFact(rowsLine, all));
	if (!shape.ofMultiple) facts.push(sumFact(columnsLine, all));
	else facts.push(...answers.map((c) => atMostFact(column(c), all)), coverFact(columnsLine, all));
	const values = [...cells.flat(), ...bases, ...totals, total];
	const grid = Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => cell(r, c)));
	return { values, fixed: values.map((_, i) => i === all), totals: values.map((_, i) => i >= R * C), grid, facts };
}

export function crossTab(data: Dataset, of: Variable, by: Variable, selection: Int32Array, k: number, denominator: Denominator = 'shown'): CrossTab {
	if (by.kind !== 'code' && by.kind !== 'multi') throw new Error(`${by.key} is not a choice variable`);
	const answerColumns = categoriesOf(of);
	if (!answerColumns) throw new Error(`${of.key} has no categories`);
	const missingColumn = denominator === 'shown';
	const columns = missingColumn ? [...answerColumns, { code: MISSING_CODE, label: '無回答・不明' }] : answerColumns;
	const rowsOf = by.options.map((o) => ({ code: o.code, label: o.label.ja }));
	const rowIndex = new Map(rowsOf.map((r, n) => [r.code, n]));
	const colIndex = new Map(columns.map((c, n) => [c.code, n]));
	const R = rowsOf.length;
	const C = columns.length;
	const counts = rowsOf.map(() => new Array<number>(C).fill(0));
	const bases = new Array<number>(R).fill(0);
	const totals = new Array<number>(C).fill(0);
	const w = data.weights;
	const wCounts = rowsOf.map(() => new Array<number>(C).fill(0));
	const wCounts2 = rowsOf.map(() => new Array<number>(C).fill(0));
	const wBases = new Array<number>(R).fill(0);
	const wBases2 = new Array<number>(R).fill(0);
	const shownBy = shownTo(data, by);
	const counted: number[] = [];
	// For the weighted test: each single-choice respondent's row and column.
	const testRows: number[] = [];
	const testCols: number[] = [];
	const testWeights: number[] = [];
	for (const i of shownIn(data, of, selection)) {
		if (!shownBy[i] || by.state[i] !== VALID) continue;
		const answered = of.state[i] === VALID;
		if (!answered && !missingColumn) continue;
		// A multiple choice puts the respondent in the row of every option chosen.
		const rows = by.kind === 'code' ? [rowIndex.get(by.codes[i])] : [...by.chosen].filter(([, a]) => a[i]).map(([code]) => rowIndex.get(code));
		const cells: number[] = [];
		if (!answered) cells.push(C - 1);
		else if (of.kind === 'code') cells.push(colIndex.get(of.codes[i]) ?? -1);
		else if (of.kind === 'multi') for (const [code, a] of of.chosen) a[i] && cells.push(colIndex.get(code)!);
		else if (of.kind === 'number') cells.push(colIndex.get(of.values[i]) ?? -1);
		counted.push(i);
		// The 合計 row counts respondents, each once, whatever the rows they are in.
		for (const c of cells) if (c >= 0) totals[c]++;
		for (const r of rows) {
			if (r === undefined) continue;
			bases[r]++;
			if (w) (wBases[r] += w[i]), (wBases2[r] += w[i] * w[i]);
			for (const c of cells) {
				if (c < 0) continue;
				counts[r][c]++;
				if (w) (wCounts[r][c] += w[i]), (wCounts2[r][c] += w[i] * w[i]);
			}
		}
		if (w && answered && cells.length === 1 && cells[0] >= 0 && rows.length === 1 && rows[0] !== undefined)
			(testRows.push(rows[0]), testCols.push(cells[0]), testWeights.push(w[i]));
	}
	const multiple = of.kind === 'multi' || by.kind === 'multi';
	const model = crossTabModel(counts, bases, totals, counted.length, { byMultiple: by.kind === 'multi', ofMultiple: of.kind === 'multi', missingColumn });
	const hidden = protect(model, k);
	const at = layout(R, C);
	const shownOr = (n: number, i: number) => (hidden[i] ? null : n);
	return {
		by: { key: by.key, label: by.label },
		of: { key: of.key, label: of.label },
		columns: columns.map((c, n) => ({ ...c, total: shownOr(totals[n], at.column(n)) })),
		rows: rowsOf.map((r, n) => ({
			...r,
			base: shownOr(bases[n], at.base(n)),
			counts: counts[n].map((x, c) => shownOr(x, at.cell(n, c))),
			weighted: w
				? {
						base: shownOr(wBases[n], at.base(n)),
						counts: wCounts[n].map((x, c) => shownOr(x, at.cell(n, c))),
						intervals: wCounts[n].map((x, c) =>
							hidden[at.cell(n, c)] || hidden[at.base(n)] ? null : (weightedPercentInterval({ w: x, w2: wCounts2[n][c] }, { n: bases[n], w: wBases[n], w2: wBases2[n] }, data.size) ?? null)
						)
					}
				: undefined,
			// Said only of a base that is shown: on a hidden one it would tell it is under 30.
			reference: !hidden[at.base(n)] && isReferenceOnly(bases[n])
		})),
		total: counted.length,
		denominator,
		multiple,
		ofMultiple: of.kind === 'multi',
		hiding: hidden.some(Boolean),
		// A statistic of the true counts can give hidden ones away: tested only when nothing is hidden.
		test: multiple || hidden.some(Boolean) ? undefined : independenceTest(counts.map((row) => row.slice(0, answerColumns.length)), w ? { rows: testRows, cols: testCols, weights: testWeights } : undefined),
		k,
		effectiveN: w ? effectiveN(w, counted) : undefined
	};
}

/** Pearson's chi-square with its caution, Fisher's exact p (2×2), a Monte Carlo p when cautioned, and Rao–Scott with weights. */
function independenceTest(table: number[][], weighted?: { rows: number[]; cols: number[]; weights: number[] }): IndependenceTest | undefined {
	const result = chiSquare(table);
	if (!result) return undefined;
	const caution = testCaution(table);
	const used = occupiedPart(table);
	const test: IndependenceTest = { ...result, caution };
	if (used.length === 2 && used[0].length === 2) test.fisher = fisherExact2x2(table);
	if (caution.warned) test.simulated = simulatedP(table);
	if (weighted)
		test.raoScott = raoScott(Int32Array.from(weighted.rows), Int32Array.from(weighted.cols), Float64Array.from(weighted.weights), table.length, table[0]?.length ?? 0);
	return test;
}

/** Shares in percent: of the row's base, or of the column's total (null where either is hidden). */
export const rowPercent = (t: CrossTab, r: number, c: number) => shareOf(t.rows[r].counts[c], t.rows[r].base);
export const columnPercent = (t: CrossTab, r: number, c: number) => shareOf(t.rows[r].counts[c], t.columns[c].total);
export const totalPercent = (t: CrossTab, c: number) => shareOf(t.columns[c].total, t.total);
export const weightedRowPercent = (t: CrossTab, r: number, c: number) => {
	const w = t.rows[r].weighted;
	return w ? shareOf(w.counts[c], w.base) : null;
};
/** The 95 % intervals of those shares, in percent: Wilson's from the published counts (undefined where either is hidden), linearised with weights. */
export const rowInterval = (t: CrossTab, r: number, c: number) => percentInterval(t.rows[r].counts[c], t.rows[r].base);
export const columnInterval = (t: CrossTab, r: number, c: number) => percentInterval(t.rows[r].counts[c], t.columns[c].total);
export const totalInterval = (t: CrossTab, c: number) => percentInterval(t.columns[c].total, t.total);
export const weightedRowInterval = (t: CrossTab, r: number, c: number) => t.rows[r].weighted?.intervals[c] ?? undefined;
