import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DeadlinePolicy } from '../shared/deadline';
import { loadDeadlinePolicy } from './deadlines/policy-file';
import type { RetrainOptions } from './suggestions/retrainer';
import {
  DEMO_ALIPAY_PLATFORM_PUBLIC_KEY,
  DEMO_APP_PRIVATE_KEY,
  DEMO_APP_PUBLIC_KEY_BASE64,
} from './channels/alipay/demo-keys';

/**
 * The server's configuration, from the environment, with embedded defaults that need no set-up:
 * a SQLite file under .data/server and one demo account per channel whose secrets are public (see README).
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

/**
 * Where each platform's APIs live. The real hosts by default; the simulator plays all of them on
 * one local port (YIWANG_PLATFORM_URL), or each can be set alone.
 */
export interface PlatformUrls {
  /** api.weixin.qq.com: access token, customer-service send, media download. */
  wechat: string;
  /** Weibo's messages/reply host (m.api.weibo.com). */
  weibo: string;
  /** Weibo's media download host (upload.api.weibo.com). */
  weiboUpload: string;
  /** Alipay's OpenAPI gateway (openapi.alipay.com/gateway.do). */
  alipay: string;
}

/** How the outbound queue and the media fetcher pace themselves (server/outbound, server/media). */
export interface WorkerTiming {
  /** How often due work is looked for when nothing nudged. */
  pollMs: number;
  /** The first retry's delay; each later one doubles, up to maxRetryMs. */
  retryBaseMs: number;
  maxRetryMs: number;
  /** Attempts before a retryable platform error counts as a failure. */
  maxAttempts: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  /** sqlite:<path> or postgres://… */
  databaseUrl: string;
  channels: ChannelsConfig;
  /** Password of the `admin` operator created on first start. */
  adminPassword: string;
  /** Largest webhook body accepted, in bytes. */
  maxWebhookBytes: number;
  /** How far a webhook's timestamp may be from the server clock before it is refused as stale. */
  maxClockSkewSeconds: number;
  /** The three clocks' policy: the defaults, or YIWANG_DEADLINE_POLICY_FILE over them. */
  deadlinePolicy: DeadlinePolicy;
  /** How long opening a request claims it for; renewed while the operator keeps it open. */
  claimLeaseMs: number;
  /** When the suggestion models are retrained from operators' decisions (server/suggestions). */
  retrain: RetrainOptions;
  platforms: PlatformUrls;
  outbound: WorkerTiming;
  media: WorkerTiming;
}

/** The demo account `npm start` and the simulator use out of the box. Not a secret: never use it in production. */
export const DEMO_WECHAT_ACCOUNT: WechatAccount = {
  key: 'demo',
  originalId: 'gh_yiwang_demo',
  appId: 'wx0000000000demo',
  appSecret: 'demo-app-secret',
  token: 'yiwangdemotoken',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};

/** The demo Weibo account: the App Secret is public, so anyone can sign pushes for it. */
export const DEMO_WEIBO_ACCOUNT: WeiboAccount = {
  key: 'demo',
  uid: '1902538057',
  appKey: '0000000000',
  appSecret: 'demo-weibo-app-secret',
  accessToken: 'demo-weibo-access-token',
};

/** The demo Alipay life account, with the public demo keys of ./channels/alipay/demo-keys. */
export const DEMO_ALIPAY_ACCOUNT: AlipayAccount = {
  key: 'demo',
  appId: '2016000000000000',
  alipayPublicKey: DEMO_ALIPAY_PLATFORM_PUBLIC_KEY,
  appPrivateKey: DEMO_APP_PRIVATE_KEY,
  appPublicKey: DEMO_APP_PUBLIC_KEY_BASE64,
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolve(env.YIWANG_DATA_DIR ?? '.data/server');
  const channelsFile = env.YIWANG_CHANNELS_FILE;
  const channels = channelsFile
    ? ChannelsConfig.parse(JSON.parse(readFileSync(channelsFile, 'utf8')))
    : { wechat: [DEMO_WECHAT_ACCOUNT], weibo: [DEMO_WEIBO_ACCOUNT], alipay: [DEMO_ALIPAY_ACCOUNT] };
  return {
    host: env.YIWANG_HOST ?? '127.0.0.1',
    port: Number(env.YIWANG_PORT ?? 7300),
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'yiwang.sqlite')}`,
    channels,
    adminPassword: env.YIWANG_ADMIN_PASSWORD ?? 'admin',
    maxWebhookBytes: Number(env.YIWANG_MAX_WEBHOOK_BYTES ?? 64 * 1024),
    maxClockSkewSeconds: Number(env.YIWANG_MAX_CLOCK_SKEW_SECONDS ?? 300),
    deadlinePolicy: loadDeadlinePolicy(env.YIWANG_DEADLINE_POLICY_FILE),
    claimLeaseMs: Number(env.YIWANG_CLAIM_LEASE_MS ?? 2 * 60_000),
    retrain: {
      every: Number(env.YIWANG_RETRAIN_EVERY ?? 200),
      intervalMs: Number(env.YIWANG_RETRAIN_INTERVAL_MS ?? 60 * 60_000),
      minPerClass: Number(env.YIWANG_RETRAIN_MIN_PER_CLASS ?? 5),
    },
    platforms: platformUrls(env),
    outbound: workerTiming(env, 'YIWANG_OUTBOUND', 8),
    media: workerTiming(env, 'YIWANG_MEDIA', 6),
  };
}

function platformUrls(env: NodeJS.ProcessEnv): PlatformUrls {
  const all = env.YIWANG_PLATFORM_URL?.replace(/\/+$/, '');
  const url = (name: string, real: string) => (env[name] ?? all ?? real).replace(/\/+$/, '');
  return {
    wechat: url('YIWANG_WECHAT_API_URL', 'https://api.weixin.qq.com'),
    weibo: url('YIWANG_WEIBO_API_URL', 'https://m.api.weibo.com'),
    weiboUpload: url('YIWANG_WEIBO_UPLOAD_URL', 'https://upload.api.weibo.com'),
    alipay: url('YIWANG_ALIPAY_GATEWAY_URL', 'https://openapi.alipay.com').replace(/\/gateway\.do$/, ''),
  };
}

function workerTiming(env: NodeJS.ProcessEnv, prefix: string, maxAttempts: number): WorkerTiming {
  return {
    pollMs: Number(env[`${prefix}_POLL_MS`] ?? 1000),
    retryBaseMs: Number(env[`${prefix}_RETRY_BASE_MS`] ?? 5000),
    maxRetryMs: Number(env[`${prefix}_MAX_RETRY_MS`] ?? 10 * 60_000),
    maxAttempts: Number(env[`${prefix}_MAX_ATTEMPTS`] ?? maxAttempts),
  };
}

/** The line the server prints on stdout once it listens; launchers and tests wait for it. */
export const READY_PREFIX = 'YIWANG_SERVER_READY ';
