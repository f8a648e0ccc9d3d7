// The survey's "today": the calendar day in SURVEY_TIME_ZONE. It is the only date a response
// keeps, and the date every download is named by and every printed report is dated with, so
// a file made at 08:00 in Japan carries that day, not yesterday's (as the UTC date would).
import { config } from './config';
import { dayIn } from '$lib/dates';

export const surveyDay = (now = new Date()): string => dayIn(now, config.timeZone);
