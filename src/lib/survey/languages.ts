// The languages a questionnaire and the site may be read in. Kept apart from schema.ts so the
// resident's page, which needs the list (the header's switch), does not download zod with it.

export const LANGUAGES = ['ja', 'easy', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The lang attribute of a whole page in a language: やさしい日本語 is Japanese (screen readers,
 * fonts) in its easy variant, which easy-japanese.css keys its line breaking on.
 */
export const htmlLang = (lang: Language): 'ja' | 'en' | 'ja-x-easy' =>
	lang === 'en' ? 'en' : lang === 'easy' ? 'ja-x-easy' : 'ja';
