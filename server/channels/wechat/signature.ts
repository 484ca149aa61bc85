import { sortedSha1 } from '../sha1-signature';

export { signatureMatches } from '../sha1-signature';

/**
 * WeChat's request signature: with [token, timestamp, nonce] it is the `signature` of every push;
 * with the Encrypt text added it is the `msg_signature` of safe mode.
 */
export function wechatSignature(token: string, timestamp: string, nonce: string, encrypt?: string): string {
  return sortedSha1(encrypt === undefined ? [token, timestamp, nonce] : [token, timestamp, nonce, encrypt]);
}
