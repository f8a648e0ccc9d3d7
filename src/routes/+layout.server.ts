// What every page may need: the survey's time zone (SURVEY_TIME_ZONE), so that dates shown in
// the browser read as they do on the server, whatever the reader's own clock is set to; and
// the resident's language and text size (a page written in fewer languages returns its own).
import type { LayoutServerLoad } from './$types';
import { config } from '$lib/server/config';
import { pagePreferences } from '$lib/server/preferences';

export const load: LayoutServerLoad = ({ url, locals }) => ({
	timeZone: config.timeZone,
	...pagePreferences(url, locals)
});
