// What every page may need: the survey's time zone (SURVEY_TIME_ZONE), so that dates shown in
// the browser read as they do on the server, whatever the reader's own clock is set to.
import type { LayoutServerLoad } from './$types';
import { config } from '$lib/server/config';

export const load: LayoutServerLoad = () => ({ timeZone: config.timeZone });
