import type { Kysely, Selectable, Transaction } from 'kysely';
import type { LibraryEdit, LibraryEntry } from '../../shared/library/library-entry';
import { indexedTerms } from '../../shared/library/library-terms';
import { nextValues } from '../db/counters';
import type { Database, LibraryEntriesTable } from '../db/schema';
import { monotonicUlid } from '../db/ulid';

/** The library's change order, which workstations pull by (as requests' change_seq). */
export const LIBRARY_SEQ = 'library_seq';
/** The full-text index's row ids. */
const LIBRARY_DOC = 'library_doc';

const newId = monotonicUlid();

export type NewLibraryEntry = Omit<LibraryEntry, 'id' | 'updatedAt' | 'retired' | 'promoted'>;

export function toLibraryEntry(row: Selectable<LibraryEntriesTable>): LibraryEntry {
  return {
    id: row.id,
    kind: row.kind as LibraryEntry['kind'],
    question: row.question,
    text: row.text,
    requestId: row.request_id,
    requestNumber: row.request_number,
    categoryId: row.category_id,
    unitId: row.unit_id,
    documentId: row.document_id,
    title: row.title,
    issuer: row.issuer,
    validUntil: row.valid_until,
    answeredAt: row.answered_at,
    retired: Number(row.retired) === 1,
    promoted: Number(row.promoted) === 1,
    updatedAt: row.updated_at,
  };
}

function termsOf(entry: Pick<LibraryEntry, 'question' | 'text' | 'title'>): string {
  return indexedTerms(entry.title, entry.question, entry.text);
}

/** Adds entries in one go (a document's passages, the archive), numbered in order. */
export async function addEntries(
  trx: Transaction<Database>,
  entries: readonly NewLibraryEntry[],
  now: string,
): Promise<LibraryEntry[]> {
  if (entries.length === 0) return [];
  const seqs = await nextValues(trx, LIBRARY_SEQ, entries.length);
  const docs = await nextValues(trx, LIBRARY_DOC, entries.length);
  const added = entries.map((entry): LibraryEntry => ({
    ...entry,
    id: newId(),
    retired: false,
    promoted: false,
    updatedAt: now,
  }));
  // Batches keep each INSERT under the dialects' bound-parameter limits.
  for (let start = 0; start < added.length; start += 500) {
    await trx
      .insertInto('library_entries')
      .values(
        added.slice(start, start + 500).map((entry, i) => ({
          id: entry.id,
          doc_id: docs[start + i]!,
          kind: entry.kind,
          question: entry.question,
          text: entry.text,
          request_id: entry.requestId,
          request_number: entry.requestNumber,
          category_id: entry.categoryId,
          unit_id: entry.unitId,
          document_id: entry.documentId,
          title: entry.title,
          issuer: entry.issuer,
          valid_until: entry.validUntil,
          answered_at: entry.answeredAt,
          retired: 0,
          promoted: 0,
          updated_at: now,
          change_seq: seqs[start + i]!,
          terms: termsOf(entry),
        })),
      )
      .execute();
  }
  return added;
}

/** Changes an entry (text, category, unit, retired, promoted) and puts it next in the change order; null when unknown. */
export async function changeEntry(
  trx: Transaction<Database>,
  id: string,
  /** What an admin may change, and a replaced answer's time. */
  edit: LibraryEdit & Partial<Pick<LibraryEntry, 'answeredAt'>>,
  now: string,
): Promise<LibraryEntry | null> {
  const row = await trx.selectFrom('library_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const before = toLibraryEntry(row);
  const after: LibraryEntry = { ...before, ...edit, updatedAt: now };
  const [seq] = await nextValues(trx, LIBRARY_SEQ, 1);
  await trx
    .updateTable('library_entries')
    .set({
      text: after.text,
      category_id: after.categoryId,
      unit_id: after.unitId,
      retired: after.retired ? 1 : 0,
      promoted: after.promoted ? 1 : 0,
      answered_at: after.answeredAt,
      question: after.question,
      request_number: after.requestNumber,
      updated_at: now,
      change_seq: seq!,
      ...(after.text === before.text && after.question === before.question ? {} : { terms: termsOf(after) }),
    })
    .where('id', '=', id)
    .execute();
  return after;
}

/** A request's entries of one kind (at most one of each, kept up to date by record-answers.ts). */
export async function entryOfRequest(
  trx: Transaction<Database>,
  requestId: string,
  kind: LibraryEntry['kind'],
): Promise<LibraryEntry | null> {
  const row = await trx
    .selectFrom('library_entries')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ? toLibraryEntry(row) : null;
}

export async function entriesOfRequest(trx: Transaction<Database>, requestId: string): Promise<LibraryEntry[]> {
  const rows = await trx.selectFrom('library_entries').selectAll().where('request_id', '=', requestId).execute();
  return rows.map(toLibraryEntry);
}

/** One page of entries changed after `after` (a change number), oldest change first. */
export async function entriesChangedAfter(
  db: Kysely<Database>,
  after: number,
  limit: number,
): Promise<{ entries: LibraryEntry[]; last: number | null; hasMore: boolean }> {
  const rows = await db
    .selectFrom('library_entries')
    .selectAll()
    .where('change_seq', '>', after)
    .orderBy('change_seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(toLibraryEntry),
    last: last ? Number(last.change_seq) : null,
    hasMore: rows.length > limit,
  };
}
