import { randomBytes } from 'node:crypto';
import { buildWechatXml, type WechatFields } from '../shared/channels/wechat/xml';
import type { WechatAccount } from '../server/channels/accounts';
import { platformSha1, wechatEncrypt } from './platform-signing';

export interface WechatDeliveryOptions {
  /**
   * Safe mode: encrypt the message with the account's EncodingAESKey and add `msg_signature`.
   * By default as WeChat does, by the account's mode: encrypted when it has a key. `false` forces
   * plaintext (a downgrade the server must refuse).
   */
  encrypt?: boolean;
  /** The push's time, which goes into `timestamp` (the fields' CreateTime is the caller's). */
  now?: Date;
  /** Fixed for reproducible tests; random otherwise, as WeChat's is. */
  nonce?: string;
}

export interface WechatDelivery {
  /** The query string WeChat appends to the webhook URL. */
  query: Record<string, string>;
  /** The XML body, plain or the safe-mode `<xml><ToUserName/><Encrypt/></xml>` envelope. */
  body: string;
}

/** Builds one push exactly as WeChat's servers would send it to the account's webhook. */
export function buildWechatDelivery(
  account: WechatAccount,
  fields: WechatFields,
  options: WechatDeliveryOptions = {},
): WechatDelivery {
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000));
  const nonce = options.nonce ?? String(randomBytes(4).readUInt32BE());
  const query: Record<string, string> = {
    signature: platformSha1(account.token, timestamp, nonce),
    timestamp,
    nonce,
    openid: fields.FromUserName ?? '',
  };
  const plain = buildWechatXml(fields);
  if (!(options.encrypt ?? account.encodingAesKey !== null)) return { query, body: plain };

  if (!account.encodingAesKey) throw new Error(`account "${account.key}" has no EncodingAESKey`);
  const encrypt = wechatEncrypt(account.encodingAesKey, account.appId, plain);
  return {
    query: { ...query, encrypt_type: 'aes', msg_signature: platformSha1(account.token, timestamp, nonce, encrypt) },
    body: buildWechatXml({ ToUserName: fields.ToUserName ?? account.originalId, Encrypt: encrypt }),
  };
}
