/**
 * Text normalisation before n-gram extraction. Citizen messages mix full- and half-width forms, carry the
 * publisher's place masks (A市, A1区, E12市) and many numbers (dates, phone numbers, amounts) whose exact
 * value says nothing about the category but would otherwise spread over thousands of rare n-grams.
 */

// Publisher masks: a capital letter with an optional number before an administrative suffix.
const PLACE_MASK = /[A-Z]\d*(?=[省市区县镇乡村])/g;
const DIGITS = /\d+(?:[.,]\d+)*/g;
const MASKED_RUN = /[*＊xX]{3,}/g;
// Punctuation, symbols and control characters become spaces: n-grams stop there, since across them they
// pair unrelated clauses (measured: +0.5 points accuracy). The placeholders below are kept.
const BREAK = /[^\p{L}\p{M}\p{N}§#]+/gu;

/** The place-code and number placeholders; chosen outside any script that appears in messages. */
export const PLACE_TOKEN = '§';
export const NUMBER_TOKEN = '#';

/** NFKC (full-width to half-width), masks and numbers as placeholders, lower case, punctuation as one space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(PLACE_MASK, PLACE_TOKEN)
    .replace(MASKED_RUN, NUMBER_TOKEN)
    .replace(DIGITS, NUMBER_TOKEN)
    .toLowerCase()
    .replace(BREAK, ' ')
    .trim();
}
