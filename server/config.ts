import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The server's configuration, from the environment, with embedded defaults that need no set-up:
 * a SQLite file under .data/server and one demo WeChat account whose secrets are public (see README).
 */
export const WechatAccount = z.object({
  /** The path segment of this account's webhook: /channels/wechat/<key>. */
  key: z.string().regex(/^[a-z0-9-]{1,40}$/),
  /** The official account's original id (gh_…), the ToUserName of every message it receives. */
  originalId: z.string().min(1),
  appId: z.string().min(1),
  appSecret: z.string().min(1),
  /** The Token entered in the WeChat back office (服务器配置). */
  token: z.string().regex(/^[A-Za-z0-9]{3,32}$/),
  /** The 43-character EncodingAESKey for safe/compatible mode; null in plain mode. */
  encodingAesKey: z.string().regex(/^[A-Za-z0-9]{43}$/).nullable(),
});
export type WechatAccount = z.infer<typeof WechatAccount>;

export const ChannelsConfig = z.object({
  wechat: z.array(WechatAccount).default([]),
});
export type ChannelsConfig = z.infer<typeof ChannelsConfig>;

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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const dataDir = resolve(env.YIWANG_DATA_DIR ?? '.data/server');
  const channelsFile = env.YIWANG_CHANNELS_FILE;
  const channels = channelsFile
    ? ChannelsConfig.parse(JSON.parse(readFileSync(channelsFile, 'utf8')))
    : { wechat: [DEMO_WECHAT_ACCOUNT] };
  return {
    host: env.YIWANG_HOST ?? '127.0.0.1',
    port: Number(env.YIWANG_PORT ?? 7300),
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'yiwang.sqlite')}`,
    channels,
    adminPassword: env.YIWANG_ADMIN_PASSWORD ?? 'admin',
    maxWebhookBytes: Number(env.YIWANG_MAX_WEBHOOK_BYTES ?? 64 * 1024),
    maxClockSkewSeconds: Number(env.YIWANG_MAX_CLOCK_SKEW_SECONDS ?? 300),
  };
}

/** The line the server prints on stdout once it listens; launchers and tests wait for it. */
export const READY_PREFIX = 'YIWANG_SERVER_READY ';
