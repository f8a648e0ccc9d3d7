// Calendar days and clock times in a time zone: the one place dates are worked out, in the
// browser and on the server alike. The zone is always passed in (the survey's, SURVEY_TIME_ZONE)
// and never taken from the computer's clock settings, so a download, a deadline or a stored
// day reads the same wherever the server or the reader happens to be.
import type { Language } from './survey/schema';

const DAY_MS = 24 * 3600_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Date.UTC, but for every year: Date.UTC reads years 0–99 as 1900–1999. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
	const d = new Date(0);
	d.setUTCFullYear(year, month, day);
	return d.setUTCHours(hour, minute, second, 0);
}

/** Intl formatters are slow to make and the same few are asked for again and again. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale} ${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
	return f;
}

/**
 * The clock reading in a zone at an instant, as the milliseconds at which UTC shows the same
 * reading (so Date's UTC getters and Date.UTC can do the calendar arithmetic).
 */
function wallClock(at: number, timeZone: string): number {
	const f = formatter('en-US', {
		timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
	});
	const p = Object.fromEntries(f.formatToParts(at).map((part) => [part.type, Number(part.value)]));
	return utc(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + (((at % 1000) + 1000) % 1000);
}

/**
 * The instant at which a zone's clocks show a reading (given as by wallClock). A reading that
 * happens twice (clocks going back) is the first; one that never happens (clocks going
 * forward) is read with the offset before the change, so 02:30 on a spring-forward night is
 * 03:30 — as the Temporal proposal and most calendars do.
 */
function instantOf(wall: number, timeZone: string): number {
	// Offsets are within ±14 h, so a day either side is before and after any change near it.
	const before = wallClock(wall - DAY_MS, timeZone) - (wall - DAY_MS);
	const after = wallClock(wall + DAY_MS, timeZone) - (wall + DAY_MS);
	const found = [wall - before, wall - after].filter((t) => wallClock(t, timeZone) === wall);
	return found.length ? Math.min(...found) : wall - before;
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(at: Date, timeZone: string): string {
	return new Date(wallClock(at.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** An instant as a zone's clocks show it, as a datetime-local field's value (YYYY-MM-DDTHH:MM). */
export function dateTimeIn(at: Date, timeZone: string): string {
	return new Date(wallClock(at.getTime(), timeZone)).toISOString().slice(0, 16);
}

/**
 * The instant of a day (YYYY-MM-DD, meaning its start) or a date-time (YYYY-MM-DDTHH:MM, as a
 * datetime-local field sends it, seconds optional) in a time zone; an invalid Date when the
 * text is no real date or time (2024-02-30, 25:00).
 */
export function zonedTime(local: string, timeZone: string): Date {
	const m = DATE_TIME.exec(local);
	if (!m) return new Date(NaN);
	const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0));
	const wall = utc(y, mo - 1, d, h, mi, s);
	// Date.UTC rolls 2024-02-30 over into March; a real date reads back as it was written.
	const back = new Date(wall);
	if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMinutes() !== mi)
		return new Date(NaN);
	return new Date(instantOf(wall, timeZone));
}

/** When a day (YYYY-MM-DD) begins in a time zone, as stored (ISO, UTC). */
export function startOfDay(day: string, timeZone: string): string {
	return zonedTime(day, timeZone).toISOString();
}

/** The day (YYYY-MM-DD) some days after (or, negative, before) another. */
export function addDays(day: string, days: number): string {
	const m = DAY.exec(day);
	if (!m) throw new RangeError(`not a day: ${day}`);
	return new Date(utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/**
 * The last minute (23:59) of the month `months` after the one a day falls in, in a time zone,
 * as stored (ISO, UTC): the usual deadline of a mailed survey ("until the end of June").
 */
export function endOfMonth(day: string, months: number, timeZone: string): string {
	const m = DAY.exec(day);
	if (!m) throw new RangeError(`not a day: ${day}`);
	// Day 0 of the next month is the last day of this one.
	const last = new Date(utc(Number(m[1]), Number(m[2]) + months, 0)).toISOString().slice(0, 10);
	return zonedTime(`${last}T23:59`, timeZone).toISOString();
}

/** The Japanese fiscal year (年度, from 1 April) a day (YYYY-MM-DD) belongs to. */
export function fiscalYearOf(day: string): number {
	const year = Number(day.slice(0, 4));
	return Number(day.slice(5, 7)) >= 4 ? year : year - 1;
}

/** The Japanese eras a fiscal year may be named in, newest first, with the year each began. */
const ERAS = [
	{ name: '令和', letter: 'R', start: 2019 },
	{ name: '平成', letter: 'H', start: 1989 },
	{ name: '昭和', letter: 'S', start: 1926 }
] as const;

export type EraName = (typeof ERAS)[number]['name'];

/**
 * The era and year of the era a fiscal year is named with (FY2026 is 令和8年度). A fiscal year
 * takes the era of the most part of it, as offices write it: FY2019, begun in 平成31年 April,
 * is 令和元年度. Undefined before 昭和.
 */
export function eraOfFiscalYear(fiscalYear: number): { name: EraName; letter: string; year: number } | undefined {
	const era = ERAS.find((e) => fiscalYear >= e.start);
	return era && { name: era.name, letter: era.letter, year: fiscalYear - era.start + 1 };
}

/** The fiscal year (西暦) an era year names: 令和8 is 2026; 元 is written 1. */
export function fiscalYearOfEra(name: EraName | string, year: number): number | undefined {
	const era = ERAS.find((e) => e.name === name || e.letter === name);
	return era && era.start + year - 1;
}

/** 令和8年度, 令和元年度: a fiscal year in the Japanese era (the year alone when before 昭和). */
export function eraFiscalYearName(fiscalYear: number): string {
	const era = eraOfFiscalYear(fiscalYear);
	return era ? `${era.name}${era.year === 1 ? '元' : era.year}年度` : `${fiscalYear}年度`;
}

/** 2026年度（令和8年度）: a fiscal year as staff read it, in 西暦 and in the era together. */
export function fiscalYearName(fiscalYear: number): string {
	return eraOfFiscalYear(fiscalYear) ? `${fiscalYear}年度（${eraFiscalYearName(fiscalYear)}）` : `${fiscalYear}年度`;
}

const LOCALE = (lang: Language) => (lang === 'en' ? 'en-GB' : 'ja-JP');

/** A date as residents read it: 2026年11月25日 (Japanese) or 25 November 2026 (English). */
export function formatDate(iso: string, lang: Language, timeZone: string): string {
	return formatter(LOCALE(lang), { timeZone, year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(iso));
}

/** A survey day (YYYY-MM-DD, on the survey's calendar) as residents read it, as formatDate does. */
export function formatDay(day: string, lang: Language, timeZone: string): string {
	return formatDate(startOfDay(day, timeZone), lang, timeZone);
}

/** A count as residents read it: 1,234 with the separators of the page's language. */
export function formatCount(n: number, lang: Language): string {
	return n.toLocaleString(LOCALE(lang));
}

/** A time of day as residents read it: 23:59 (in both languages). */
export function formatTime(iso: string, lang: Language, timeZone: string): string {
	return formatter(LOCALE(lang), { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** A moment to the second, for staff (the audit log): 2026/04/01 8:00:00. */
export function formatDateTime(iso: string, timeZone: string): string {
	return formatter('ja-JP', { timeZone, dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
}
