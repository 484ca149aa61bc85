import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The push signature WeChat and Weibo share: sha1 of the parts sorted lexicographically and
 * concatenated, hex. Each platform chooses the parts (WeChat: its Token; Weibo: the App Secret).
 */
export function sortedSha1(parts: readonly string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Compares a received signature with the expected one in constant time, so timing does not leak it. */
export function signatureMatches(expected: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
