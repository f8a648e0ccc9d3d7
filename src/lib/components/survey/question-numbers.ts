// What residents call a question: 問1, 問2… in the order of the questionnaire (as on the
// printed form), never the internal key (「C0」) that analysts use for the CSV column.
import type { Language, Questionnaire } from '$lib/survey/schema';
import { uiText } from '$lib/survey/messages';

/** Each question key with the name residents see (every question counts, shown or not, so
 * a number never changes when an answer shows or hides a question). */
export function questionNames(doc: Questionnaire, lang: Language): Map<string, string> {
	const name = uiText(lang).questionNumber;
	return new Map(doc.sections.flatMap((s) => s.questions).map((q, i) => [q.key, name(i + 1)]));
}
