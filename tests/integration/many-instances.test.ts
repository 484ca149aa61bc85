import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database';
import type { Channel } from '../../shared/model';
import { ClaimResponse, PullResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { startPlatforms, type PlatformServer } from '../../simulator/platforms/platform-server';
import { citizenWrites } from '../support/citizen-writes';
import { jsonClient } from '../support/json-client';
import { DEMO_CHANNELS, newCitizen, operatorSession } from '../support/outbound-fixture';
import { runServerCli } from '../support/server-cli';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';

const postgres = testBackends().find((backend) => backend.name === 'postgres');

/**
 * Two real server processes on one PostgreSQL, as behind a reverse proxy: background work done once
 * between them, and what one knows (claims, failed sign-ins) known to the other. Each instance reaches
 * the platforms through its own simulator, so a call is seen to come from one instance or the other;
 * deliveries are counted over both.
 */
describe.skipIf(!postgres)('two server instances on one PostgreSQL', () => {
  let database: TestDatabase;
  const platforms: PlatformServer[] = [];
  const servers: ServerProcess[] = [];

  const start = (platform: PlatformServer) =>
    startServer({
      DATABASE_URL: database.url,
      YIWANG_PLATFORM_URL: platform.url,
      YIWANG_OUTBOUND_POLL_MS: '30',
      YIWANG_MEDIA_POLL_MS: '30',
      YIWANG_LOGIN_MAX_FAILURES: '3',
    });

  beforeAll(async () => {
    database = await postgres!.create();
    platforms.push(await startPlatforms(DEMO_CHANNELS), await startPlatforms(DEMO_CHANNELS));
    // Started together on an empty database: one migrates and seeds, the other waits for it (advisory lock).
    servers.push(...(await Promise.all(platforms.map(start))));
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const platform of platforms) await platform.close();
    await database?.drop();
  });

  const callsOf = (
    api: 'send' | 'media',
    channel: Channel,
    match: (c: { recipient: string | null; text: string | null }) => boolean,
  ) => platforms.map((p) => p.calls.filter((c) => c.api === api && c.channel === channel && match(c)).length);
  const sendsTo = (citizen: string) => callsOf('send', 'weibo', (c) => c.recipient === citizen);
  const total = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

  it('sends each reply queued once exactly once while both instances run their workers', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const operators = [await operatorSession(a.url), await operatorSession(b.url)];
    const citizens = Array.from({ length: 12 }, () => newCitizen('weibo'));
    for (const [i, citizen] of citizens.entries())
      await citizenWrites(servers[i % 2]!.url, { channel: 'weibo', citizen, text: `小区停水了 ${i}` });
    const ids: string[] = [];
    for (const [i, citizen] of citizens.entries()) {
      const operator = operators[i % 2]!;
      const request = await operator.requestOf('weibo', citizen);
      const { result } = await operator.decide(request, { kind: 'reply', text: `已转供水公司 ${i}` });
      expect(result.outcome).toBe('applied');
      ids.push(request.id);
    }
    for (const id of ids) await operators[0]!.waitFor(id, (r) => r.replyDelivery?.status === 'sent', 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(citizens.map((c) => total(sendsTo(c)))).toEqual(citizens.map(() => 1));
  }, 90_000);

  it('fetches an attachment once', async () => {
    const operator = await operatorSession(servers[0]!.url);
    const mediaIds = ['9223372036854775101', '9223372036854775102', '9223372036854775103'];
    for (const mediaId of mediaIds) {
      const citizen = newCitizen('weibo');
      await citizenWrites(servers[0]!.url, { channel: 'weibo', citizen, kind: 'image', text: '图片', mediaId });
      const request = await operator.requestOf('weibo', citizen);
      await operator.waitFor(request.id, (r) => r.attachments[0]?.kind === 'image' && r.attachments[0].url !== null);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(mediaIds.map((id) => total(callsOf('media', 'weibo', (c) => c.text === id)))).toEqual([1, 1, 1]);
  }, 60_000);

  it('shows a claim taken on one instance on the other, and refuses it there to another operator', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const added = await runServerCli(a.dataDir, ['add-operator', 'li'], 'river-lamp-quiet-7\n', {
      DATABASE_URL: database.url,
      YIWANG_ADMIN_PASSWORD: 'admin',
    });
    expect(added.code).toBe(0);
    const admin = await operatorSession(a.url);
    const li = await operatorSession(b.url, 'li', 'river-lamp-quiet-7');
    const citizen = newCitizen('weibo');
    await citizenWrites(a.url, { channel: 'weibo', citizen, text: '井盖丢了' });
    const request = await admin.requestOf('weibo', citizen);

    const claimed = ClaimResponse.parse(
      (await jsonClient(a.url).post(SYNC_PATHS.claim, { requestId: request.id }, admin.token)).body,
    );
    expect(claimed.granted).toBe(true);
    const seen = PullResponse.parse(
      (await jsonClient(b.url).post(SYNC_PATHS.pull, { cursor: null, directoryVersion: 1_000_000, limit: 1 }, li.token))
        .body,
    );
    expect(seen.claims.find((c) => c.requestId === request.id)?.operatorName).toBe(claimed.claim.operatorName);
    const refused = ClaimResponse.parse(
      (await jsonClient(b.url).post(SYNC_PATHS.claim, { requestId: request.id }, li.token)).body,
    );
    expect(refused).toMatchObject({ granted: false, claim: { operatorId: claimed.claim.operatorId } });
  }, 60_000);

  it('counts failed sign-ins on one instance against the other', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const signIn = (url: string, password: string) =>
      jsonClient(url).post(SYNC_PATHS.login, { name: 'guessed', password, deviceId: 'ws-guesser' });
    for (const url of [a.url, b.url, a.url]) expect((await signIn(url, 'wrong')).status).toBe(401);
    expect((await signIn(b.url, 'wrong')).status).toBe(429);
  });

  it('sends a reply once when the instance sending it is killed mid-send, and the other goes on', async () => {
    for (const platform of platforms) platform.delaySends('weibo', 3_000);
    const operator = await operatorSession(servers[0]!.url);
    const citizen = newCitizen('weibo');
    await citizenWrites(servers[0]!.url, { channel: 'weibo', citizen, text: '路灯不亮' });
    const request = await operator.requestOf('weibo', citizen);
    await operator.decide(request, { kind: 'reply', text: '已转城管局' });
    // The platform has the message; its answer is 3 s away: kill the instance that is waiting for it.
    let counts = sendsTo(citizen);
    for (const until = Date.now() + 20_000; total(counts) === 0 && Date.now() < until; counts = sendsTo(citizen))
      await new Promise((r) => setTimeout(r, 20));
    expect(total(counts)).toBe(1);
    const sender = counts.indexOf(1);
    await servers[sender]!.kill('SIGKILL');
    for (const platform of platforms) platform.delaySends('weibo', 0);
    const survivor = servers[1 - sender]!;

    // The survivor's worker runs on (a new reply goes out) and never sends the interrupted one again.
    const other = await operatorSession(survivor.url);
    const next = newCitizen('weibo');
    await citizenWrites(survivor.url, { channel: 'weibo', citizen: next, text: '垃圾没人清' });
    const nextRequest = await other.requestOf('weibo', next);
    await other.decide(nextRequest, { kind: 'reply', text: '已转环卫处' });
    await other.waitFor(nextRequest.id, (r) => r.replyDelivery?.status === 'sent', 20_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(total(sendsTo(next))).toBe(1);
    expect(total(sendsTo(citizen))).toBe(1);
    // Left as the killed instance claimed it: whether the platform took it cannot be known, so it is never
    // retried; once abandoned long enough it is settled as failed, outcome unknown (reply-worker.ts).
    const db = openDatabase(database.url);
    try {
      const row = await db
        .selectFrom('outbound_replies')
        .select(['status', 'attempts'])
        .where('request_id', '=', request.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'sending', attempts: 1 });
    } finally {
      await db.destroy();
    }
  }, 90_000);
});
