/**
 * A document split into passages short enough to read beside a request and long enough to say something:
 * paragraphs (blank lines, or lines ending a sentence) joined up to about TARGET characters, a longer
 * paragraph cut at its sentences' ends.
 */
const TARGET = 300;
const MAX = 600;

export function splitPassages(text: string): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    // A PDF's lines break mid-sentence: only a blank line or a sentence's end closes a paragraph.
    .split(/\n\s*\n|(?<=[。！？；:：])\s*\n/)
    .map((p) =>
      p
        .replace(/\s*\n\s*/g, '')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .filter((p) => /[\p{L}\p{N}]/u.test(p))
    .flatMap(sentencesUpTo);
  const passages: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    if (current && current.length + paragraph.length > TARGET) {
      passages.push(current);
      current = '';
    }
    current = current ? `${current}\n${paragraph}` : paragraph;
  }
  if (current) passages.push(current);
  return passages;
}

/** A paragraph over MAX characters as pieces of whole sentences (a sentence longer than MAX is cut as it is). */
function sentencesUpTo(paragraph: string): string[] {
  if (paragraph.length <= MAX) return [paragraph];
  const sentences = paragraph.match(/[^。！？；]+[。！？；]?/g) ?? [paragraph];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current && current.length + sentence.length > MAX) {
      pieces.push(current);
      current = '';
    }
    current += sentence;
    while (current.length > MAX) {
      pieces.push(current.slice(0, MAX));
      current = current.slice(MAX);
    }
  }
  if (current) pieces.push(current);
  return pieces;
}
