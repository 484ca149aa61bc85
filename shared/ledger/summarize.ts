/** A number as citizens write it: digits (ASCII or full-width), single spaces or hyphens between, an ID's final X. */
const NUMBER_RUN = /[0-9０-９](?:[ -]?[0-9０-９])*[XxＸｘ]?/gu;

/**
 * The first `n` characters of a text on one line, with an ellipsis when cut. A cut never falls inside
 * a number: half a phone number would no longer be recognised and masked, so the whole number is dropped.
 */
export function summarize(text: string, n: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat); // code points, so an emoji is never split
  if (chars.length <= n) return flat;
  let cut = Math.max(0, n - 1);
  const head = chars.slice(0, cut).join('');
  for (const match of flat.matchAll(NUMBER_RUN)) {
    const start = Array.from(flat.slice(0, match.index)).length;
    const end = start + Array.from(match[0]).length;
    if (start < cut && end > cut) cut = start;
    if (match.index >= head.length) break;
  }
  return `${chars.slice(0, cut).join('').trimEnd()}…`;
}
