// The key offered for a new question: in the style of its section (F7 after F1…F6, D3 after
// D2), so the CSV columns and next year's edition read as the template does. The designer may
// change it; the questionnaire's check still refuses a duplicate.
import type { Questionnaire } from './schema';

const NUMBERED = /^([A-Za-z][A-Za-z_]*?)(\d+)$/;

/** Every key in use: sections, questions and matrix rows share one namespace. */
export function keysInUse(doc: Questionnaire): Set<string> {
	return new Set(
		doc.sections.flatMap((s) => [s.key, ...s.questions.flatMap((q) => [q.key, ...(q.type === 'matrix' ? q.rows.map((r) => r.key) : [])])])
	);
}

/** The first free key `prefix` + a number, after the highest number the prefix already has. */
export function nextKey(prefix: string, taken: Set<string>): string {
	let n = 0;
	for (const key of taken) {
		const m = key.match(NUMBERED);
		if (m && m[1] === prefix) n = Math.max(n, Number(m[2]));
	}
	while (taken.has(`${prefix}${n + 1}`)) n++;
	return `${prefix}${n + 1}`;
}

/**
 * A key for a question added to section `s`: the prefix of the section's last numbered question
 * (F6 → F), else the section's own key when it is letters only (a section D starts at D1), else Q.
 */
export function suggestQuestionKey(doc: Questionnaire, s: number): string {
	const section = doc.sections[s];
	const numbered = (section?.questions ?? []).map((q) => q.key.match(NUMBERED)).filter((m) => m !== null);
	const prefix = numbered.at(-1)?.[1] ?? (section && /^[A-Za-z]+$/.test(section.key) ? section.key : 'Q');
	return nextKey(prefix, keysInUse(doc));
}
