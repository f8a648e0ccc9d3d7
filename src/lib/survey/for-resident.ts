// The questionnaire as a resident's page needs it: texts in the chosen language only (with
// Japanese where a translation is missing), without the analysts' tags and index rules.
// Keeps the page small on a slow phone connection.
import type { Language, Questionnaire, Text } from './schema';

function isText(node: object): node is Text {
	return typeof (node as Text).ja === 'string';
}

function strip(node: unknown, lang: Language): unknown {
	if (Array.isArray(node)) return node.map((n) => strip(n, lang));
	if (!node || typeof node !== 'object') return node;
	if (isText(node)) return lang === 'ja' ? { ja: node.ja } : { ja: node.ja, [lang]: node[lang] ?? node.ja };
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
