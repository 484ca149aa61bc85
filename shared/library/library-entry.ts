import { z } from 'zod';
import { beijingDayNumber, dateKeyOf } from '../deadline/beijing-time';
import { Instant, Ulid } from '../model/ids';

/**
 * The answer library (docs/library.md): what the centre has already said, to say again.
 *   answer   — a unit's answer to a request (unit-answer), or a past answer loaded from the board's archive
 *   reply    — an operator's reply that answered a request by itself (no unit held or answered it)
 *   passage  — a passage of an imported policy document
 * Retired entries stay (a workstation learns of the retirement by sync) but are never suggested; promoted
 * ones rank first among equals.
 */
export const LibraryKind = z.enum(['answer', 'reply', 'passage']);
export type LibraryKind = z.infer<typeof LibraryKind>;

/** YYYY-MM-DD, a policy document's date or validity. */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const LibraryEntry = z.object({
  id: Ulid,
  kind: LibraryKind,
  /** The citizen's words the entry answered (answers and replies); null for passages. */
  question: z.string().max(8000).nullable(),
  /** The answer, reply or passage itself. */
  text: z.string().min(1).max(8000),
  /** The request it answered, by number as staff quote it; null for passages and archive answers. */
  requestId: Ulid.nullable(),
  requestNumber: z.string().nullable(),
  categoryId: z.string().nullable(),
  unitId: z.string().nullable(),
  /** Passages: the document they come from, its title and issuing body, date and last valid day. */
  documentId: Ulid.nullable(),
  title: z.string().max(500).nullable(),
  issuer: z.string().max(200).nullable(),
  validUntil: CalendarDate.nullable(),
  /** When it was said: the answer's or reply's time, the document's date (as midnight UTC). */
  answeredAt: Instant,
  retired: z.boolean(),
  promoted: z.boolean(),
  updatedAt: Instant,
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

/** What an admin or supervisor may change on an entry (every field optional: change only what is given). */
export const LibraryEdit = z
  .object({
    text: z.string().trim().min(1).max(8000),
    categoryId: z.string().min(1).nullable(),
    unitId: z.string().min(1).nullable(),
    retired: z.boolean(),
    promoted: z.boolean(),
  })
  .partial();
export type LibraryEdit = z.infer<typeof LibraryEdit>;

/** Is the entry worth suggesting on `today` (YYYY-MM-DD): not retired, and a passage still valid. */
export function inForce(entry: Pick<LibraryEntry, 'retired' | 'validUntil'>, today: string): boolean {
  return !entry.retired && (entry.validUntil === null || entry.validUntil >= today);
}

/** The date in Beijing (YYYY-MM-DD) at `nowMs`: what a document's validity is compared with. */
export function beijingToday(nowMs: number): string {
  return dateKeyOf(beijingDayNumber(nowMs));
}
