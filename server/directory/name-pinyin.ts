import { pinyin } from 'pinyin-pro';

/**
 * Toneless pinyin and initials of a unit's name for type-ahead: 市公安局 → shigonganju, sgaj.
 * Initials keep the 市/区 head; the type-ahead (shared/directory/unit-search.ts) also matches
 * them without it, so "gaj" finds 市公安局 too. Latin letters and digits pass through.
 */
/** The initials staff type for each alias: 住建局 → zjj, 芙蓉公安局 → frgaj. */
export function aliasInitials(aliases: readonly string[]): string[] {
  return aliases.map((alias) => namePinyin(alias).initials);
}

export function namePinyin(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return { pinyin: syllables.join('').toLowerCase(), initials: initials.join('').toLowerCase() };
}
