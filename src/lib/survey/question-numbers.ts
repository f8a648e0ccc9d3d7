// What residents call a question: 問1, 問2… in the order of the questionnaire, on the web form,
// the printed form and the public results alike, never the internal key (「C0」) that analysts
// use for the CSV column. Every question counts, shown or not, so a number never changes when
// an answer shows or hides a question.
import type { Language, Questionnaire } from './schema';
import { uiText } from './messages';

/** Each question key with its number: 1 for the questionnaire's first question. */
export function questionNumbers(doc: Questionnaire): Map<string, number> {
	return new Map(doc.sections.flatMap((s) => s.questions).map((q, i) => [q.key, i + 1]));
}

/**
 * Each question's name by section and position, for a questionnaire being edited (where two
 * questions may share a key for a moment): names[section][question].
 */
export function questionNamesByPosition(doc: Questionnaire, lang: Language): string[][] {
	const name = uiText(lang).questionNumber;
	let n = 0;
	return doc.sections.map((s) => s.questions.map(() => name(++n)));
}

/** Each question key with the name residents see in a language (問1, しつもん 1, Q1). */
export function questionNames(doc: Questionnaire, lang: Language): Map<string, string> {
	const name = uiText(lang).questionNumber;
	return new Map([...questionNumbers(doc)].map(([key, n]) => [key, name(n)]));
}
