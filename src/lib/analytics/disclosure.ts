// Disclosure control for every table anyone sees (results pages, charts, cross-tabs, the public
// page, the aggregate CSV, the report): which counts to hide so that no one who reads a table
// can work out a hidden count to within fewer than k values.
//
// A table is a list of counts (cells and their totals) and the linear relations a reader knows
// hold among them: a row's cells add up to its base, a multiple choice's option counts are each
// at most the number who answered, a mean ties the counts together. A count under k (but not
// zero) is hidden; then, while any hidden count's feasible range (the least and greatest value
// it can take given everything shown, computed by linear programming) is narrower than k, the
// smallest shown count related to it is hidden too (for a two-way table, first the cheapest
// rectangle around each small cell). Zeros are shown, so a reader knows every hidden count is
// at least 1, and the audit assumes so; a table that cannot be protected that way (mostly
// small counts) is withheld whole, zeros too. Bases under 30 are 参考値.
import { maximise, type Constraint, type Relation } from './linear-program';

/** The one symbol for a hidden count or share, whatever the reason it is hidden. */
export const HIDDEN_MARK = 'x';
export const REFERENCE_BASE = 30;

export const isReferenceOnly = (base: number) => base < REFERENCE_BASE;

/** The legend printed with every table that hides anything. */
export const hiddenLegend = (k: number) =>
	`「${HIDDEN_MARK}」は、人数が ${k} 人未満の区分と、ほかの数字から計算できないように伏せた区分です。`;

export interface LinearFact {
	/** [quantity index, coefficient] */
	terms: [number, number][];
	op: Relation;
	rhs: number;
}

export interface TableModel {
	/** The true counts: cells, totals, and any internal quantities. */
	values: number[];
	/** Quantities the reader never sees (e.g. how many answered a multiple choice); they are not protected. */
	internal?: boolean[];
	/** Quantities always shown (the number of responses selected). */
	fixed?: boolean[];
	/** Totals (bases, margins): hidden as complements only when no cell will do, since hiding one spreads to its own line. */
	totals?: boolean[];
	/** A two-way table's cells, for complements chosen a rectangle at a time: grid[r][c] is the index of cell (r, c). */
	grid?: number[][];
	facts: LinearFact[];
}

/** A sum: the parts add up to the whole. */
export const sumFact = (parts: number[], whole: number): LinearFact => ({ terms: [...parts.map((p): [number, number] => [p, 1]), [whole, -1]], op: '=', rhs: 0 });
/** A part is at most a whole. */
export const atMostFact = (part: number, whole: number): LinearFact => ({ terms: [[part, 1], [whole, -1]], op: '<=', rhs: 0 });
/** The parts add up to at least the whole (each respondent in the whole is in one part or more). */
export const coverFact = (parts: number[], whole: number): LinearFact => ({ terms: [...parts.map((p): [number, number] => [p, 1]), [whole, -1]], op: '>=', rhs: 0 });

export interface Range {
	min: number;
	max: number;
}

/**
 * A hidden quantity's lower bound as a reader knows it: 1 for a published count, since zeros
 * are shown, unless the table hides a zero too (then 0); 0 for an internal one.
 */
const lowerBounds = (model: TableModel, hidden: boolean[]) => {
	const zeroHidden = hidden.some((h, i) => h && model.values[i] === 0 && !model.internal?.[i]);
	return (i: number) => (model.internal?.[i] || zeroHidden ? 0 : 1);
};

/**
 * Each hidden published count's feasible range given everything shown with it (undefined for
 * shown ones). The unknown counts fall into groups tied by the facts; each group is its own
 * linear program, so a table with a few hidden cells costs a few small ones.
 */
export function auditRanges(model: TableModel, hidden: boolean[]): (Range | undefined)[] {
	const lb = lowerBounds(model, hidden);
	const isUnknown = (i: number) => hidden[i] || !!model.internal?.[i];
	// Union–find over the unknown counts that share a fact.
	const parent = model.values.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	for (const f of model.facts) {
		const unknown = f.terms.map(([i]) => i).filter(isUnknown);
		for (const i of unknown.slice(1)) parent[find(i)] = find(unknown[0]);
	}
	const groups = new Map<number, number[]>();
	model.values.forEach((_, i) => isUnknown(i) && groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
	const out: (Range | undefined)[] = model.values.map(() => undefined);
	for (const members of groups.values()) {
		const targets = members.filter((i) => hidden[i] && !model.internal?.[i]);
		if (!targets.length) continue;
		const column = new Map(members.map((i, j) => [i, j]));
		// In terms of y = x − lower bound ≥ 0, with shown counts moved to the right-hand side.
		const constraints: Constraint[] = [];
		for (const f of model.facts) {
			if (!f.terms.some(([i]) => column.has(i))) continue;
			const coef = new Map<number, number>();
			let rhs = f.rhs;
			for (const [i, a] of f.terms) {
				const j = column.get(i);
				if (j === undefined) rhs -= a * model.values[i];
				else (coef.set(j, (coef.get(j) ?? 0) + a), (rhs -= a * lb(i)));
			}
			constraints.push({ coef, op: f.op, rhs });
		}
		for (const i of targets) {
			const j = column.get(i)!;
			const max = maximise(members.length, new Map([[j, 1]]), constraints);
			const negMin = maximise(members.length, new Map([[j, -1]]), constraints);
			// Infeasible cannot happen for true values; treat it as fully known to be safe.
			out[i] = max === undefined || negMin === undefined ? { min: model.values[i], max: model.values[i] } : { min: lb(i) - negMin, max: lb(i) + max };
		}
	}
	return out;
}

const width = (r: Range | undefined) => (r ? r.max - r.min : Infinity);

/** Whether every hidden count's range is at least k wide. */
export function isProtected(model: TableModel, hidden: boolean[], k: number): boolean {
	return auditRanges(model, hidden).every((r) => width(r) >= k - 1e-6);
}

/**
 * Which counts to hide: those under k (but not zero), then complements, the smallest related
 * count each time, until the audit finds every hidden range at least k wide.
 */
export function protect(model: TableModel, k: number): boolean[] {
	const { values } = model;
	const canHide = (i: number) => !model.internal?.[i] && !model.fixed?.[i] && values[i] > 0;
	const hidden = values.map((v, i) => canHide(i) && v < k);
	if (!hidden.some(Boolean)) return hidden;
	// A table mostly of small counts is withheld whole: every count but the fixed total, zeros too.
	const cells = model.grid?.flat() ?? [];
	const small = cells.filter((i) => hidden[i]).length;
	if (small > MAX_SMALL_CELLS || small > SMALL_SHARE * cells.filter((i) => values[i] > 0).length) return withheld(model);
	if (model.grid) hideRectangles(model, model.grid, hidden, k);
	const related = values.map(() => new Set<number>());
	for (const f of model.facts) for (const [a] of f.terms) for (const [b] of f.terms) if (a !== b) related[a].add(b);
	for (let step = 0; ; step++) {
		const ranges = auditRanges(model, hidden);
		let worst = -1;
		ranges.forEach((r, i) => {
			if (width(r) < k - 1e-6 && (worst < 0 || width(r) < width(ranges[worst]))) worst = i;
		});
		if (worst < 0) return hidden;
		if (step >= MAX_STEPS) return withheld(model);
		// Complements: the shown counts related to it, or to the hidden and internal counts it is tied
		// to (a chain of hidden cells is only as strong as its links), cells before totals, smallest first.
		const near = new Set<number>();
		const seen = new Set([worst]);
		const queue = [worst];
		while (queue.length) {
			for (const j of related[queue.shift()!]) {
				if (seen.has(j)) continue;
				seen.add(j);
				if (hidden[j] || model.internal?.[j]) queue.push(j);
				else near.add(j);
			}
		}
		const pick = (list: Iterable<number>, totals: boolean) =>
			[...list].filter((i) => !hidden[i] && canHide(i) && !!model.totals?.[i] === totals).sort((a, b) => values[a] - values[b] || a - b)[0];
		const next = pick(near, false) ?? pick(near, true) ?? pick(values.keys(), false) ?? pick(values.keys(), true);
		// Nothing left to hide but zeros: hiding them takes away "a hidden count is at least 1".
		if (next === undefined) return withheld(model);
		hidden[next] = true;
	}
}

/** Work bounds, so a table of many small cells costs a few small linear programs, not thousands. */
const MAX_SMALL_CELLS = 40;
const SMALL_SHARE = 0.8;
const MAX_STEPS = 20;

/** Everything hidden but the fixed total, zeros included: each count can then be anything from 0 to that total. */
function withheld(model: TableModel): boolean[] {
	return model.values.map((_, i) => !model.internal?.[i] && !model.fixed?.[i]);
}

/**
 * The classic first step for a two-way table: each small cell is hidden with the three other
 * corners of the rectangle that costs fewest respondents (cells already hidden cost nothing) and
 * moves it by at least k, so that neither its row nor its column reveals it. The audit after
 * this adds whatever else is needed.
 */
function hideRectangles(model: TableModel, grid: number[][], hidden: boolean[], k: number): void {
	const v = model.values;
	const small = grid.flatMap((row, r) => row.map((i, c) => ({ i, r, c }))).filter(({ i }) => hidden[i]).sort((a, b) => v[a.i] - v[b.i]);
	for (const { i, r, c } of small) {
		let best: number[] | undefined;
		let bestCost = Infinity;
		for (let r2 = 0; r2 < grid.length; r2++) {
			if (r2 === r) continue;
			for (let c2 = 0; c2 < grid[r].length; c2++) {
				if (c2 === c) continue;
				const [b, cc, d] = [grid[r][c2], grid[r2][c], grid[r2][c2]];
				if (!v[b] || !v[cc] || !v[d]) continue;
				// Moving the rectangle's corners by t, alternately up and down, keeps every line's sum.
				if (Math.min(v[i], v[d]) - 1 + Math.min(v[b], v[cc]) - 1 < k) continue;
				const cost = [b, cc, d].reduce((sum, j) => sum + (hidden[j] ? 0 : v[j]), 0);
				if (cost < bestCost) (bestCost = cost), (best = [b, cc, d]);
			}
		}
		for (const j of best ?? []) if (!model.fixed?.[j]) hidden[j] = true;
	}
}

/** Counts of disjoint groups (each a count that may be hidden) within a total that is shown. */
export function groupsModel(counts: number[], total: number): TableModel {
	const n = counts.length;
	return { values: [...counts, total], fixed: [...counts.map(() => false), true], totals: [...counts.map(() => false), true], facts: [{ terms: counts.map((_, i): [number, number] => [i, 1]), op: '<=', rhs: total }] };
}

/**
 * One question's table: the valid answers' counts (a single choice's add up to the number who
 * answered; a multiple choice's are each at most it and together at least it), 不明, 無回答 and
 * the base (at most the responses selected). How many answered is internal: `answeredIndex`.
 */
export function questionModel(
	valid: number[],
	unreadable: number,
	none: number,
	base: number,
	total: number,
	multiple: boolean,
	/** A multiple choice's rules a reader knows: options chosen alone, and how many may be chosen. */
	rules: { exclusive?: boolean[]; minSelect?: number; maxSelect?: number } = {}
): TableModel {
	const n = valid.length;
	const [u, e, b, t, answered] = [n, n + 1, n + 2, n + 3, n + 4];
	const cells = valid.map((_, i) => i);
	const facts: LinearFact[] = [sumFact([answered, u, e], b), atMostFact(b, t)];
	if (!multiple) facts.push(sumFact(cells, answered));
	else {
		facts.push(...cells.map((i) => atMostFact(i, answered)));
		if (n) facts.push(coverFact(cells, answered));
		// One who chose an exclusive option chose nothing else: it and any other option are at most those who answered.
		for (const x of cells.filter((i) => rules.exclusive?.[i]))
			for (const o of cells) if (o !== x) facts.push({ terms: [[x, 1], [o, 1], [answered, -1]], op: '<=', rhs: 0 });
		const all = cells.map((i): [number, number] => [i, 1]);
		if (rules.maxSelect) facts.push({ terms: [...all, [answered, -rules.maxSelect]], op: '<=', rhs: 0 });
		if (rules.minSelect) facts.push({ terms: [...all, [answered, -rules.minSelect]], op: '>=', rhs: 0 });
	}
	return {
		values: [...valid, unreadable, none, base, total, base - unreadable - none],
		fixed: [...valid.map(() => false), false, false, false, true, false],
		internal: [...valid.map(() => false), false, false, false, false, true],
		totals: [...valid.map(() => false), false, false, true, true, false],
		facts
	};
}
/** A count as published: null where hidden. */
export const shown = (n: number, hidden: boolean): number | null => (hidden ? null : n);

/** A share in percent of two published counts: null unless both are shown and the base is not zero. */
export const shareOf = (n: number | null, base: number | null): number | null => (n === null || base === null || base === 0 ? null : (n / base) * 100);
