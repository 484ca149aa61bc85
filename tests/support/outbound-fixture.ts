import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Channel, DecisionAction, Request } from '../../shared/model';
import { LoginResponse, PullResponse, PushResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { DEMO_CHANNELS } from '../../server/channels/demo-accounts';
import { openDatabase, type Db } from '../../server/db/open-database';
import { startPlatforms, type PlatformServer } from '../../simulator/platforms/platform-server';
import { decisionMaker } from './make-decision';
import { startServer, type ServerProcess } from './server-process';
import type { TestBackend, TestDatabase } from './test-database';

export { DEMO_CHANNELS };
export { newCitizen } from './demo-channels';

/**
 * Plays a citizen on the channels and an operator on a workstation against a started server:
 * deliveries through the real webhooks, decisions through the sync API.
 */
export async function operatorSession(
  serverUrl: string,
  name = 'admin',
  password = 'admin',
  deviceId = `ws-${randomInt(1e6)}`,
) {
  async function post(path: string, body: unknown, token: string | null) {
    const response = await fetch(serverUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }
  const login = LoginResponse.parse((await post(SYNC_PATHS.login, { name, password, deviceId }, null)).body);
  const decide = decisionMaker(deviceId, login.operator.id);
  let cursor: string | null = null;
  const known = new Map<string, Request>();

  const session = {
    token: login.token,
    /** Pulls every change since the last pull into `known`. */
    async pull(): Promise<Map<string, Request>> {
      for (;;) {
        const page = PullResponse.parse(
          (await post(SYNC_PATHS.pull, { cursor, directoryVersion: 1_000_000, limit: 1000 }, login.token)).body,
        );
        for (const request of page.requests) known.set(request.id, request);
        cursor = page.cursor;
        if (!page.hasMore) return known;
      }
    },
    async decide(request: Request, action: DecisionAction) {
      const decision = decide(request.id, request.version, action);
      const response = await post(SYNC_PATHS.push, { deviceId, decisions: [decision] }, login.token);
      expect(response.status).toBe(200);
      return { decision, result: PushResponse.parse(response.body).results[0]! };
    },
    async pushAgain(decision: unknown) {
      return PushResponse.parse((await post(SYNC_PATHS.push, { deviceId, decisions: [decision] }, login.token)).body)
        .results[0]!;
    },
    /** The request of a citizen's channel identity, once pulled. */
    async requestOf(channel: Channel, citizen: string): Promise<Request> {
      await session.pull();
      const found = [...known.values()].filter((r) => r.citizen.id === `${channel}:${citizen}`);
      expect(found).toHaveLength(1);
      return found[0]!;
    },
    /** Pulls until the request satisfies `done`, or fails after `timeoutMs`. */
    async waitFor(id: string, done: (request: Request) => boolean, timeoutMs = 10_000): Promise<Request> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const request = (await session.pull()).get(id);
        if (request && done(request)) return request;
        if (Date.now() > until)
          throw new Error(
            `request ${id} did not get there: ${JSON.stringify(request?.replyDelivery ?? request?.attachments)}`,
          );
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
  return session;
}

export type OperatorSession = Awaited<ReturnType<typeof operatorSession>>;

export interface ServerWithPlatforms {
  database: TestDatabase;
  /** The simulated WeChat, Weibo and Alipay APIs, whose record of calls the tests assert. */
  platforms: PlatformServer;
  server: ServerProcess;
  db: Db;
  /** The admin at a workstation of their own. */
  operator: OperatorSession;
}

/**
 * For a test file's describe block: a real server on `backend` replying through the simulated platforms
 * (sent within 50 ms, retried after 50 ms), started before its tests and stopped after them; `env` adds to
 * the server's environment. Read the fields inside the tests: they are set once beforeAll has run.
 */
export function serverWithPlatforms(backend: TestBackend, env: Record<string, string> = {}): ServerWithPlatforms {
  const fixture = {} as ServerWithPlatforms;
  beforeAll(async () => {
    fixture.database = await backend.create();
    fixture.platforms = await startPlatforms(DEMO_CHANNELS);
    fixture.server = await startServer({
      DATABASE_URL: fixture.database.url,
      YIWANG_PLATFORM_URL: fixture.platforms.url,
      YIWANG_OUTBOUND_POLL_MS: '50',
      YIWANG_OUTBOUND_RETRY_BASE_MS: '50',
      ...env,
    });
    fixture.db = openDatabase(fixture.database.url);
    fixture.operator = await operatorSession(fixture.server.url);
  });
  afterAll(async () => {
    await fixture.db?.destroy();
    await fixture.server?.stop();
    await fixture.platforms?.close();
    await fixture.database?.drop();
  });
  return fixture;
}
