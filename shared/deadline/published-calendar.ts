// The attribute lets plain Node (Playwright's loader) import the JSON as ESM does.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { createHolidayCalendar, type HolidayCalendar } from './holiday-calendar';

/**
 * The State Council schedules the chinese-days package bundles (2004 → its latest published year).
 * Imported as data, not read from disk, so the same calendar works in the browser, Electron and the server.
 * Its `inLieuDays` only explain why a holiday exists; `holidays` already lists them.
 */
export const PUBLISHED_HOLIDAY_CALENDAR: HolidayCalendar = createHolidayCalendar({
  holidays: Object.keys(chineseDays.holidays),
  workdays: Object.keys(chineseDays.workdays),
});
