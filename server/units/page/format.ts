import { toBeijingIso } from '../../../shared/deadline';

const MINUTE = 60_000;

/** A moment as unit staff read it: Beijing time, e.g. 11-28 09:40. */
export function beijingMinute(iso: string): string {
  return toBeijingIso(iso).slice(5, 16).replace('T', ' ');
}

/** A span in days, hours and minutes, e.g. 2天3小时, 45分钟. */
export function duration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days}天${hours}小时`;
  if (hours > 0) return `${hours}小时${rest}分钟`;
  return `${rest}分钟`;
}
