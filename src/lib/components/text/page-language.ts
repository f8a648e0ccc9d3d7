// The language of the resident page being drawn, handed down by SurveyPage so that RubyText
// deep in a component (a notice paragraph, an option) knows whether it is easy Japanese
// without every component passing `lang` on.
import { getContext, setContext } from 'svelte';
import type { Language } from '$lib/survey/schema';

const KEY = Symbol('page-language');

export function setPageLanguage(lang: () => Language): void {
	setContext(KEY, lang);
}

export function pageLanguage(): Language | undefined {
	return getContext<(() => Language) | undefined>(KEY)?.();
}
