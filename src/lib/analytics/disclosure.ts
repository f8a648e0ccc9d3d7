// Disclosure control for every table anyone sees (results pages, charts, cross-tabs, the public
// page, the aggregate CSV, the report): which counts to hide so that no one who reads a table
// can work out a hidden count to within fewer than k values.
//
// A table is a list of counts (cells and their totals) and the linear relations a reader knows
// hold among them: a row's cells add up to its base, a multiple choice's option counts are each
// at most the number who answered, a mean ties the counts together. A count under k (but not
// zero) is hidden; then, while any hidden count's feasible range (the least and greatest value
// it can take given everything shown, computed by linear programming) is narrower than k, the
// smallest shown count related to it is hidden too. Zeros are never hidden, so a reader knows
// every hidden count is at least 1, and the audit assumes so. Bases under 30 are 参考値.
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

/** A hidden quantity's lower bound as a reader knows it: 1 for a published count (zeros are shown), 0 for an internal one. */
const lowerBound = (model: TableModel, i: number) => (model.internal?.[i] ? 0 : 1);

/** Each hidden published count's feasible range given everything shown with it (undefined for shown ones). */
export function auditRanges(model: TableModel, hidden: boolean[], only?: number[]): (Range | undefined)[] {
	const unknown = model.values.map((_, i) => i).filter((i) => hidden[i] || model.internal?.[i]);
	const column = new Map(unknown.map((i, j) => [i, j]));
	// In terms of y = x − lower bound ≥ 0, with shown counts moved to the right-hand side.
	const constraints: Constraint[] = [];
	for (const f of model.facts) {
		const coef = new Map<number, number>();
		let rhs = f.rhs;
		for (const [i, a] of f.terms) {
			const j = column.get(i);
			if (j === undefined) rhs -= a * model.values[i];
			else {
				coef.set(j, (coef.get(j) ?? 0) + a);
				rhs -= a * lowerBound(model, i);
			}
		}
		if (coef.size) constraints.push({ coef, op: f.op, rhs });
	}
	const out: (Range | undefined)[] = model.values.map(() => undefined);
	for (const i of only ?? unknown) {
		if (model.internal?.[i] || !hidden[i]) continue;
		const j = column.get(i)!;
		const max = maximise(unknown.length, new Map([[j, 1]]), constraints);
		const negMin = maximise(unknown.length, new Map([[j, -1]]), constraints);
		const lb = lowerBound(model, i);
		// Infeasible cannot happen for true values; treat it as fully known to be safe.
		out[i] = max === undefined || negMin === undefined ? { min: model.values[i], max: model.values[i] } : { min: lb - negMin, max: lb + max };
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
	const related = values.map(() => new Set<number>());
	for (const f of model.facts) for (const [a] of f.terms) for (const [b] of f.terms) if (a !== b) related[a].add(b);
	for (let guard = 0; guard < values.length; guard++) {
		const ranges = auditRanges(model, hidden);
		let worst = -1;
		ranges.forEach((r, i) => {
			if (width(r) < k - 1e-6 && (worst < 0 || width(r) < width(ranges[worst]))) worst = i;
		});
		if (worst < 0) break;
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
		if (next === undefined) break;
		hidden[next] = true;
	}
	return hidden;
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
export function questionModel(valid: number[], unreadable: number, none: number, base: number, total: number, multiple: boolean): TableModel {
	const n = valid.length;
	const [u, e, b, t, answered] = [n, n + 1, n + 2, n + 3, n + 4];
	const cells = valid.map((_, i) => i);
	return {
		values: [...valid, unreadable, none, base, total, base - unreadable - none],
		fixed: [...valid.map(() => false), false, false, false, true, false],
		internal: [...valid.map(() => false), false, false, false, false, true],
		totals: [...valid.map(() => false), false, false, true, true, false],
		facts: [
			sumFact([answered, u, e], b),
			atMostFact(b, t),
			...(multiple ? [...cells.map((i) => atMostFact(i, answered)), ...(n ? [coverFact(cells, answered)] : [])] : [sumFact(cells, answered)])
		]
	};
}
export const answeredIndex = (model: TableModel) => model.values.length - 1;

/** Adds a mean, shown to `decimals` places over `nIndex` values, that weighs the counts by `scores`: Σ score·count ≈ mean·n. */
export function withMean(model: TableModel, cells: { index: number; low: number; high: number }[], nIndex: number, mean: number, decimals: number): TableModel {
	const half = 0.5 * 10 ** -decimals;
	return {
		...model,
		facts: [
			...model.facts,
			// Σ low·count ≤ (mean + half)·n and Σ high·count ≥ (mean − half)·n
			{ terms: [...cells.map((c): [number, number] => [c.index, c.low]), [nIndex, -(mean + half)]], op: '<=', rhs: 0 },
			{ terms: [...cells.map((c): [number, number] => [c.index, c.high]), [nIndex, -(mean - half)]], op: '>=', rhs: 0 }
		]
	};
}

/** A count as published: null where hidden. */
export const shown = (n: number, hidden: boolean): number | null => (hidden ? null : n);

/** A share in percent of two published counts: null unless both are shown and the base is not zero. */
export const shareOf = (n: number | null, base: number | null): number | null => (n === null || base === null || base === 0 ? null : (n / base) * 100);
