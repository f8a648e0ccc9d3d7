// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Language } from '$lib/survey/schema';
import type { TextSize } from '$lib/server/preferences';
import type { Session, StaffUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
			/** The message in やさしい日本語 and English, for the residents' error page. */
			easy?: string;
			en?: string;
		}
		interface Locals {
			/** The resident's chosen language (cookie or ?lang=). */
			lang: Language;
			/** The language the page is written in, once its load has said (pagePreferences). */
			pageLang?: Language;
			textSize: TextSize;
			/** The member of staff logged in, or null (residents never log in). */
			user: StaffUser | null;
			session: Session | null;
		}
		interface PageData {
			/** The survey's time zone (SURVEY_TIME_ZONE), from the root layout: dates are shown in it. */
			timeZone: string;
		}
	}
}

export {};
