import { beijingDayNumber } from '../../../shared/deadline';
import type { Locale } from '../store/ui-store';
import type { Translate } from './translate';

/** Every time is shown in Beijing time: the centre, its promises and its citizens keep it, whatever zone the machine is set to. */
const BEIJING = 'Asia/Shanghai';
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: BEIJING };
const DAY_TIME: Intl.DateTimeFormatOptions = {
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: BEIJING,
};
const FULL: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium', hour12: false, timeZone: BEIJING };

/** Making a formatter costs far more than using one, and the detail pane formats on every request. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${options === TIME ? 't' : options === DAY_TIME ? 'd' : 'f'}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

/** Received times: HH:mm today (a Beijing day), else MM-DD HH:mm — the queue is read in minutes, not dates. */
export function formatReceived(iso: string, locale: Locale, now: Date = new Date()): string {
  const at = new Date(iso);
  const sameDay = beijingDayNumber(at.getTime()) === beijingDayNumber(now.getTime());
  return formatter(locale, sameDay ? TIME : DAY_TIME).format(at);
}

/** Full date and time, for the detail pane. */
export function formatInstant(iso: string, locale: Locale): string {
  return formatter(locale, FULL).format(new Date(iso));
}

/** "12 秒" / "3 min": how long ago, coarsened to the largest whole unit. */
export function formatAge(iso: string, t: Translate, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return t('age.seconds', { n: seconds });
  if (seconds < 3600) return t('age.minutes', { n: Math.floor(seconds / 60) });
  if (seconds < 86400) return t('age.hours', { n: Math.floor(seconds / 3600) });
  return t('age.days', { n: Math.floor(seconds / 86400) });
}
