/** A number as citizens write it: digits (ASCII or full-width), single spaces or hyphens between, an ID's final X. */
const NUMBER_RUN = /[0-9０-９](?:[ -]?[0-9０-９])*[XxＸｘ]?/g;

/**
 * The first `n` characters of a text on one line, with an ellipsis when cut. A cut never falls inside
 * a number: half a phone number would no longer be recognised and masked, so the whole number is dropped.
 */
export function summarize(text: string, n: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat); // code points, so an emoji is never split
  if (chars.length <= n) return flat;
  let cut = chars.slice(0, Math.max(0, n - 1)).join('').length; // in UTF-16 units from here on
  for (const match of flat.matchAll(NUMBER_RUN)) {
    if (match.index >= cut) break;
    if (match.index + match[0].length > cut) cut = match.index;
  }
  return `${flat.slice(0, cut).trimEnd()}…`;
}
