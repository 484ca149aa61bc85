import { isBidiControl } from './bidi-controls';

/**
 * Masking of personal numbers in citizen text (手机号、座机、身份证号、银行卡号), applied to every export by
 * default. Citizens write numbers every way a keyboard allows — 138 1234 5678, 1381234 5678,
 * 138.1234.5678, full-width １３８…, Chinese numerals 一三八…, split by zero-width spaces,
 * 430102-19900101-1234 — so the text is read as runs of digits with up to three separator characters
 * between groups, and a run is judged by its digits alone. Only digits are starred; separators stay.
 * Short numbers — dates, times, amounts, request numbers such as YW-20261128-0007 — are left alone.
 */
export function maskCitizenText(text: string): string {
  const chars = Array.from(text);
  const starred = new Set<number>();
  for (const run of digitRuns(chars)) {
    for (const span of numbersIn(run, chars)) {
      const positions = span.groups.flatMap((g) => g.positions);
      positions.forEach((p, i) => {
        if (i >= span.keepFirst && i < positions.length - span.keepLast) starred.add(p);
      });
    }
  }
  return starred.size === 0 ? text : chars.map((c, i) => (starred.has(i) ? '*' : c)).join('');
}

/** Each digit character's value: ASCII, full-width, and the Chinese numerals people read numbers out with. */
const DIGITS = new Map<string, string>([
  ...Array.from('0123456789', (d) => [d, d] as const),
  ...Array.from('０１２３４５６７８９', (d, i) => [d, String(i)] as const),
  ...Array.from('〇一二三四五六七八九', (d, i) => [d, String(i)] as const),
  ['零', '0'],
  ['幺', '1'],
]);
const ID_CHECK = new Set(['X', 'x', 'Ｘ', 'ｘ']);
const SEPARATORS = new Set([' ', '\u3000', '\u00a0', '-', '－', '—', '–', '.', '．', '·', '_', '(', ')', '（', '）']);
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const MAX_SEPARATOR_RUN = 3;
const PHONE_WORDS = /(?:电话|座机|手机|号码|联系方式|热线|tel|TEL|Tel|phone)[^\d\n]{0,4}$/;

interface Group {
  digits: string;
  /** Indices into the text's characters, one per digit. */
  positions: number[];
  /** Separator characters between this group and the previous one. */
  gap: string;
}

interface NumberSpan {
  groups: Group[];
  keepFirst: number;
  keepLast: number;
}

function isSeparator(char: string): boolean {
  return SEPARATORS.has(char) || ZERO_WIDTH.test(char) || isBidiControl(char);
}

/** Groups of digits joined by short runs of separators, as a writer would space one number. */
function* digitRuns(chars: string[]): Generator<Group[]> {
  let i = 0;
  while (i < chars.length) {
    if (!DIGITS.has(chars[i] as string)) {
      i++;
      continue;
    }
    const run: Group[] = [];
    let gap = '';
    for (;;) {
      const group: Group = { digits: '', positions: [], gap };
      while (i < chars.length && DIGITS.has(chars[i] as string)) {
        group.digits += DIGITS.get(chars[i] as string);
        group.positions.push(i++);
      }
      // An ID's check character X follows its 17 digits directly.
      if (i < chars.length && ID_CHECK.has(chars[i] as string)) {
        group.digits += 'X';
        group.positions.push(i++);
      }
      run.push(group);
      let j = i;
      while (j < chars.length && j - i < MAX_SEPARATOR_RUN && isSeparator(chars[j] as string)) j++;
      if (j === i || j >= chars.length || !DIGITS.has(chars[j] as string)) break;
      gap = chars.slice(i, j).join('');
      i = j;
    }
    yield run;
  }
}

/** The personal numbers in one run, each as whole groups: the longest span that is a number wins. */
function* numbersIn(run: Group[], chars: string[]): Generator<NumberSpan> {
  let i = 0;
  while (i < run.length) {
    const found = longestNumberFrom(run, i, chars);
    if (found) {
      yield found;
      i += found.groups.length;
    } else {
      i++;
    }
  }
}

function longestNumberFrom(run: Group[], start: number, chars: string[]): NumberSpan | null {
  for (let end = run.length; end > start; end--) {
    const groups = run.slice(start, end);
    const keep = judge(groups, chars);
    if (keep) return { groups, keepFirst: keep[0], keepLast: keep[1] };
  }
  return null;
}

/** Which shape the digits make, as the digits to keep visible at each end; null when none. */
function judge(groups: Group[], chars: string[]): [number, number] | null {
  const digits = groups.map((g) => g.digits).join('');
  // A number never carries an X anywhere but at the end of an ID.
  if (digits.slice(0, -1).includes('X')) return null;
  // 18-character resident ID, possibly written 6-8-4.
  if (/^\d{17}[\dX]$/.test(digits)) return [3, 4];
  // Mainland mobile, optionally after 86 / 0086 (a + before it is not a digit).
  const mobile = /^(0086|86)?1[3-9]\d{9}$/.exec(digits);
  if (mobile) return [(mobile[1]?.length ?? 0) + 3, 4];
  // Landline with its area code: 010 and 02x have three digits, the rest four.
  if (/^0\d{9,11}$/.test(digits)) return [/^0[12]/.test(digits) ? 3 : 4, 4];
  // A bank card written in groups of four.
  if (groups.length >= 4 && /^\d{16,19}$/.test(digits) && groups.slice(0, 4).every((g) => g.digits.length === 4)) {
    return [4, 4];
  }
  // Any other unbroken run of 15+ digits: old 15-digit IDs, card and account numbers.
  if (groups.length === 1 && /^\d{15,}$/.test(digits)) return [3, 4];
  // A local number right after a word saying it is one: 电话88886666, 座机：654 3210.
  const firstPosition = groups[0]?.positions[0] ?? 0;
  const before = chars.slice(Math.max(0, firstPosition - 12), firstPosition).join('');
  if (/^\d{7,11}$/.test(digits) && PHONE_WORDS.test(before)) return [0, 4];
  return null;
}
