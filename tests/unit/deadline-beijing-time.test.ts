import { describe, expect, it } from 'vitest';
import {
  beijingDayNumber,
  beijingDayStart,
  dateKeyOf,
  toBeijingIso,
  toEpochMs,
  weekdayOf,
} from '../../shared/deadline';

describe('Beijing time, whatever the machine time zone', () => {
  // The suite is also run with TZ=America/New_York; make sure that run really is in New York time.
  it('runs in the machine time zone it was started with', () => {
    if (process.env.TZ === 'America/New_York') expect(new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset()).toBe(300);
  });

  it('reads an ISO string without a zone, or a bare date, as Beijing time', () => {
    expect(toEpochMs('2025-10-10T20:00')).toBe(Date.UTC(2025, 9, 10, 12));
    expect(toEpochMs('2025-10-10')).toBe(Date.UTC(2025, 9, 9, 16));
    expect(toEpochMs('2025-10-10T12:00:00Z')).toBe(Date.UTC(2025, 9, 10, 12));
    expect(toEpochMs('2025-10-10T08:00:00-04:00')).toBe(Date.UTC(2025, 9, 10, 12));
    expect(() => toEpochMs('tomorrow')).toThrow(RangeError);
    expect(() => toEpochMs(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('takes Beijing day, weekday and time of day from epoch arithmetic, across the US DST switch', () => {
    // 2025-11-02 is when New York leaves DST; Beijing does not move.
    for (const iso of ['2025-11-01T23:30', '2025-11-02T01:30', '2025-11-02T14:30', '2025-11-03T00:10']) {
      const ms = toEpochMs(iso);
      expect(toBeijingIso(ms)).toBe(`${iso}:00+08:00`);
      expect(dateKeyOf(beijingDayNumber(ms))).toBe(iso.slice(0, 10));
      expect(ms - beijingDayStart(beijingDayNumber(ms))).toBe(
        (Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16))) * 60_000,
      );
    }
    expect(weekdayOf(beijingDayNumber(toEpochMs('2025-10-11T23:59')))).toBe(6); // Saturday in Beijing, Saturday noon in New York
    expect(weekdayOf(beijingDayNumber(toEpochMs('2025-10-12T00:01')))).toBe(0); // Sunday in Beijing, still Saturday in New York
  });
});
