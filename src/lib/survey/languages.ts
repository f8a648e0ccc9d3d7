// The languages a questionnaire and the site may be read in. Kept apart from schema.ts so the
// resident's page, which needs the list (the header's switch), does not download zod with it.

export const LANGUAGES = ['ja', 'easy', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
