import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The channel accounts the server serves, as the channels file (YIWANG_CHANNELS_FILE) gives them:
 * one webhook per account, with the secrets its platform signs or encrypts with.
 */
/** The last path segment of an account's webhook URL. */
const WebhookKey = z.string().regex(/^[a-z0-9-]{1,40}$/);

export const WechatAccount = z.object({
  /** The path segment of this account's webhook: /channels/wechat/<key>. */
  key: WebhookKey,
  /** The official account's original id (gh_…), the ToUserName of every message it receives. */
  originalId: z.string().min(1),
  appId: z.string().min(1),
  appSecret: z.string().min(1),
  /** The Token entered in the WeChat back office (服务器配置). */
  token: z.string().regex(/^[A-Za-z0-9]{3,32}$/),
  /** The 43-character EncodingAESKey for safe/compatible mode; null in plain mode. */
  encodingAesKey: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/)
    .nullable(),
});
export type WechatAccount = z.infer<typeof WechatAccount>;

export const WeiboAccount = z.object({
  /** The path segment of this account's webhook: /channels/weibo/<key>. */
  key: WebhookKey,
  /** The verified account's uid, the receiver_id of every push it receives. */
  uid: z.string().regex(/^[1-9]\d{0,18}$/),
  appKey: z.string().min(1),
  /** The App Secret: Weibo signs its pushes with it (粉丝服务平台 → 高级功能 → 开发者模式). */
  appSecret: z.string().min(1),
  /** For replies and media downloads later. */
  accessToken: z.string().min(1),
});
export type WeiboAccount = z.infer<typeof WeiboAccount>;

/** A key that Node cannot load fails at start-up, not at the first delivery. */
const pem = (load: (key: string) => unknown, what: string) =>
  z.string().refine((text) => {
    try {
      load(text);
      return true;
    } catch {
      return false;
    }
  }, `not a PEM ${what}`);

export const AlipayAccount = z.object({
  /** The path segment of this account's gateway: /channels/alipay/<key>. */
  key: WebhookKey,
  /** The life account's app id, the AppId of every message it receives. */
  appId: z.string().regex(/^\d{10,20}$/),
  /** 支付宝公钥 (PEM): verifies what Alipay posts. */
  alipayPublicKey: pem(createPublicKey, 'public key'),
  /** 应用私钥 (PEM): signs the gateway's answers. */
  appPrivateKey: pem(createPrivateKey, 'private key'),
  /** 应用公钥 as bare base64, which the verifygw answer returns to Alipay. */
  appPublicKey: z.string().regex(/^[A-Za-z0-9+/=]{100,2000}$/),
});
export type AlipayAccount = z.infer<typeof AlipayAccount>;

export const ChannelsConfig = z.object({
  wechat: z.array(WechatAccount).default([]),
  weibo: z.array(WeiboAccount).default([]),
  alipay: z.array(AlipayAccount).default([]),
});
export type ChannelsConfig = z.infer<typeof ChannelsConfig>;

/** The channels file, validated whole: a wrong key or secret fails at start-up, not at the first delivery. */
export function readChannelsFile(file: string): ChannelsConfig {
  return ChannelsConfig.parse(JSON.parse(readFileSync(file, 'utf8')));
}
