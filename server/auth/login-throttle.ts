/** How many failed sign-ins are let through in a window, per account name and per address. */
export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

/**
 * Failed sign-ins, counted per account name and per client address over a sliding window. Over a
 * limit, sign-in is refused — even with the right password — until the oldest failure leaves the
 * window, so guessing costs time whatever the guesses. Held in memory: one server process; a
 * restart forgets, which gives a guesser at most one more window.
 */
export function loginThrottle(limits: ThrottleLimits, now: () => number = Date.now) {
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const since = now() - limits.windowMs;
    const kept = (failures.get(key) ?? []).filter((at) => at > since);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  }

  /** Seconds until `key` may try again, or 0. */
  function wait(key: string, limit: number): number {
    const times = recent(key);
    if (times.length < limit) return 0;
    return Math.max(1, Math.ceil((times[times.length - limit]! + limits.windowMs - now()) / 1000));
  }

  const keys = (kind: string, account: string, address: string) => ({
    account: `${kind}:account:${account.normalize('NFC').toLowerCase()}`,
    address: `${kind}:address:${address}`,
  });

  return {
    /** Seconds to wait before this sign-in may be tried (then answered 429 with Retry-After), or 0. */
    retryAfter(kind: 'operator' | 'unit', account: string, address: string): number {
      const key = keys(kind, account, address);
      return Math.max(wait(key.account, limits.perAccount), wait(key.address, limits.perAddress));
    },
    failed(kind: 'operator' | 'unit', account: string, address: string): void {
      const key = keys(kind, account, address);
      for (const k of [key.account, key.address]) failures.set(k, [...recent(k), now()]);
    },
    /** A right password clears the account's failures; the address keeps its count. */
    succeeded(kind: 'operator' | 'unit', account: string): void {
      failures.delete(keys(kind, account, '').account);
    },
  };
}

export type LoginThrottle = ReturnType<typeof loginThrottle>;
