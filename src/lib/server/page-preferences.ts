// Puts the page's language and text size on <html> in the server-rendered page, so the
// first paint is already right (lang for screen readers and fonts; data-size for CSS).
import type { Handle } from '@sveltejs/kit';
import { language, textSize } from './preferences';

export const handlePreferences: Handle = async ({ event, resolve }) => {
	const lang = language(event.url, event.cookies);
	const size = textSize(event.url, event.cookies);
	event.locals.lang = lang;
	event.locals.textSize = size;
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%lang%', lang === 'en' ? 'en' : 'ja').replace('%textsize%', size)
	});
};
