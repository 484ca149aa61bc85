import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import {
  createHolidayCalendar,
  dateKeyOf,
  dayNumberOf,
  type HolidayCalendar,
  isWorkingDate,
  isWorkingDay,
  mergeHolidayCalendars,
  parseHolidayScheduleIcs,
  parseHolidayScheduleJson,
  PUBLISHED_HOLIDAY_CALENDAR as published,
} from '../../shared/deadline';

const packageFile = (path: string) =>
  readFileSync(createRequire(import.meta.url).resolve(`chinese-days/dist/${path}`), 'utf8');

function daysOf(from: string, to: string): number[] {
  const days: number[] = [];
  for (let day = dayNumberOf(from); day <= dayNumberOf(to); day++) days.push(day);
  return days;
}

function sameWorkingDays(a: HolidayCalendar, b: HolidayCalendar, from: string, to: string) {
  const differing = daysOf(from, to).filter((day) => isWorkingDay(a, day) !== isWorkingDay(b, day));
  expect(differing.map(dateKeyOf)).toEqual([]);
}

describe('published calendar (chinese-days data)', () => {
  // chinese-days' own isWorkday is not used as the oracle: it mixes UTC parsing with local getters and
  // answers wrongly under TZ=America/New_York. Its documented rule is applied to its raw data instead.
  it('agrees with the package data and its isWorkday rule on every day of 2024–2026', () => {
    const packageSays = (key: string) => {
      const weekday = new Date(`${key}T00:00:00Z`).getUTCDay();
      return key in chineseDays.workdays || (weekday >= 1 && weekday <= 5 && !(key in chineseDays.holidays));
    };
    const differing = daysOf('2024-01-01', '2026-12-31').filter(
      (day) => isWorkingDay(published, day) !== packageSays(dateKeyOf(day)),
    );
    expect(differing.map(dateKeyOf)).toEqual([]);
  });

  it('has the 2025 National Day / Mid-Autumn holiday 10-01..10-08 with 调休 on Sun 09-28 and Sat 10-11', () => {
    for (const day of daysOf('2025-10-01', '2025-10-08')) expect(isWorkingDay(published, day)).toBe(false);
    expect(isWorkingDate(published, '2025-09-28')).toBe(true);
    expect(isWorkingDate(published, '2025-10-11')).toBe(true);
    expect(isWorkingDate(published, '2025-10-12')).toBe(false);
    expect(isWorkingDate(published, '2025-10-09')).toBe(true);
  });

  it('has the 2026 Spring Festival 02-15..02-23 with 调休 on Sat 02-14 and Sat 02-28', () => {
    for (const day of daysOf('2026-02-15', '2026-02-23')) expect(isWorkingDay(published, day)).toBe(false);
    expect(isWorkingDate(published, '2026-02-14')).toBe(true);
    expect(isWorkingDate(published, '2026-02-28')).toBe(true);
    expect(isWorkingDate(published, '2026-02-24')).toBe(true);
  });

  it('has New Year 2026 01-01..01-03 with Sunday 01-04 worked, and National Day 2026 with 调休 09-20 and 10-10', () => {
    expect(['2026-01-01', '2026-01-02', '2026-01-03'].map((d) => isWorkingDate(published, d))).toEqual([
      false,
      false,
      false,
    ]);
    expect(isWorkingDate(published, '2026-01-04')).toBe(true);
    expect(isWorkingDate(published, '2026-10-07')).toBe(false);
    expect(isWorkingDate(published, '2026-10-08')).toBe(true);
    expect(isWorkingDate(published, '2026-09-20')).toBe(true);
    expect(isWorkingDate(published, '2026-10-10')).toBe(true);
  });

  it('knows which years it covers, and that 2027 is not yet published', () => {
    expect(published.years.has(2025)).toBe(true);
    expect(published.years.has(2026)).toBe(true);
    expect(published.years.has(2027)).toBe(false);
  });
});

describe('the .ics files chinese-days ships', () => {
  it('parse to the same working days as its JSON (Chinese and English variants)', () => {
    const fromIcs = createHolidayCalendar(parseHolidayScheduleIcs(packageFile('holidays.ics')));
    sameWorkingDays(fromIcs, published, '2024-01-01', '2026-12-31');
    const fromEnglishIcs = createHolidayCalendar(parseHolidayScheduleIcs(packageFile('holidays.en.ics')));
    sameWorkingDays(fromEnglishIcs, published, '2024-01-01', '2026-12-31');
  });

  it('parse a single year file with multi-day events (DTEND exclusive)', () => {
    const year = parseHolidayScheduleIcs(packageFile('years/2026.ics'));
    expect(year.holidays).toEqual(expect.arrayContaining(['2026-02-15', '2026-02-23', '2026-10-07']));
    expect(year.holidays).not.toContain('2026-02-24');
    expect([...year.workdays].sort()).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});

describe('administrator-loaded schedules', () => {
  // A made-up 2027 fragment: the real one is published by the State Council around November 2026.
  const ics2027 = [
    'BEGIN:VCALENDAR',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270101',
    'DTEND;VALUE=DATE:20270104',
    'SUMMARY:元旦(休)',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270206',
    'SUMMARY:春节调休上',
    ' 班',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART:20270207T000000',
    'SUMMARY:春节放假',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');

  it('reads an .ics with folded lines, single-day events and 调休上班 wording', () => {
    expect(parseHolidayScheduleIcs(ics2027)).toEqual({
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-07'],
      workdays: ['2027-02-06'],
    });
  });

  it('rejects an .ics event marked neither 休 nor 班, or without a date', () => {
    const event = (lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\n');
    expect(() => parseHolidayScheduleIcs(event(['DTSTART;VALUE=DATE:20270101', 'SUMMARY:除夕']))).toThrow(
      /neither 休 nor 班/,
    );
    expect(() => parseHolidayScheduleIcs(event(['SUMMARY:元旦(休)']))).toThrow(/no DTSTART/);
  });

  it('reads JSON as date arrays or as chinese-days maps', () => {
    expect(parseHolidayScheduleJson('{"holidays":["2027-01-01"],"workdays":[]}')).toEqual({
      holidays: ['2027-01-01'],
      workdays: [],
    });
    expect(
      parseHolidayScheduleJson('{"holidays":{"2027-01-01":"New Year\'s Day,元旦,1"},"workdays":{"2027-02-06":"x"}}'),
    ).toEqual({
      holidays: ['2027-01-01'],
      workdays: ['2027-02-06'],
    });
  });

  it('rejects malformed JSON, wrong shapes, impossible dates and contradictions', () => {
    expect(() => parseHolidayScheduleJson('{holidays')).toThrow(/not JSON/);
    expect(() => parseHolidayScheduleJson('{"holidays":"2027-01-01","workdays":[]}')).toThrow(/holidays, workdays/);
    expect(() => createHolidayCalendar({ holidays: ['2027-02-30'], workdays: [] })).toThrow(/not a calendar date/);
    expect(() => createHolidayCalendar({ holidays: ['2027/01/01'], workdays: [] })).toThrow(/not a calendar date/);
    expect(() => createHolidayCalendar({ holidays: ['2027-01-01'], workdays: ['2027-01-01'] })).toThrow(/both/);
  });

  it('merge onto the published calendar: adds next year, and corrects a published day either way', () => {
    const admin = createHolidayCalendar(parseHolidayScheduleIcs(ics2027));
    const correction = createHolidayCalendar({ holidays: ['2026-10-08'], workdays: ['2026-10-07'] });
    const merged = mergeHolidayCalendars(published, admin, correction);
    expect(merged.years.has(2027)).toBe(true);
    expect(isWorkingDate(merged, '2027-01-01')).toBe(false);
    expect(isWorkingDate(merged, '2027-02-06')).toBe(true); // a Saturday
    expect(isWorkingDate(merged, '2026-10-08')).toBe(false);
    expect(isWorkingDate(merged, '2026-10-07')).toBe(true);
    sameWorkingDays(merged, published, '2024-01-01', '2026-10-06');
    expect(isWorkingDate(published, '2026-10-08')).toBe(true); // the base is not mutated
  });
});
