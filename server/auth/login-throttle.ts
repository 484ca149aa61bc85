import type { Db } from '../db/open-database';

/** How many failed sign-ins are let through in a window, per account name and per address. */
export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

/**
 * Failed sign-ins, counted per account name and per client address over a sliding window. Over a
 * limit, sign-in is refused — even with the right password — until the oldest failure leaves the
 * window, so guessing costs time whatever the guesses. Kept in the database: behind a proxy that
 * spreads sign-ins over several instances, a guesser meets one count, and a restart forgets nothing.
 */
export function loginThrottle(db: Db, limits: ThrottleLimits, now: () => number = Date.now) {
  /** Seconds until `key` may try again, or 0. */
  async function wait(key: string, limit: number, at: number): Promise<number> {
    const since = new Date(at - limits.windowMs).toISOString();
    // The limit-th newest failure in the window: it leaves the window first among those that block.
    const blocking = await db
      .selectFrom('login_failures')
      .select('at')
      .where('key', '=', key)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .offset(limit - 1)
      .limit(1)
      .executeTakeFirst();
    if (!blocking) return 0;
    return Math.max(1, Math.ceil((Date.parse(blocking.at) + limits.windowMs - at) / 1000));
  }

  const keys = (kind: string, account: string, address: string) => ({
    account: `${kind}:account:${account.normalize('NFC').toLowerCase()}`,
    address: `${kind}:address:${address}`,
  });

  return {
    /** Seconds to wait before this sign-in may be tried (then answered 429 with Retry-After), or 0. */
    async retryAfter(kind: 'operator' | 'unit', account: string, address: string): Promise<number> {
      const key = keys(kind, account, address);
      const at = now();
      return Math.max(await wait(key.account, limits.perAccount, at), await wait(key.address, limits.perAddress, at));
    },
    async failed(kind: 'operator' | 'unit', account: string, address: string): Promise<void> {
      const key = keys(kind, account, address);
      const at = now();
      await db
        .insertInto('login_failures')
        .values([key.account, key.address].map((k) => ({ key: k, at: new Date(at).toISOString() })))
        .execute();
      // What has left the window counts for nothing: swept on the way, by whichever instance writes.
      await db
        .deleteFrom('login_failures')
        .where('at', '<=', new Date(at - limits.windowMs).toISOString())
        .execute();
    },
    /** A right password clears the account's failures; the address keeps its count. */
    async succeeded(kind: 'operator' | 'unit', account: string): Promise<void> {
      await db
        .deleteFrom('login_failures')
        .where('key', '=', keys(kind, account, '').account)
        .execute();
    },
  };
}

export type LoginThrottle = ReturnType<typeof loginThrottle>;
