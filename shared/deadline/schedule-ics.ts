import { dateKeyOf, dayNumberOf } from './beijing-time';
import type { HolidaySchedule } from './holiday-calendar';

/**
 * An iCalendar (.ics) holiday schedule: all-day VEVENTs, each a run of rest days (休) or make-up
 * working days (班). This is the format chinese-days ships (holidays.ics, years/YYYY.ics, and the
 * English variant with "(Holiday)"/"(Workday)"); Apple's X-APPLE-SPECIAL-DAY marker is honoured too.
 * An event that is neither is an error, not skipped: a silently dropped day would move deadlines.
 */
export function parseHolidayScheduleIcs(text: string): HolidaySchedule {
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const event of vevents(text)) {
    const kind = kindOf(event);
    const first = dayOf(event, 'DTSTART');
    // DTEND of an all-day event is exclusive; without one the event is that single day (RFC 5545 §3.6.1).
    const end = event.has('DTEND') ? dayOf(event, 'DTEND') : first + 1;
    for (let day = first; day < end; day++) (kind === 'holiday' ? holidays : workdays).push(dateKeyOf(day));
  }
  return { holidays, workdays };
}

type Event = Map<string, string>;

function vevents(text: string): Event[] {
  // Unfold continuation lines (CRLF + space/tab) before splitting into properties.
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const events: Event[] = [];
  let current: Event | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).split(';')[0]!.toUpperCase();
      current.set(name, line.slice(colon + 1).trim());
    }
  }
  return events;
}

function kindOf(event: Event): 'holiday' | 'workday' {
  const apple = event.get('X-APPLE-SPECIAL-DAY');
  if (apple === 'WORK-HOLIDAY') return 'holiday';
  if (apple === 'ALTERNATE-WORKDAY') return 'workday';
  const text = `${event.get('SUMMARY') ?? ''} ${event.get('DESCRIPTION') ?? ''}`;
  // 班 first: "调休上班" is a working day although it also contains 休.
  if (/班|workday/i.test(text)) return 'workday';
  if (/休|假|holiday/i.test(text)) return 'holiday';
  throw new TypeError(`calendar event "${event.get('SUMMARY') ?? '?'}" is marked neither 休 nor 班`);
}

function dayOf(event: Event, property: 'DTSTART' | 'DTEND'): number {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(event.get(property) ?? '');
  if (!match) throw new TypeError(`calendar event "${event.get('SUMMARY') ?? '?'}" has no ${property} date`);
  return dayNumberOf(`${match[1]}-${match[2]}-${match[3]}`);
}
