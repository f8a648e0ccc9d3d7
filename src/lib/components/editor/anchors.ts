// The editor's addresses for its cards: /admin/surveys/3/edit#question-F1 opens question F1,
// #section-F section F, #survey-texts the survey's own texts. Each card carries that id, so a
// link from a problem (on the editor's page or another) leads to the card it is about.
import type { Questionnaire } from '$lib/survey/schema';
import type { Card } from './moves';

export const TEXTS_ANCHOR = 'survey-texts';
export const questionAnchor = (key: string) => `question-${key}`;
export const sectionAnchor = (key: string) => `section-${key}`;

/** The id of a card of this document. */
export function cardAnchor(doc: Questionnaire, card: Card): string {
	if (card.kind === 'texts') return TEXTS_ANCHOR;
	const section = doc.sections[card.section];
	if (card.kind === 'section') return sectionAnchor(section?.key ?? '');
	return questionAnchor(section?.questions[card.index]?.key ?? '');
}

/** The card an address's fragment (with or without its #) names, if the document has it. */
export function cardOfHash(doc: Questionnaire, hash: string): Card | null {
	let id: string;
	try {
		id = decodeURIComponent(hash.replace(/^#/, ''));
	} catch {
		return null;
	}
	if (id === TEXTS_ANCHOR) return { kind: 'texts' };
	const m = /^(question|section)-(.+)$/.exec(id);
	if (!m) return null;
	for (const [section, s] of doc.sections.entries()) {
		if (m[1] === 'section' && s.key === m[2]) return { kind: 'section', section };
		const index = s.questions.findIndex((q) => q.key === m[2]);
		if (m[1] === 'question' && index >= 0) return { kind: 'question', section, index };
	}
	return null;
}
