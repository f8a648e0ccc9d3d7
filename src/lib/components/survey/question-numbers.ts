// What residents call a question: 問1, 問2… in the order of the questionnaire (as on the
// printed form), never the internal key (「C0」) that analysts use for the CSV column.
import type { Language, Questionnaire } from '$lib/survey/schema';
import { uiText } from '$lib/survey/messages';

/** Each question's name, by section and position (every question counts, shown or not, so a
 * number never changes when an answer shows or hides a question). */
export function questionNumbers(doc: Questionnaire, lang: Language): string[][] {
	const name = uiText(lang).questionNumber;
	let n = 0;
	return doc.sections.map((s) => s.questions.map(() => name(++n)));
}

/** Each question key with the name residents see. */
export function questionNames(doc: Questionnaire, lang: Language): Map<string, string> {
	const numbers = questionNumbers(doc, lang);
	return new Map(doc.sections.flatMap((s, i) => s.questions.map((q, j) => [q.key, numbers[i][j]])));
}
