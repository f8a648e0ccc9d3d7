// The survey that comes with the system: the FY2022 digital-level questionnaire, installed and
// opened on an empty database.
import type { DB } from '../db';
import { config } from '../config';
import { surveyDay } from '../today';
import { endOfMonth } from '$lib/dates';
import bundled2022 from '$lib/survey/templates/digital-level-2022.json';
import { BUNDLED_CONTACT } from '$lib/survey/privacy';
import { count } from './records';
import { create } from './drafts';
import { publish } from './life-cycle';

export const BUNDLED_SLUG = 'digital-2022';
/** The fiscal year the bundled questionnaire (and the template made from it) was written for. */
export const BUNDLED_FISCAL_YEAR = 2022;

/**
 * On an empty database, installs and opens the bundled FY2022 digital-level survey, with the
 * city's contact (phone and hours marked for the city to fill in) and a deadline at the end of
 * the month after next (23:59 in the survey's time zone), as a mailed survey would have.
 */
export function installBundled(db: DB, now = new Date()): boolean {
	if (count(db) > 0) return false;
	const { surveyId, versionId } = create(db, {
		slug: BUNDLED_SLUG,
		fiscalYear: BUNDLED_FISCAL_YEAR,
		document: bundled2022
	});
	const deadline = endOfMonth(surveyDay(now), 2, config.timeZone).replace(/\.\d{3}Z$/, 'Z');
	db.prepare('UPDATE survey SET contact = ? WHERE id = ?').run(JSON.stringify(BUNDLED_CONTACT), surveyId);
	publish(db, surveyId, versionId, { closesAt: deadline });
	return true;
}
