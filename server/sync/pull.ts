import type { PullRequest, PullResponse } from '../../shared/sync/protocol';
import { CHANGE_SEQ, currentValue } from '../db/counters';
import type { Db } from '../db/open-database';
import { directoryVersion, loadDirectory } from '../directory/load-directory';
import { replyTemplatesNewerThan } from '../replies/reply-template-store';
import { toRequest } from '../requests/request-rows';
import { suggestionRulesNewerThan } from '../suggestions/keyword-rule-store';
import { modelsNewerThan } from '../suggestions/model-store';
import type { Claims } from './claims';
import { deviceSeq } from './device-seq';

/** A cursor this server did not hand out. */
export class BadCursorError extends Error {}

/**
 * One page of requests changed after the cursor, oldest change first. The cursor is the last
 * change number delivered; change numbers are given out in commit order (see db/counters.ts),
 * so paging never skips a change. Claims in force come with every page: they are few and short-lived,
 * so they are sent whole rather than followed by cursor.
 */
export async function pull(
  db: Db,
  claims: Claims,
  body: Required<PullRequest>,
  deviceId: string,
): Promise<PullResponse> {
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
  const delivered = last ? Number(last.change_seq) : after;
  const hasMore = rows.length > body.limit;
  return {
    cursor: last ? String(last.change_seq) : body.cursor,
    requests: page.map(toRequest),
    hasMore,
    claims: await claims.active(),
    // Change numbers left unused (a rejected decision) make this an upper bound, good for a progress bar.
    remaining: hasMore ? Math.max(0, (await currentValue(db, CHANGE_SEQ)) - delivered) : 0,
    directory: body.directoryVersion < serverDirectoryVersion ? await loadDirectory(db) : null,
    serverTime: new Date().toISOString(),
    models: await modelsNewerThan(db, body.models, body.modelFormat),
    suggestionRules: await suggestionRulesNewerThan(db, body.suggestionRulesVersion),
    replyTemplates: await replyTemplatesNewerThan(db, body.replyTemplatesVersion),
    deviceSeq: await deviceSeq(db, deviceId),
  };
}

function parseCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  if (!/^\d{1,15}$/.test(cursor))
    throw new BadCursorError(`unknown cursor "${cursor.slice(0, 40)}": pull again with null`);
  return Number(cursor);
}
