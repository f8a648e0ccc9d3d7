// The resident's language and text size: chosen with ?lang= / ?size= links (which work
// without JavaScript) and remembered on the device in plain preference cookies that carry no
// identifier.
import type { Cookies } from '@sveltejs/kit';
import { LANGUAGES, type Language } from '$lib/survey/schema';

export const TEXT_SIZES = ['normal', 'large', 'huge'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

const YEAR = 60 * 60 * 24 * 365;

function pick<T extends string>(
	url: URL,
	cookies: Cookies,
	name: string,
	allowed: readonly T[],
	fallback: T
): T {
	const asked = url.searchParams.get(name);
	if (asked && (allowed as readonly string[]).includes(asked)) {
		cookies.set(name, asked, { path: '/', maxAge: YEAR, httpOnly: false, sameSite: 'lax' });
		return asked as T;
	}
	const kept = cookies.get(name);
	return kept && (allowed as readonly string[]).includes(kept) ? (kept as T) : fallback;
}

export function textSize(url: URL, cookies: Cookies): TextSize {
	return pick(url, cookies, 'size', TEXT_SIZES, 'normal');
}

export function language(url: URL, cookies: Cookies): Language {
	return pick(url, cookies, 'lang', LANGUAGES, 'ja');
}

/** The resident's language if the survey offers it, else Japanese. */
export function offeredLanguage(lang: Language, offered: readonly Language[]): Language {
	return offered.includes(lang) ? lang : 'ja';
}

/** Staff pages are in Japanese whatever a resident chose on the same device. */
export const isStaffPath = (url: URL) => url.pathname === '/admin' || url.pathname.startsWith('/admin/');

/**
 * The language and text size of this page: the resident's choice, narrowed to the languages
 * the page is written in when it names them (a survey may offer Japanese only), and then
 * recorded in locals so that <html lang> says what the page really shows. Staff pages are
 * Japanese. Reading ?lang= and ?size= here makes SvelteKit run the load again when a switch
 * link changes them.
 */
export function pagePreferences(
	url: URL,
	locals: App.Locals,
	offered?: readonly Language[]
): { lang: Language; size: TextSize } {
	url.searchParams.get('lang');
	url.searchParams.get('size');
	if (isStaffPath(url)) return { lang: 'ja', size: locals.textSize };
	if (!offered) return { lang: locals.lang, size: locals.textSize };
	const lang = offeredLanguage(locals.lang, offered);
	locals.pageLang = lang;
	return { lang, size: locals.textSize };
}
