import { randomBytes } from 'node:crypto';
import type { WeiboAccount } from '../server/channels/accounts';
import { platformSha1 } from './platform-signing';

/** One push as CHANNELS.md §2.2 shows it, ids as decimal strings (they are int64 on the wire). */
export interface WeiboPush {
  type: string;
  receiver_id: string;
  sender_id: string;
  /** Twitter-style, "Mon Jul 16 18:09:20 +0800 2012" (see isoToWeiboTime). */
  created_at: string;
  text: string;
  data: Record<string, string>;
}

export interface WeiboDeliveryOptions {
  /** The push's time, which goes into `timestamp` (the push's created_at is the caller's). */
  now?: Date;
  /** Fixed for reproducible tests; random otherwise, as Weibo's is. */
  nonce?: string;
}

/** A push ready for postDelivery: the signed query and the JSON body. */
export interface WeiboDelivery {
  channel: 'weibo';
  contentType: string;
  query: Record<string, string>;
  body: string;
}

/** The envelope ids Weibo writes as bare JSON numbers. */
const ID_STRINGS = /("(?:sender_id|receiver_id|vfid|tovfid)":)"(\d+)"/g;

/** Builds one push exactly as Weibo's servers would send it to the account's webhook. */
export function buildWeiboDelivery(
  account: WeiboAccount,
  push: WeiboPush,
  options: WeiboDeliveryOptions = {},
): WeiboDelivery {
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000));
  const nonce = options.nonce ?? String(randomBytes(4).readUInt32BE());
  return {
    channel: 'weibo',
    contentType: 'application/json',
    query: { signature: platformSha1(account.appSecret, timestamp, nonce), timestamp, nonce },
    // Bare numbers however large, as Weibo sends them; JSON.stringify cannot write an int64.
    body: JSON.stringify(push).replace(ID_STRINGS, '$1$2'),
  };
}
