const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CREATED_AT =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;

/**
 * Weibo's Twitter-style time, "Mon Jul 16 18:09:20 +0800 2012", as an ISO instant in UTC.
 * Returns null for anything else, including impossible dates (Feb 30) — Date.parse would guess.
 */
export function weiboTimeToIso(text: string): string | null {
  const match = CREATED_AT.exec(text);
  if (!match) return null;
  const [, monthName, day, hour, minute, second, sign, offsetHours, offsetMinutes, year] = match as unknown as string[];
  const month = MONTHS.indexOf(monthName!);
  const fields = [Number(year), month, Number(day), Number(hour), Number(minute), Number(second)] as const;
  const local = new Date(Date.UTC(...fields));
  const sameFields =
    local.getUTCMonth() === month && local.getUTCDate() === fields[2] && local.getUTCHours() === fields[3];
  if (month < 0 || !sameFields || fields[4] > 59 || fields[5] > 59 || Number(offsetMinutes) > 59) return null;
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return new Date(local.getTime() - offsetMs).toISOString();
}

/** The same format, for the simulator and tests: `date` rendered in the given offset (Beijing by default). */
export function isoToWeiboTime(date: Date, offsetMinutes = 8 * 60): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const two = (n: number) => String(n).padStart(2, '0');
  const abs = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  return `${days[local.getUTCDay()]} ${MONTHS[local.getUTCMonth()]} ${two(local.getUTCDate())} ${time} ${offset} ${local.getUTCFullYear()}`;
}
