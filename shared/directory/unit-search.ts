import type { Unit } from '../model';

/**
 * Type-ahead over the units directory: staff type a unit's name, an alias (公安), its pinyin
 * (gonganju), its pinyin initials (gaj) or an alias's (住建局 → zjj). Build the index once per directory, search per keystroke.
 */
export interface UnitIndex {
  entries: readonly IndexedUnit[];
}

interface IndexedUnit {
  unit: Unit;
  /** Keys a prefix match ranks high on: initials, pinyin, name, aliases — also without 市/区/县/省. */
  prefixKeys: string[];
  /** Everything, for the substring fallback. */
  allKeys: string[];
}

/** Staff drop the administrative prefix when they type: 市公安局 is "gaj", not "sgaj". */
const ADMIN_PREFIX_PINYIN: Record<string, string> = { 市: 'shi', 区: 'qu', 县: 'xian', 省: 'sheng' };

export function indexUnits(units: readonly Unit[]): UnitIndex {
  const entries = units
    .filter((unit) => unit.active)
    .map((unit): IndexedUnit => {
      const name = normalize(unit.name);
      const initials = normalize(unit.initials);
      const pinyin = normalize(unit.pinyin);
      const aliases = [...unit.aliases, ...(unit.aliasInitials ?? [])].map(normalize).filter((a) => a.length > 0);
      const prefixKeys = [initials, pinyin, name, ...aliases];
      const head = unit.name.charAt(0);
      const headPinyin = ADMIN_PREFIX_PINYIN[head];
      if (headPinyin !== undefined && unit.name.length > 1) {
        prefixKeys.push(name.slice(1));
        if (initials.startsWith(headPinyin.charAt(0))) prefixKeys.push(initials.slice(1));
        if (pinyin.startsWith(headPinyin)) prefixKeys.push(pinyin.slice(headPinyin.length));
      }
      return {
        unit,
        prefixKeys: prefixKeys.filter((k) => k.length > 0),
        allKeys: [initials, pinyin, name, ...aliases],
      };
    });
  return { entries };
}

/**
 * Ranked matches: exact initials/alias/name first, then prefixes (initials, alias, pinyin, name),
 * then substrings; within a rank, higher-level units (city departments) before their sub-units.
 * An empty query lists the directory in that same order.
 */
export function searchUnits(index: UnitIndex, query: string, limit = 50): Unit[] {
  const q = normalize(query);
  const ranked: { unit: Unit; rank: number }[] = [];
  for (const entry of index.entries) {
    const rank = q === '' ? 2 : rankOf(entry, q);
    if (rank !== null) ranked.push({ unit: entry.unit, rank });
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.unit.level - b.unit.level ||
      a.unit.name.length - b.unit.name.length ||
      a.unit.name.localeCompare(b.unit.name, 'zh-CN'),
  );
  return ranked.slice(0, limit).map((r) => r.unit);
}

function rankOf(entry: IndexedUnit, q: string): number | null {
  if (entry.prefixKeys.some((k) => k === q)) return 0;
  if (entry.prefixKeys.some((k) => k.startsWith(q))) return 1;
  if (entry.allKeys.some((k) => k.includes(q))) return 2;
  return null;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s'·-]+/g, '');
}
