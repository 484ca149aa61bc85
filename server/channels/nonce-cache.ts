import { createHash } from 'node:crypto';
import type { Db } from '../db/open-database';
import { Refusal } from './refusal';

/** Expired nonces are swept at most this often. */
const SWEEP_EVERY_MS = 60_000;

/**
 * The signed queries seen within the timestamp window. WeChat's plain mode and Weibo sign only
 * [secret, timestamp, nonce], not the body, so a query seen once (in a proxy's log, say) would
 * carry any body for as long as its timestamp is fresh. Each query is kept here with its body's
 * hash: the same body again is the platform retrying (intake stores it once), another body is a replay.
 */
export function nonceCache(db: Db, windowSeconds: number, now: () => number = Date.now) {
  let sweptAt = 0;

  async function sweep(at: number): Promise<void> {
    if (at - sweptAt < SWEEP_EVERY_MS) return;
    sweptAt = at;
    // Twice the window: a timestamp up to the window in the future stays fresh that much longer.
    const before = new Date(at - 2 * windowSeconds * 1000).toISOString();
    await db.deleteFrom('webhook_nonces').where('seen_at', '<', before).execute();
  }

  return {
    /** Admits a verified query once per body; throws a 401 Refusal for the same query with another body. */
    async admit(scope: string, query: { timestamp: string; nonce: string }, body: string): Promise<void> {
      const at = now();
      await sweep(at);
      const bodySha256 = createHash('sha256').update(body).digest('hex');
      const inserted = await db
        .insertInto('webhook_nonces')
        .values({
          scope,
          nonce: query.nonce,
          timestamp: query.timestamp,
          body_sha256: bodySha256,
          seen_at: new Date(at).toISOString(),
        })
        .onConflict((oc) => oc.columns(['scope', 'nonce', 'timestamp']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return;
      const seen = await db
        .selectFrom('webhook_nonces')
        .select('body_sha256')
        .where('scope', '=', scope)
        .where('nonce', '=', query.nonce)
        .where('timestamp', '=', query.timestamp)
        .executeTakeFirst();
      if (seen && seen.body_sha256 !== bodySha256) throw new Refusal(401, 'replayed signature with another body');
    },
  };
}

export type NonceCache = ReturnType<typeof nonceCache>;
