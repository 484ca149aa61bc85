import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../shared/model';
import { DEMO_WECHAT_ACCOUNT as ACCOUNT } from '../../server/channels/demo-accounts';
import { type WechatAccount } from '../../server/channels/accounts';
import { nonceCache } from '../../server/channels/nonce-cache';
import { wechatWebhook } from '../../server/channels/wechat/webhook';
import { migrateToLatest } from '../../server/db/migrate';
import { openDatabase, type Db } from '../../server/db/open-database';
import type { Intake } from '../../server/requests/intake';
import { buildWechatDelivery, type WechatDelivery } from '../../simulator/wechat-delivery';

// The webhook's own paths that the real-server test cannot reach: an intake that fails, a moved
// clock, unsupported pushes. The full protocol against the real server is in tests/integration.

const NOW = Date.UTC(2025, 0, 6, 2, 0, 0);
const PLAIN_ACCOUNT: WechatAccount = { ...ACCOUNT, key: 'plain', encodingAesKey: null };

let app: FastifyInstance;
afterEach(() => app?.close());
// The nonce cache on a real (SQLite) database, as the server has it.
let db: Db;
beforeAll(async () => {
  db = openDatabase(`sqlite:${join(mkdtempSync(join(tmpdir(), 'yiwang-wechat-')), 'nonces.sqlite')}`);
  await migrateToLatest(db);
});
afterAll(() => db.destroy());

function setUp(receive: Intake['receive']) {
  const logs: { level: number; msg: string; reason?: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const stored: InboundMessage[] = [];
  app = Fastify({ logger: { level: 'info', stream } });
  app.register(wechatWebhook, {
    accounts: [ACCOUNT, PLAIN_ACCOUNT],
    intake: { receive: async (m) => (stored.push(m), receive(m)) },
    maxBodyBytes: 4096,
    maxClockSkewSeconds: 300,
    nonces: nonceCache(db, 300, () => NOW),
    now: () => NOW,
  });
  const post = (delivery: WechatDelivery, key = ACCOUNT.key) =>
    app.inject({
      method: 'POST',
      url: `/channels/wechat/${key}`,
      query: delivery.query,
      payload: delivery.body,
      headers: { 'content-type': 'text/xml' },
    });
  const warnings = () => logs.filter((l) => l.level === 40);
  return { post, stored, warnings };
}

const ok: Intake['receive'] = async () => ({ requestId: 'r1', duplicate: false });
const fields = (extra: Record<string, string> = {}) => ({
  ToUserName: ACCOUNT.originalId,
  FromUserName: 'oCitizen',
  CreateTime: String(NOW / 1000),
  MsgType: 'text',
  Content: '你好',
  MsgId: '6054768590064713728',
  ...extra,
});
const at = (offsetSeconds: number) => new Date(NOW + offsetSeconds * 1000);

describe('wechatWebhook', () => {
  it('hands the normalised message to intake and answers success', async () => {
    const { post, stored } = setUp(ok);
    const response = await post(buildWechatDelivery(ACCOUNT, fields(), { now: at(0), encrypt: true }));
    expect([response.statusCode, response.body]).toEqual([200, 'success']);
    expect(stored).toEqual([
      expect.objectContaining({ account: ACCOUNT.originalId, dedupeKey: '6054768590064713728', text: '你好' }),
    ]);
  });

  it('answers success to a duplicate', async () => {
    const { post } = setUp(async () => ({ requestId: 'r1', duplicate: true }));
    expect((await post(buildWechatDelivery(ACCOUNT, fields(), { now: at(0) }))).body).toBe('success');
  });

  it('answers 500 when intake fails, so WeChat retries', async () => {
    const { post } = setUp(async () => {
      throw new Error('database is locked');
    });
    const response = await post(buildWechatDelivery(ACCOUNT, fields(), { now: at(0) }));
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('database');
  });

  it('accepts timestamps within the skew either way and refuses beyond it', async () => {
    const { post, stored } = setUp(ok);
    expect((await post(buildWechatDelivery(ACCOUNT, fields(), { now: at(-300) }))).statusCode).toBe(200);
    expect((await post(buildWechatDelivery(ACCOUNT, fields(), { now: at(299) }))).statusCode).toBe(200);
    expect((await post(buildWechatDelivery(ACCOUNT, fields(), { now: at(-301) }))).statusCode).toBe(403);
    expect((await post(buildWechatDelivery(ACCOUNT, fields(), { now: at(301) }))).statusCode).toBe(403);
    expect(stored).toHaveLength(2);
  });

  it('acknowledges without storing what Yiwang does not take in (a file, a platform report)', async () => {
    const { post, stored, warnings } = setUp(ok);
    const pushes: Record<string, string>[] = [
      { MsgType: 'file' },
      { MsgType: 'event', Event: 'TEMPLATESENDJOBFINISH' },
    ];
    for (const extra of pushes) {
      const response = await post(buildWechatDelivery(ACCOUNT, fields(extra), { now: at(0) }));
      expect([response.statusCode, response.body]).toEqual([200, 'success']);
    }
    expect(stored).toEqual([]);
    expect(warnings().map((w) => w.reason)).toEqual([
      'unsupported MsgType: file',
      'unsupported Event: TEMPLATESENDJOBFINISH',
    ]);
  });

  it('refuses an encrypted push to an account in plain mode', async () => {
    const { post, stored } = setUp(ok);
    const delivery = buildWechatDelivery(ACCOUNT, fields(), { now: at(0), encrypt: true });
    const response = await post(delivery, PLAIN_ACCOUNT.key);
    expect([response.statusCode, response.body]).toEqual([400, 'encrypted push but no EncodingAESKey configured']);
    expect(stored).toEqual([]);
  });

  it('refuses an unknown encrypt_type and an encrypted envelope without Encrypt', async () => {
    const { post, stored } = setUp(ok);
    const plain = buildWechatDelivery(ACCOUNT, fields(), { now: at(0), encrypt: false });
    expect((await post({ ...plain, query: { ...plain.query, encrypt_type: 'sm4' } })).statusCode).toBe(400);
    expect((await post({ ...plain, query: { ...plain.query, encrypt_type: 'aes', msg_signature: 'x' } })).body).toBe(
      'Encrypt: missing',
    );
    expect(stored).toEqual([]);
  });

  it('refuses a repeated signature parameter', async () => {
    const { stored, warnings } = setUp(ok);
    const { query, body } = buildWechatDelivery(ACCOUNT, fields(), { now: at(0) });
    const url = `/channels/wechat/demo?${new URLSearchParams(query)}&signature=${query.signature}`;
    const response = await app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'text/xml' } });
    expect(response.statusCode).toBe(401);
    expect(stored).toEqual([]);
    expect(warnings()).toHaveLength(1);
  });

  it('a 413 is logged as one warn line too', async () => {
    const { post, warnings } = setUp(ok);
    const response = await post(buildWechatDelivery(ACCOUNT, fields({ Content: 'x'.repeat(5000) }), { now: at(0) }));
    expect(response.statusCode).toBe(413);
    expect(warnings()).toMatchObject([{ msg: 'wechat push refused' }]);
  });

  it('URL verification needs an echostr, and sends it as inert text', async () => {
    setUp(ok);
    const { query } = buildWechatDelivery(ACCOUNT, fields(), { now: at(0) });
    const missing = await app.inject({ method: 'GET', url: '/channels/wechat/demo', query });
    expect(missing.statusCode).toBe(400);
    const echoed = await app.inject({
      method: 'GET',
      url: '/channels/wechat/demo',
      query: { ...query, echostr: '<script>x</script>' },
    });
    expect(echoed.headers['content-type']).toMatch(/^text\/plain/);
    expect(echoed.headers['x-content-type-options']).toBe('nosniff');
  });
});
