// The languages the survey being edited offers, shared from the editor with each text's
// fields (a context), so a text shows the state of exactly those translations.
import { getContext } from 'svelte';
import type { Language } from '$lib/survey/schema';

export const OFFERED = Symbol('offered languages');

/** The offered languages, read when needed; every language outside an editor (no context). */
export function offeredLanguages(): () => readonly Language[] {
	return getContext<(() => readonly Language[]) | undefined>(OFFERED) ?? (() => ['ja', 'easy', 'en']);
}
