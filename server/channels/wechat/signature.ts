import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat's request signature: sha1 of the parts sorted lexicographically and concatenated, hex.
 * With [token, timestamp, nonce] it is the `signature` of every push; with the Encrypt text added
 * it is the `msg_signature` of safe mode.
 */
export function wechatSignature(token: string, timestamp: string, nonce: string, encrypt?: string): string {
  const parts = encrypt === undefined ? [token, timestamp, nonce] : [token, timestamp, nonce, encrypt];
  return createHash('sha1').update(parts.sort().join('')).digest('hex');
}

/** Compares a received signature with the expected one in constant time, so timing does not leak it. */
export function signatureMatches(expected: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
