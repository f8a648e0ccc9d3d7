// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Language } from '$lib/survey/schema';
import type { TextSize } from '$lib/server/preferences';

declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			lang: Language;
			textSize: TextSize;
		}
	}
}

export {};
