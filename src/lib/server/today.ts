// The survey's "today": the calendar day in SURVEY_TIME_ZONE. It is the only date a response
// keeps, and the date every download is named by and every printed report is dated with, so
// a file made at 08:00 in Japan carries that day, not yesterday's (as the UTC date would).
import { config } from './config';
import { dayIn } from '$lib/dates';

// Every submission asks, so the answer is kept for the minute it was worked out in: zones are
// whole minutes apart from UTC, so the day never turns within one.
let memo = { minute: NaN, day: '' };

export function surveyDay(now = new Date()): string {
	const minute = Math.floor(now.getTime() / 60_000);
	if (minute !== memo.minute) memo = { minute, day: dayIn(now, config.timeZone) };
	return memo.day;
}
