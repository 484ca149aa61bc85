/**
 * Masking of personal numbers in citizen text (手机号、座机、身份证号、银行卡号), applied to every export
 * by default. Patterns run on a copy with full-width digits made ASCII (same length, so indices agree)
 * and replace only digits, keeping the writer's separators. Short numbers — dates, times, amounts,
 * request numbers such as YW-20261128-0007 — are left alone: only the shapes below are masked.
 */
const PATTERNS: readonly MaskPattern[] = [
  // 18-digit resident ID (last character may be X); before the card rule, which would also match it.
  { name: 'id', source: String.raw`(?<!\d)\d{17}[\dXx](?!\d)`, keep: () => [3, 4] },
  // Bank card written in groups of four: 6222 0212 3456 7890 (123).
  { name: 'card', source: String.raw`(?<!\d)\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?(?!\d)`, keep: () => [4, 4] },
  // Mainland mobile, optionally +86 / 0086 / 86, written 13812345678, 138 1234 5678 or 138-1234-5678.
  {
    name: 'mobile',
    source: String.raw`(?<!\d)(?<mprefix>(?:\+|00)?86[ -]?)?1[3-9]\d(?<msep>[ -]?)\d{4}\k<msep>\d{4}(?!\d)`,
    keep: (groups: Groups) => [digitCount(groups.mprefix) + 3, 4],
  },
  // Landline with area code: 010-12345678, (0755)1234567, 0571 87654321.
  {
    name: 'landline',
    source: String.raw`(?<!\d)(?<area>\(?0\d{2,3}\)?)[ -]?\d{7,8}(?!\d)`,
    keep: (groups: Groups) => [digitCount(groups.area), 4],
  },
  // Any other run of 15+ digits: old 15-digit IDs, card and account numbers (shorter runs are order or case numbers).
  { name: 'long', source: String.raw`(?<!\d)\d{15,}(?!\d)`, keep: () => [3, 4] },
  // A local number right after a word saying it is one: 电话88886666, 座机：6543210.
  {
    name: 'local',
    source: String.raw`(?<=(?:电话|座机|手机|号码|联系方式|tel|TEL|Tel)[^\d\n]{0,4})\d{7,11}(?!\d)`,
    keep: () => [0, 4],
  },
];

type Groups = Record<string, string | undefined>;

interface MaskPattern {
  name: string;
  source: string;
  /** How many digits stay visible at the start and at the end. */
  keep(groups: Groups): [first: number, last: number];
}

const COMBINED = new RegExp(PATTERNS.map((p) => `(?<${p.name}>${p.source})`).join('|'), 'g');

export function maskCitizenText(text: string): string {
  const ascii = toAsciiDigits(text);
  let out = '';
  let last = 0;
  for (const match of ascii.matchAll(COMBINED)) {
    const groups: Groups = match.groups ?? {};
    const pattern = PATTERNS.find((p) => groups[p.name] !== undefined);
    if (!pattern) continue;
    const [keepFirst, keepLast] = pattern.keep(groups);
    const end = match.index + match[0].length;
    out += text.slice(last, match.index) + maskDigits(text.slice(match.index, end), match[0], keepFirst, keepLast);
    last = end;
  }
  return out + text.slice(last);
}

/**
 * Stars every digit (and an ID's X) except the first `keepFirst` and last `keepLast`; separators stay.
 * `ascii` is `original` with full-width digits made ASCII.
 */
function maskDigits(original: string, ascii: string, keepFirst: number, keepLast: number): string {
  const total = digitCount(ascii);
  let seen = 0;
  let out = '';
  for (let i = 0; i < original.length; i++) {
    const char = original[i] as string;
    if (!/[\dXx]/.test(ascii[i] ?? '')) {
      out += char;
      continue;
    }
    out += seen >= keepFirst && seen < total - keepLast ? '*' : char;
    seen += 1;
  }
  return out;
}

function digitCount(text: string | undefined): number {
  return (text ?? '').replace(/[^\dXx]/g, '').length;
}

/** Full-width ０-９ and Ｘｘ become ASCII; each is one UTF-16 unit either way, so indices are kept. */
function toAsciiDigits(text: string): string {
  return text.replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
