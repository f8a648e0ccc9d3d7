// Days and clock times in a time zone passed in, never the computer's own: Japan (no summer
// time), UTC, and New York around both of its clock changes in 2026 (8 March, 1 November).
import { describe, expect, it } from 'vitest';
import {
	addDays, dateTimeIn, dayIn, endOfMonth, fiscalYearOf, formatCount, formatDate, formatDateTime, formatDay, formatTime, startOfDay, zonedTime
} from '../../src/lib/dates';

const NY = 'America/New_York';
const at = (iso: string) => new Date(iso);

describe('years before 100 and month ends', () => {
	it('are not read as 19xx, and a month ends on its own last day', () => {
		expect(addDays('0050-01-01', 0)).toBe('0050-01-01');
		expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(endOfMonth('2023-01-15', 1, 'UTC')).toBe('2023-02-28T23:59:00.000Z');
		expect(endOfMonth('2024-01-15', 1, 'UTC')).toBe('2024-02-29T23:59:00.000Z');
		expect(dayIn(new Date('0099-06-01T12:00:00Z'), 'UTC')).toBe('0099-06-01');
	});
});

describe('the day of an instant', () => {
	it('is the day where the zone is, not in UTC', () => {
		// 08:00 on 1 April in Japan is still 31 March in UTC and in New York.
		expect(dayIn(at('2026-03-31T23:00:00Z'), 'Asia/Tokyo')).toBe('2026-04-01');
		expect(dayIn(at('2026-03-31T23:00:00Z'), 'UTC')).toBe('2026-03-31');
		expect(dayIn(at('2026-03-31T23:00:00Z'), NY)).toBe('2026-03-31');
		expect(dayIn(at('2026-03-31T14:59:59.999Z'), 'Asia/Tokyo')).toBe('2026-03-31');
		expect(dayIn(at('2026-03-31T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-04-01');
		// Midnight in New York is 05:00 UTC in winter and 04:00 UTC in summer.
		expect(dayIn(at('2026-03-08T04:59:00Z'), NY)).toBe('2026-03-07');
		expect(dayIn(at('2026-03-08T05:00:00Z'), NY)).toBe('2026-03-08');
		expect(dayIn(at('2026-03-09T03:59:00Z'), NY)).toBe('2026-03-08');
		expect(dayIn(at('2026-03-09T04:00:00Z'), NY)).toBe('2026-03-09');
	});

	it('is read as a datetime-local field shows it, on the zone’s clock', () => {
		expect(dateTimeIn(at('2027-01-31T14:59:00Z'), 'Asia/Tokyo')).toBe('2027-01-31T23:59');
		expect(dateTimeIn(at('2027-01-31T14:59:00Z'), 'UTC')).toBe('2027-01-31T14:59');
		expect(dateTimeIn(at('2026-07-01T12:00:00Z'), NY)).toBe('2026-07-01T08:00');
		expect(dateTimeIn(at('2026-12-01T12:00:00Z'), NY)).toBe('2026-12-01T07:00');
	});
});

describe('the instant of a clock reading', () => {
	it('uses the zone’s offset on that date', () => {
		expect(zonedTime('2027-01-31T23:59', 'Asia/Tokyo').toISOString()).toBe('2027-01-31T14:59:00.000Z');
		expect(zonedTime('2027-01-31T23:59', 'UTC').toISOString()).toBe('2027-01-31T23:59:00.000Z');
		expect(zonedTime('2026-01-15T09:00', NY).toISOString()).toBe('2026-01-15T14:00:00.000Z');
		expect(zonedTime('2026-07-15T09:00', NY).toISOString()).toBe('2026-07-15T13:00:00.000Z');
		expect(zonedTime('2026-07-15T09:00:30', NY).toISOString()).toBe('2026-07-15T13:00:30.000Z');
	});

	it('takes a time the clocks skip as the time after, and a time they repeat as the first', () => {
		// 02:00 → 03:00 on 8 March: 02:30 does not happen in New York.
		expect(zonedTime('2026-03-08T01:59', NY).toISOString()).toBe('2026-03-08T06:59:00.000Z');
		expect(zonedTime('2026-03-08T02:30', NY).toISOString()).toBe('2026-03-08T07:30:00.000Z');
		expect(zonedTime('2026-03-08T03:00', NY).toISOString()).toBe('2026-03-08T07:00:00.000Z');
		// 02:00 → 01:00 on 1 November: 01:30 happens twice, first in summer time.
		expect(zonedTime('2026-11-01T01:30', NY).toISOString()).toBe('2026-11-01T05:30:00.000Z');
		expect(zonedTime('2026-11-01T02:30', NY).toISOString()).toBe('2026-11-01T07:30:00.000Z');
	});

	it('reads back what it was given, on either side of a change', () => {
		for (const local of ['2026-03-07T23:15', '2026-03-08T01:00', '2026-03-08T03:45', '2026-11-01T00:59', '2026-11-01T03:00', '2026-12-31T23:59'])
			for (const zone of ['Asia/Tokyo', 'UTC', NY]) expect(dateTimeIn(zonedTime(local, zone), zone)).toBe(local);
	});

	it('is no date at all for text that is not a real date or time', () => {
		for (const bad of ['2024-02-30', '2024-13-01', '2024-99-99T99:99', '2024-02-29T24:00', '2024-02-29T23:60', '2024-2-1', '', '2024-02-29 23:00'])
			expect(Number.isNaN(zonedTime(bad, 'Asia/Tokyo').getTime()), bad).toBe(true);
		expect(zonedTime('2024-02-29T23:00', 'Asia/Tokyo').toISOString()).toBe('2024-02-29T14:00:00.000Z');
	});
});

describe('days', () => {
	it('begin at midnight in the zone', () => {
		expect(startOfDay('2026-04-01', 'Asia/Tokyo')).toBe('2026-03-31T15:00:00.000Z');
		expect(startOfDay('2026-04-01', 'UTC')).toBe('2026-04-01T00:00:00.000Z');
		expect(startOfDay('2026-03-08', NY)).toBe('2026-03-08T05:00:00.000Z');
		expect(startOfDay('2026-03-09', NY)).toBe('2026-03-09T04:00:00.000Z');
		expect(startOfDay('2026-11-02', NY)).toBe('2026-11-02T05:00:00.000Z');
	});

	it('are counted on the calendar, across months, years and leap days', () => {
		expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(addDays('2026-04-01', -7)).toBe('2026-03-25');
	});

	it('belong to the fiscal year that starts on 1 April', () => {
		expect(fiscalYearOf('2026-03-31')).toBe(2025);
		expect(fiscalYearOf('2026-04-01')).toBe(2026);
		expect(fiscalYearOf('2026-12-31')).toBe(2026);
	});

	it('end a month at 23:59 in the zone', () => {
		// The end of the month after next, as the bundled survey's deadline.
		expect(endOfMonth('2026-04-01', 2, 'Asia/Tokyo')).toBe('2026-06-30T14:59:00.000Z');
		expect(endOfMonth('2026-11-15', 2, 'Asia/Tokyo')).toBe('2027-01-31T14:59:00.000Z');
		expect(endOfMonth('2026-12-02', 2, 'Asia/Tokyo')).toBe('2027-02-28T14:59:00.000Z');
		expect(endOfMonth('2024-01-31', 1, 'Asia/Tokyo')).toBe('2024-02-29T14:59:00.000Z');
		expect(endOfMonth('2026-01-10', 0, 'UTC')).toBe('2026-01-31T23:59:00.000Z');
		expect(endOfMonth('2026-10-10', 0, NY)).toBe('2026-11-01T03:59:00.000Z');
		expect(endOfMonth('2026-10-10', 1, NY)).toBe('2026-12-01T04:59:00.000Z');
	});
});

describe('dates as people read them', () => {
	it('are shown on the zone’s calendar and clock', () => {
		const deadline = '2027-01-31T14:59:00.000Z';
		expect(formatDate(deadline, 'ja', 'Asia/Tokyo')).toBe('2027年1月31日');
		expect(formatDate(deadline, 'easy', 'Asia/Tokyo')).toBe('2027年1月31日');
		expect(formatDate(deadline, 'en', 'Asia/Tokyo')).toBe('31 January 2027');
		expect(formatTime(deadline, 'ja', 'Asia/Tokyo')).toBe('23:59');
		expect(formatDate(deadline, 'ja', NY)).toBe('2027年1月31日');
		expect(formatTime(deadline, 'en', NY)).toBe('9:59');
		// Just after midnight in Japan is the evening before in UTC.
		expect(formatDate('2026-03-31T15:30:00Z', 'ja', 'Asia/Tokyo')).toBe('2026年4月1日');
		expect(formatDate('2026-03-31T15:30:00Z', 'ja', 'UTC')).toBe('2026年3月31日');
		// A survey day is that day on the survey's calendar, wherever it is read.
		expect(formatDay('2023-10-01', 'ja', 'Asia/Tokyo')).toBe('2023年10月1日');
		expect(formatDay('2023-10-01', 'en', NY)).toBe('1 October 2023');
		expect(formatCount(12345, 'ja')).toBe('12,345');
		expect(formatCount(12345, 'en')).toBe('12,345');
		expect(formatDateTime('2026-03-31T23:00:00Z', 'Asia/Tokyo')).toBe('2026/04/01 8:00:00');
		expect(formatDateTime('2026-03-31T23:00:00Z', 'UTC')).toBe('2026/03/31 23:00:00');
		expect(formatDateTime('2026-07-01T12:00:00Z', NY)).toBe('2026/07/01 8:00:00');
	});
});
