import { Refusal } from './refusal';
import { signatureMatches, sortedSha1 } from './sha1-signature';

export interface FreshnessOptions {
  /** The clock, in milliseconds. */
  nowMs: number;
  maxClockSkewSeconds: number;
}

/**
 * Checks the `signature`, `timestamp` and `nonce` that WeChat and Weibo append to every request:
 * the sha1 over [secret, timestamp, nonce] must match and the timestamp must be fresh (replays age out).
 */
export function checkSignedQuery(query: Record<string, unknown>, secret: string, options: FreshnessOptions): void {
  const { signature, timestamp, nonce } = query;
  if (typeof timestamp !== 'string' || typeof nonce !== 'string')
    throw new Refusal(401, 'missing signature parameters');
  if (!signatureMatches(sortedSha1([secret, timestamp, nonce]), signature)) throw new Refusal(401, 'bad signature');
  if (
    !/^\d{1,12}$/.test(timestamp) ||
    Math.abs(options.nowMs / 1000 - Number(timestamp)) > options.maxClockSkewSeconds
  ) {
    throw new Refusal(403, 'stale timestamp');
  }
}

/** The `echostr` of a URL check. It is not covered by the signature, so it is echoed only as inert text. */
export function echostrOf(query: Record<string, unknown>): string {
  const { echostr } = query;
  if (typeof echostr !== 'string' || echostr === '' || echostr.length > 256) throw new Refusal(400, 'missing echostr');
  return echostr;
}
