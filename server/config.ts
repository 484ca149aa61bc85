import { resolve } from 'node:path';
import { z } from 'zod';
import type { DeadlinePolicy } from '../shared/deadline';
import { readChannelsFile, type ChannelsConfig } from './channels/accounts';
import { DEMO_CHANNELS } from './channels/demo-accounts';
import { DEFAULT_POOL_SIZE } from './db/open-database';
import { loadDeadlinePolicy } from './deadlines/policy-file';
import type { ThrottleLimits } from './auth/login-throttle';
import type { SessionLifetime } from './auth/sessions';
import type { RetrainOptions } from './suggestions/retrainer';

/**
 * The server's configuration, from the environment, with embedded defaults: a SQLite file under
 * .data/server. Only a demo server (YIWANG_DEMO=1, `npm start -- --demo`) has the public demo channel
 * accounts and an admin/admin default; any other has the channels its file names and no default
 * password. Every setting is checked by a schema at start-up: a wrong one stops the server with its name.
 * docs/security.md says what each security setting does.
 */

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
  /** Where fetched attachments are kept: dataDir/media, or a folder every instance shares (YIWANG_MEDIA_DIR). */
  mediaDir: string;
  /** sqlite:<path> or postgres://… */
  databaseUrl: string;
  /** PostgreSQL connections this instance holds at most (YIWANG_DB_POOL_SIZE). */
  dbPoolSize: number;
  /** YIWANG_DEMO=1: the public demo channel accounts, demo staff and admin/admin. Never on a reachable server. */
  demo: boolean;
  channels: ChannelsConfig;
  /** Password of the `admin` operator created on first start; null: a random one, printed once. */
  adminPassword: string | null;
  /** Fastify's trustProxy: whom to believe about the client's address and https (X-Forwarded-*). */
  trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  sessionLifetime: SessionLifetime;
  loginLimits: ThrottleLimits;
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
  /** How often the escalation ladder looks for overdue unit answers; 0 turns it off (docs/deadlines.md). */
  ladderPollMs: number;
  /** A folder of board data to start from when the server has no history yet (the demo: ../shared/data). */
  warmStartDir: string | null;
}

/** A setting the environment gives wrongly: the server says which and stops (exit code 2). */
export class ConfigError extends Error {}

/** Unset and empty mean the default; anything else must be a whole number within bounds. */
const wholeNumber = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .optional()
    .transform((text) => (text === undefined || text === '' ? String(fallback) : text))
    .pipe(
      z
        .string()
        .regex(/^\d+$/, { error: 'expected a whole number' })
        .transform(Number)
        .pipe(
          z
            .number()
            .max(max, { error: `expected at most ${max}` })
            .min(min, { error: `expected at least ${min}` }),
        ),
    );
const text = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value === '' ? fallback : value));
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));
const httpUrl = optionalText.pipe(
  z
    .url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
);

const TIMING_SETTINGS = ['POLL_MS', 'RETRY_BASE_MS', 'MAX_RETRY_MS', 'MAX_ATTEMPTS'] as const;
type WorkerPrefix = 'YIWANG_OUTBOUND' | 'YIWANG_MEDIA';

function workerTimingEnv<P extends WorkerPrefix>(prefix: P, maxAttempts: number) {
  const defaults = [1000, 5000, 10 * 60_000, maxAttempts];
  return Object.fromEntries(
    TIMING_SETTINGS.map((name, i) => [`${prefix}_${name}`, wholeNumber(defaults[i]!, 1)]),
  ) as Record<`${P}_${(typeof TIMING_SETTINGS)[number]}`, ReturnType<typeof wholeNumber>>;
}

/** Every environment variable the server reads, with its default and bounds. */
const ServerEnv = z.object({
  YIWANG_DATA_DIR: text('.data/server'),
  YIWANG_HOST: text('127.0.0.1'),
  YIWANG_PORT: wholeNumber(7300, 0, 65_535),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^(sqlite:|postgres(ql)?:\/\/)/, { error: 'expected sqlite:<path> or postgres://…' })
      .optional(),
  ),
  YIWANG_DB_POOL_SIZE: wholeNumber(DEFAULT_POOL_SIZE, 1, 1000),
  YIWANG_CHANNELS_FILE: optionalText,
  YIWANG_MEDIA_DIR: optionalText,
  YIWANG_DEMO: z.enum(['', '0', '1']).optional(),
  YIWANG_ADMIN_PASSWORD: optionalText,
  YIWANG_TRUST_PROXY: optionalText,
  YIWANG_SESSION_IDLE_MINUTES: wholeNumber(12 * 60, 1),
  YIWANG_SESSION_MAX_HOURS: wholeNumber(14 * 24, 1),
  YIWANG_LOGIN_MAX_FAILURES: wholeNumber(10, 1),
  YIWANG_LOGIN_MAX_FAILURES_PER_ADDRESS: wholeNumber(30, 1),
  YIWANG_LOGIN_WINDOW_MINUTES: wholeNumber(15, 1),
  YIWANG_MAX_WEBHOOK_BYTES: wholeNumber(64 * 1024, 1024),
  YIWANG_MAX_CLOCK_SKEW_SECONDS: wholeNumber(300, 1),
  YIWANG_DEADLINE_POLICY_FILE: optionalText,
  YIWANG_CLAIM_LEASE_MS: wholeNumber(2 * 60_000, 1),
  YIWANG_LADDER_POLL_MS: wholeNumber(60_000, 0),
  YIWANG_WARM_START_DIR: optionalText,
  YIWANG_RETRAIN_EVERY: wholeNumber(200, 1),
  YIWANG_RETRAIN_INTERVAL_MS: wholeNumber(60 * 60_000, 1),
  YIWANG_RETRAIN_MIN_PER_CLASS: wholeNumber(5, 1),
  YIWANG_PLATFORM_URL: httpUrl,
  YIWANG_WECHAT_API_URL: httpUrl,
  YIWANG_WEIBO_API_URL: httpUrl,
  YIWANG_WEIBO_UPLOAD_URL: httpUrl,
  YIWANG_ALIPAY_GATEWAY_URL: httpUrl,
  ...workerTimingEnv('YIWANG_OUTBOUND', 8),
  ...workerTimingEnv('YIWANG_MEDIA', 6),
});
type ServerEnv = z.infer<typeof ServerEnv>;

/** The environment, checked: the first wrong setting is named, with what was given and what it should be. */
function parseEnv(env: NodeJS.ProcessEnv): ServerEnv {
  const parsed = ServerEnv.safeParse(env);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const name = String(issue?.path[0] ?? 'environment');
  throw new ConfigError(`${name}=${JSON.stringify(env[name] ?? '')}: ${issue?.message ?? 'invalid'}`);
}

/** A file a setting names that cannot be read or is wrong inside is that setting's error too. */
function fromFile<T>(name: string, file: string, read: (file: string) => T): T {
  try {
    return read(file);
  } catch (err) {
    const why = err instanceof z.ZodError ? z.prettifyError(err) : err instanceof Error ? err.message : String(err);
    throw new ConfigError(`${name}=${file}: ${why}`);
  }
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): ServerConfig {
  const env = parseEnv(environment);
  const demo = env.YIWANG_DEMO === '1';
  const dataDir = resolve(env.YIWANG_DATA_DIR);
  const channelsFile = env.YIWANG_CHANNELS_FILE;
  const policyFile = env.YIWANG_DEADLINE_POLICY_FILE;
  return {
    host: env.YIWANG_HOST,
    port: env.YIWANG_PORT,
    dataDir,
    mediaDir: resolve(env.YIWANG_MEDIA_DIR ?? resolve(dataDir, 'media')),
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'yiwang.sqlite')}`,
    dbPoolSize: env.YIWANG_DB_POOL_SIZE,
    demo,
    channels: channelsFile
      ? fromFile('YIWANG_CHANNELS_FILE', channelsFile, readChannelsFile)
      : demo
        ? DEMO_CHANNELS
        : NO_CHANNELS,
    adminPassword: env.YIWANG_ADMIN_PASSWORD ?? (demo ? 'admin' : null),
    trustProxy: trustProxy(env.YIWANG_TRUST_PROXY),
    sessionLifetime: {
      idleMs: env.YIWANG_SESSION_IDLE_MINUTES * 60_000,
      maxMs: env.YIWANG_SESSION_MAX_HOURS * 3_600_000,
    },
    loginLimits: {
      perAccount: env.YIWANG_LOGIN_MAX_FAILURES,
      perAddress: env.YIWANG_LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMs: env.YIWANG_LOGIN_WINDOW_MINUTES * 60_000,
    },
    maxWebhookBytes: env.YIWANG_MAX_WEBHOOK_BYTES,
    maxClockSkewSeconds: env.YIWANG_MAX_CLOCK_SKEW_SECONDS,
    deadlinePolicy: policyFile
      ? fromFile('YIWANG_DEADLINE_POLICY_FILE', policyFile, loadDeadlinePolicy)
      : loadDeadlinePolicy(undefined),
    claimLeaseMs: env.YIWANG_CLAIM_LEASE_MS,
    retrain: {
      every: env.YIWANG_RETRAIN_EVERY,
      intervalMs: env.YIWANG_RETRAIN_INTERVAL_MS,
      minPerClass: env.YIWANG_RETRAIN_MIN_PER_CLASS,
    },
    platforms: platformUrls(env),
    outbound: workerTiming(env, 'YIWANG_OUTBOUND'),
    media: workerTiming(env, 'YIWANG_MEDIA'),
    ladderPollMs: env.YIWANG_LADDER_POLL_MS,
    warmStartDir: env.YIWANG_WARM_START_DIR ? resolve(env.YIWANG_WARM_START_DIR) : null,
  };
}

const NO_CHANNELS: ChannelsConfig = { wechat: [], weibo: [], alipay: [] };

/** 'true' trusts every proxy, a number that many hops, anything else is a list of addresses or CIDRs. */
function trustProxy(value: string | undefined): ServerConfig['trustProxy'] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (!/^\d+$/.test(value)) return value;
  const hops = Number(value);
  return (_address, hop) => hop < hops;
}

function platformUrls(env: ServerEnv): PlatformUrls {
  const all = env.YIWANG_PLATFORM_URL;
  return {
    wechat: env.YIWANG_WECHAT_API_URL ?? all ?? 'https://api.weixin.qq.com',
    weibo: env.YIWANG_WEIBO_API_URL ?? all ?? 'https://m.api.weibo.com',
    weiboUpload: env.YIWANG_WEIBO_UPLOAD_URL ?? all ?? 'https://upload.api.weibo.com',
    alipay: (env.YIWANG_ALIPAY_GATEWAY_URL ?? all ?? 'https://openapi.alipay.com').replace(/\/gateway\.do$/, ''),
  };
}

function workerTiming(env: ServerEnv, prefix: WorkerPrefix): WorkerTiming {
  return {
    pollMs: env[`${prefix}_POLL_MS`],
    retryBaseMs: env[`${prefix}_RETRY_BASE_MS`],
    maxRetryMs: env[`${prefix}_MAX_RETRY_MS`],
    maxAttempts: env[`${prefix}_MAX_ATTEMPTS`],
  };
}

/** The line the server prints on stdout once it listens; launchers and tests wait for it. */
export const READY_PREFIX = 'YIWANG_SERVER_READY ';
