import { PostgresAdapter, sql } from 'kysely';
import { beijingToday, type LibraryEntry } from '../../shared/library/library-entry';
import {
  anyPairFts5,
  anyPairTsquery,
  queryPairs,
  typedFts5,
  typedTsquery,
  typedWords,
} from '../../shared/library/library-terms';
import { bestMatches, CANDIDATES, type LibraryMatch } from '../../shared/library/relevance';
import type { Db } from '../db/open-database';
import type { LibraryEntriesTable } from '../db/schema';
import { toLibraryEntry } from './library-store';

/**
 * Chinese full-text search over the library, on either dialect's index of the same character pairs
 * (migration 0014): the index ranks candidates (bm25 in FTS5, ts_rank in PostgreSQL), shared/library/relevance.ts
 * ranks them as the workstation does and applies the floor.
 */
export function librarySearch(db: Db) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  async function ranked(fts5: string, tsquery: string, limit: number, inForceOnly: boolean): Promise<LibraryEntry[]> {
    const rows = postgres
      ? await sql<LibraryEntriesTable>`SELECT * FROM library_entries
          WHERE terms_vector @@ to_tsquery('simple', ${tsquery}) ${inForceOnly ? sql`AND retired = 0` : sql``}
          ORDER BY ts_rank(terms_vector, to_tsquery('simple', ${tsquery})) DESC, change_seq DESC LIMIT ${limit}`.execute(
          db,
        )
      : await sql<LibraryEntriesTable>`SELECT e.* FROM library_fts f JOIN library_entries e ON e.doc_id = f.rowid
          WHERE library_fts MATCH ${fts5} ${inForceOnly ? sql`AND e.retired = 0` : sql``}
          ORDER BY f.rank LIMIT ${limit}`.execute(db);
    return rows.rows.map(toLibraryEntry);
  }

  return {
    /** The entries that best answer a request's text, above the floor, best first. */
    async matches(text: string, requestId: string | null, limit: number): Promise<LibraryMatch[]> {
      const pairs = queryPairs(text);
      if (pairs.length === 0) return [];
      const candidates = await ranked(anyPairFts5(pairs), anyPairTsquery(pairs), CANDIDATES, true);
      return bestMatches(text, candidates, { today: beijingToday(Date.now()), limit, excludeRequestId: requestId });
    },

    /** Entries holding every typed word (retired ones too, for the admins' screen), best first; the latest without words. */
    async search(query: string, limit: number): Promise<LibraryEntry[]> {
      const words = typedWords(query);
      if (words.length === 0) {
        const rows = await db
          .selectFrom('library_entries')
          .selectAll()
          .orderBy('change_seq', 'desc')
          .limit(limit)
          .execute();
        return rows.map(toLibraryEntry);
      }
      return ranked(typedFts5(words), typedTsquery(words), limit, false);
    },
  };
}
