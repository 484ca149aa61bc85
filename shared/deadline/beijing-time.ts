/**
 * Beijing wall-clock arithmetic on epoch milliseconds. China has used UTC+8 all year since 1991 (no DST),
 * so every field is plain arithmetic; nothing here may read the machine's local time zone.
 */
export const BEIJING_OFFSET_MS = 8 * 60 * 60_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** A Beijing calendar day as 'YYYY-MM-DD', the key every holiday schedule uses. */
export type DateKey = string;

/** A moment as a Date, epoch milliseconds, or an ISO 8601 string. */
export type TimeInput = Date | number | string;

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Epoch milliseconds of a moment. An ISO string without a zone (or a bare date) is read as Beijing time,
 * because `Date.parse` would otherwise read it in whatever zone the machine happens to be in.
 */
export function toEpochMs(input: TimeInput): number {
  if (typeof input === 'number') return checked(input, String(input));
  if (input instanceof Date) return checked(input.getTime(), 'Date');
  const text = input.trim();
  const zoned = HAS_ZONE.test(text) ? text : DATE_KEY.test(text) ? `${text}T00:00:00+08:00` : `${text}+08:00`;
  return checked(Date.parse(zoned), input);
}

function checked(ms: number, shown: string): number {
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid time: ${shown}`);
  return ms;
}

/** Whole days since 1970-01-01 in Beijing; consecutive days differ by exactly 1, across months and years. */
export function beijingDayNumber(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);
}

/** The instant a Beijing day begins (00:00 Beijing). */
export function beijingDayStart(dayNumber: number): number {
  return dayNumber * DAY_MS - BEIJING_OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function dateKeyOf(dayNumber: number): DateKey {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a 'YYYY-MM-DD' key; rejects impossible dates such as 2025-02-30. */
export function dayNumberOf(key: DateKey): number {
  const match = DATE_KEY.exec(key);
  if (match) {
    const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
    if (dateKeyOf(day) === key) return day;
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${key}`);
}

/** 'YYYY-MM-DDTHH:mm:ss+08:00' — how staff read a due time, independent of the viewer's machine. */
export function toBeijingIso(time: TimeInput): string {
  return `${new Date(toEpochMs(time) + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}
