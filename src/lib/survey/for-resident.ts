// The questionnaire as a resident's page needs it: texts in the chosen language only (a text
// without that translation keeps only its Japanese, so the page can say it is shown in
// Japanese), without the analysts' tags and index rules or the translators' records.
// Keeps the page small on a slow phone connection.
import type { Language, Question, Questionnaire, Text } from './schema';

function isText(node: object): node is Text {
	return typeof (node as Text).ja === 'string';
}

function strip(node: unknown, lang: Language): unknown {
	if (Array.isArray(node)) return node.map((n) => strip(n, lang));
	if (!node || typeof node !== 'object') return node;
	if (isText(node)) return lang !== 'ja' && node[lang] ? { ja: node.ja, [lang]: node[lang] } : { ja: node.ja };
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node)) {
		if (key === 'tags' || key === 'score') continue;
		out[key] = strip(value, lang);
	}
	return out;
}

export function forResident(doc: Questionnaire, lang: Language): Questionnaire {
	const { index: _index, ...rest } = doc;
	return strip(rest, lang) as Questionnaire;
}

/** True when one of these texts is shown in Japanese on a page in `lang`, for want of a translation. */
export const shownInJapanese = (lang: Language, ...texts: (Text | undefined)[]): boolean =>
	lang !== 'ja' && texts.some((text) => text && !text[lang]);

/** A question's texts with where each sits in it: its label, help, scale ends, unit, rows and options. */
export function questionTexts(q: Question): { where: { field: string; option?: number; row?: number }; text: Text }[] {
	const found: { where: { field: string; option?: number; row?: number }; text: Text }[] = [];
	const add = (where: { field: string; option?: number; row?: number }, text: Text | undefined) => text && found.push({ where, text });
	add({ field: 'label' }, q.label);
	add({ field: 'help' }, q.help);
	if (q.type === 'scale') {
		add({ field: 'minLabel' }, q.minLabel);
		add({ field: 'maxLabel' }, q.maxLabel);
	}
	if (q.type === 'number') add({ field: 'unit' }, q.unit);
	if (q.type === 'matrix') q.rows.forEach((r, row) => add({ row, field: 'label' }, r.label));
	if ('options' in q) q.options.forEach((o, option) => add({ option, field: 'label' }, o.label));
	return found;
}
