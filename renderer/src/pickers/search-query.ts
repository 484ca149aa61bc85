import type { SearchFilters } from '../../../shared/api/workstation-api';
import { searchUnits, type UnitIndex } from '../../../shared/directory/unit-search';
import { Channel, RequestStatus } from '../../../shared/model';

export interface ParsedSearch {
  text: string;
  filters: SearchFilters;
}

const DAY_MS = 86_400_000;
const BEIJING = '+08:00';

/**
 * The search box's language: words to find, plus filters typed as `ch:weibo`, `st:closed`,
 * `unit:gaj` (any unit type-ahead), `from:2026-11-01`, `to:2026-11-28` (Beijing days, inclusive).
 * A filter that does not parse stays in the text, where it finds nothing rather than vanishing.
 */
export function parseSearch(input: string, units: UnitIndex): ParsedSearch {
  const words: string[] = [];
  const filters: SearchFilters = {};
  for (const token of input.trim().split(/\s+/).filter(Boolean)) {
    const [, key, value] = /^(ch|st|unit|from|to):(.+)$/.exec(token) ?? [];
    if (key === 'ch' && Channel.safeParse(value).success) filters.channel = value as Channel;
    else if (key === 'st' && RequestStatus.safeParse(value).success) filters.status = value as RequestStatus;
    else if (key === 'unit' && value && searchUnits(units, value, 1)[0])
      filters.unitId = searchUnits(units, value, 1)[0]!.id;
    else if (key === 'from' && dayStart(value)) filters.from = dayStart(value)!;
    else if (key === 'to' && dayStart(value))
      filters.to = new Date(Date.parse(dayStart(value)!) + DAY_MS).toISOString();
    else words.push(token);
  }
  return { text: words.join(' '), filters };
}

function dayStart(day: string | undefined): string | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00${BEIJING}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
