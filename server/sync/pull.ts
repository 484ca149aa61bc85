import type { PullRequest, PullResponse } from '../../shared/sync/protocol';
import type { Db } from '../db/open-database';
import { directoryVersion, loadDirectory } from '../directory/load-directory';
import { toRequest } from '../requests/request-rows';

/** A cursor this server did not hand out. */
export class BadCursorError extends Error {}

/**
 * One page of requests changed after the cursor, oldest change first. The cursor is the last
 * change number delivered; change numbers are given out in commit order (see db/counters.ts),
 * so paging never skips a change.
 */
export async function pull(db: Db, body: Required<PullRequest>): Promise<PullResponse> {
  const after = parseCursor(body.cursor);
  const rows = await db
    .selectFrom('requests')
    .selectAll()
    .where('change_seq', '>', after)
    .orderBy('change_seq')
    .limit(body.limit + 1)
    .execute();
  const page = rows.slice(0, body.limit);
  const last = page.at(-1);
  const serverDirectoryVersion = await directoryVersion(db);
  return {
    cursor: last ? String(last.change_seq) : body.cursor,
    requests: page.map(toRequest),
    hasMore: rows.length > body.limit,
    directory: body.directoryVersion < serverDirectoryVersion ? await loadDirectory(db) : null,
    serverTime: new Date().toISOString(),
  };
}

function parseCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  if (!/^\d{1,15}$/.test(cursor)) throw new BadCursorError(`unknown cursor "${cursor.slice(0, 40)}": pull again with null`);
  return Number(cursor);
}
