// The title a new edition is created with: kept apart from titles.ts, which the new-survey page
// runs in the browser, because knowing whether a translation is current needs the document's
// translation records (translation.ts) and, through them, the schema library.
import type { Text } from './schema';
import { japaneseHash, translationState, TRANSLATIONS } from './translation';
import { nextEditionTitle } from './titles';

/**
 * The whole title of a new edition: the Japanese as the official typed it, the translations with
 * the year moved on. A translation that matched its Japanese is recorded as made from the
 * suggested Japanese, so it stays current if the official took the suggestion and shows as
 * 要確認 if they wrote their own; one already 要確認 stays so.
 */
export function editionTitle(typed: string, source: Text | undefined, from: number, to: number): Text {
	if (!source) return { ja: typed };
	const moved = nextEditionTitle(source, from, to);
	const record: NonNullable<Text['translatedFrom']> = {};
	for (const lang of TRANSLATIONS)
		if (moved[lang]) {
			const made = translationState(source, lang) === 'ok' ? japaneseHash(moved.ja) : source.translatedFrom?.[lang];
			if (made) record[lang] = made;
		}
	return { ...moved, ja: typed, ...(Object.keys(record).length ? { translatedFrom: record } : {}) };
}
