import { sortedSha1 } from '../sha1-signature';

/** Weibo signs its URL check and every push as WeChat does, with the App Secret in the Token's place (CHANNELS.md §2.1). */
export function weiboSignature(appSecret: string, timestamp: string, nonce: string): string {
  return sortedSha1([appSecret, timestamp, nonce]);
}
