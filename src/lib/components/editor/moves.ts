// Moving questions and sections in the editor's outline (by drag or by 「上へ」「下へ」): where a
// move lands, which card is where afterwards, and whether the questionnaire still reads in
// order (a condition may only look back at earlier questions; a section keeps a question).
import type { Condition, Questionnaire, Section } from '$lib/survey/schema';
import { isClause } from '$lib/survey/conditions';

/** A question's place: its section and its position there. */
export interface Place {
	section: number;
	index: number;
}

/** A card of the editor: the survey's own texts, a section, or a question. */
export type Card = { kind: 'texts' } | { kind: 'section'; section: number } | ({ kind: 'question' } & Place);

export type Moved =
	| { ok: true; sections: Section[]; at: Card; follow: (card: Card) => Card }
	| { ok: false; reason: string };

/** The questions a condition names (malformed parts of a draft name none). */
function named(condition: Condition | undefined): string[] {
	if (!condition || typeof condition !== 'object') return [];
	const items = 'all' in condition ? condition.all : 'any' in condition ? condition.any : [];
	if (!Array.isArray(items)) return [];
	return items.flatMap((item) => (isClause(item) ? (typeof item.question === 'string' ? [item.question] : []) : named(item)));
}

/**
 * Each condition that names a question placed after it, in words (questions that are nowhere
 * in the document are a problem of their own, whatever the order).
 */
function outOfOrder(sections: Section[]): Map<string, string> {
	const all = new Set(sections.flatMap((s) => s.questions.map((q) => q.key)));
	const earlier = new Set<string>();
	const found = new Map<string, string>();
	const look = (who: string, name: string, condition: Condition | undefined) => {
		for (const key of named(condition))
			if (all.has(key) && !earlier.has(key))
				found.set(`${who}\u0000${key}`, `${name} は ${key} の答えで表示するかが決まるため、${key} より前には置けません。`);
	};
	for (const section of sections) {
		look(`s:${section.key}`, `セクション ${section.key}`, section.showIf);
		for (const q of section.questions) {
			look(`q:${q.key}`, q.key, q.showIf);
			earlier.add(q.key);
		}
	}
	return found;
}

/** Refuses a reordering that puts a condition before a question it names, unless it already was. */
function inOrder(before: Section[], after: Section[]): string | null {
	const was = outOfOrder(before);
	for (const [pair, reason] of outOfOrder(after)) if (!was.has(pair)) return `移せません：${reason}`;
	return null;
}

/** Moves the question at `from` to `to` (its place once it has been taken out). */
export function moveQuestion(doc: Questionnaire, from: Place, to: Place): Moved {
	// Where each question comes from, reordered as the questions will be.
	const layout = doc.sections.map((s, section) => s.questions.map((_, index) => ({ section, index })));
	const source = layout[from.section];
	const target = layout[to.section];
	if (!source?.[from.index] || !target) return { ok: false, reason: '移す先がありません。' };
	const [moving] = source.splice(from.index, 1);
	if (!source.length)
		return {
			ok: false,
			reason: `移せません：セクション ${doc.sections[from.section].key} の設問はこれだけです（セクションには設問が 1 つ以上必要です）。`
		};
	const index = Math.max(0, Math.min(to.index, target.length));
	target.splice(index, 0, moving);
	const sections = doc.sections.map((s, i) => ({ ...s, questions: layout[i].map((p) => doc.sections[p.section].questions[p.index]) }));
	const refused = inOrder(doc.sections, sections);
	if (refused) return { ok: false, reason: refused };
	const follow = (card: Card): Card => {
		if (card.kind !== 'question') return card;
		for (const [section, list] of layout.entries()) {
			const i = list.findIndex((p) => p.section === card.section && p.index === card.index);
			if (i >= 0) return { kind: 'question', section, index: i };
		}
		return card;
	};
	return { ok: true, sections, at: { kind: 'question', section: to.section, index }, follow };
}

/** Moves the section at `from` to position `to` (counted once it has been taken out). */
export function moveSection(doc: Questionnaire, from: number, to: number): Moved {
	const order = doc.sections.map((_, i) => i);
	if (from < 0 || from >= order.length) return { ok: false, reason: '移す先がありません。' };
	const [moving] = order.splice(from, 1);
	const at = Math.max(0, Math.min(to, order.length));
	order.splice(at, 0, moving);
	const sections = order.map((i) => doc.sections[i]);
	const refused = inOrder(doc.sections, sections);
	if (refused) return { ok: false, reason: refused };
	const follow = (card: Card): Card => (card.kind === 'texts' ? card : { ...card, section: order.indexOf(card.section) });
	return { ok: true, sections, at: { kind: 'section', section: at }, follow };
}

/**
 * Where 「上へ」 (-1) or 「下へ」 (+1) takes a question: one place along its section, and past
 * its section's end into the next section (or the previous one's end); null at either end of
 * the questionnaire.
 */
export function stepQuestion(doc: Questionnaire, from: Place, by: -1 | 1): Place | null {
	const here = doc.sections[from.section].questions.length;
	const index = from.index + by;
	if (index >= 0 && index < here) return { section: from.section, index };
	const section = from.section + by;
	if (section < 0 || section >= doc.sections.length) return null;
	return { section, index: by < 0 ? doc.sections[section].questions.length : 0 };
}

/** The place a question dropped before or after the question at `on` lands (as moveQuestion counts). */
export function dropPlace(from: Place, on: Place, after: boolean): Place {
	const shifted = from.section === on.section && from.index < on.index ? on.index - 1 : on.index;
	return { section: on.section, index: shifted + (after ? 1 : 0) };
}

/** The position a section dropped before or after the section `on` lands (as moveSection counts). */
export function dropSection(from: number, on: number, after: boolean): number {
	return (from < on ? on - 1 : on) + (after ? 1 : 0);
}

export const sameCard = (a: Card, b: Card): boolean =>
	a.kind === b.kind &&
	(a.kind === 'texts' || a.section === (b as typeof a).section) &&
	(a.kind !== 'question' || a.index === (b as typeof a).index);
