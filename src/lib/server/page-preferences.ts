// Puts the page's language and text size on <html> in the server-rendered page, so the
// first paint is already right (lang for screen readers and fonts; data-size for CSS). The
// language is the one the page is written in (set by its load through pagePreferences), which
// is the resident's choice unless the page does not offer it; staff pages are Japanese.
import type { Handle } from '@sveltejs/kit';
import { htmlLang } from '$lib/survey/languages';
import { isStaffPath, language, textSize } from './preferences';

export const handlePreferences: Handle = async ({ event, resolve }) => {
	const lang = language(event.url, event.cookies);
	const size = textSize(event.url, event.cookies);
	event.locals.lang = lang;
	event.locals.textSize = size;
	return resolve(event, {
		// Read when the page is rendered, after its loads have run.
		transformPageChunk: ({ html }) =>
			html
				.replace('%lang%', htmlLang(event.locals.pageLang ?? (isStaffPath(event.url) ? 'ja' : lang)))
				.replace('%textsize%', size)
	});
};
