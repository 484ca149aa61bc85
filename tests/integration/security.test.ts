import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHANNELS, DEMO_WEIBO_ACCOUNT } from '../../server/channels/demo-accounts';
import { SYNC_PATHS } from '../../shared/sync/protocol';
import { UNIT_API } from '../../shared/units/protocol';
import { deliveryOf } from '../../simulator/citizen-message';
import { buildWeiboDelivery } from '../../simulator/weibo-delivery';
import { postDelivery } from '../../simulator/post-delivery';
import { jsonClient } from '../support/json-client';
import { newCitizen } from '../support/demo-channels';
import { startServer, type ServerProcess } from '../support/server-process';

// Secure by default (issue 15), against the real server process: what an outsider tries first.

const PULL = { cursor: null, directoryVersion: 0, limit: 1 };
const signIn = (client: ReturnType<typeof jsonClient>, name: string, password: string) =>
  client.post(SYNC_PATHS.login, { name, password, deviceId: `ws-${name}` });
const tokenOf = async (client: ReturnType<typeof jsonClient>, name: string, password: string) => {
  const answer = await signIn(client, name, password);
  expect(answer.status).toBe(200);
  return (answer.body as { token: string }).token;
};

describe('a server started without set-up', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // No channels file, no admin password: what someone gets who just runs it.
    server = await startServer({ YIWANG_CHANNELS_FILE: '', YIWANG_ADMIN_PASSWORD: '' });
  });
  afterAll(() => server?.stop());

  it('has no admin/admin, and shows the admin password it made once', async () => {
    const client = jsonClient(server.url);
    expect((await signIn(client, 'admin', 'admin')).status).toBe(401);
    const made = /created operator admin with the password (\S+)/.exec(server.output());
    expect(made).not.toBeNull();
    expect((await signIn(client, 'admin', made![1]!)).status).toBe(200);
  });

  it("refuses the README's demo secrets on every channel", async () => {
    for (const channel of ['wechat', 'weibo', 'alipay'] as const) {
      const delivery = deliveryOf(DEMO_CHANNELS, {
        channel,
        citizen: newCitizen(channel),
        kind: 'text',
        text: '用公开的演示密钥签名的留言',
        sentAt: new Date(),
      });
      expect(await postDelivery(server.url, delivery.accountKey, delivery)).toMatchObject({ ok: false, status: 404 });
    }
    expect(server.output()).toContain('no channel accounts: set YIWANG_CHANNELS_FILE');
    expect(server.output()).not.toContain('DEMO MODE');
  });
});

describe('a demo server', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ YIWANG_DEMO: '1', YIWANG_CHANNELS_FILE: '', YIWANG_ADMIN_PASSWORD: '' });
  });
  afterAll(() => server?.stop());

  it('says so in its log, and takes the demo accounts', async () => {
    expect(server.output()).toContain('DEMO MODE (YIWANG_DEMO=1)');
    expect((await signIn(jsonClient(server.url), 'admin', 'admin')).status).toBe(200);
    const push = buildWeiboDelivery(DEMO_WEIBO_ACCOUNT, {
      type: 'text',
      receiver_id: DEMO_WEIBO_ACCOUNT.uid,
      sender_id: newCitizen('weibo'),
      created_at: 'Mon Jul 16 18:09:20 +0800 2012',
      text: '演示',
      data: {},
    });
    expect(await postDelivery(server.url, DEMO_WEIBO_ACCOUNT.key, push)).toMatchObject({ ok: true });
  });
});

describe('sign-in, sessions and accounts', () => {
  let server: ServerProcess;
  let client: ReturnType<typeof jsonClient>;
  let admin: string;
  beforeAll(async () => {
    server = await startServer({ YIWANG_DEMO: '1' });
    client = jsonClient(server.url);
    admin = await tokenOf(client, 'admin', 'admin');
  });
  afterAll(() => server?.stop());

  it('throttles guessing: 25 wrong passwords, then the right one, are refused with 429 and Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 25; i++) {
      const response = await fetch(server.url + SYNC_PATHS.login, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'op3', password: `guess-${i}`, deviceId: 'ws-guesser' }),
      });
      answers.push({ status: response.status, retryAfter: Number(response.headers.get('retry-after') ?? 0) });
    }
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array(10).fill(401));
    expect(answers.slice(10).every((a) => a.status === 429 && a.retryAfter > 0)).toBe(true);
    expect((await signIn(client, 'op3', 'op3')).status).toBe(429);
    // Another account is not locked by op3's guesser.
    expect((await signIn(client, 'sup1', 'sup1')).status).toBe(200);
  });

  it('ends the session at sign-out: the token is refused afterwards', async () => {
    const token = await tokenOf(client, 'op1', 'op1');
    expect((await client.post(SYNC_PATHS.pull, PULL, token)).status).toBe(200);
    expect((await client.post(SYNC_PATHS.signOut, { handoverNote: '' }, token)).status).toBe(200);
    expect((await client.post(SYNC_PATHS.pull, PULL, token)).status).toBe(401);
  });

  it('lets an admin disable an operator, ending their sessions, and enable them again', async () => {
    const token = await tokenOf(client, 'op2', 'op2');
    const op1 = await tokenOf(client, 'op1', 'op1');
    expect((await client.post('/api/admin/accounts/operator/op2/disabled', {}, op1)).status).toBe(403);
    expect((await client.post('/api/admin/accounts/operator/op2/disabled', {}, admin)).status).toBe(200);
    expect((await client.post(SYNC_PATHS.pull, PULL, token)).status).toBe(401);
    expect((await signIn(client, 'op2', 'op2')).status).toBe(401);
    expect((await client.post('/api/admin/accounts/operator/op2/enabled', {}, admin)).status).toBe(200);
    expect((await signIn(client, 'op2', 'op2')).status).toBe(200);
    expect((await client.post('/api/admin/accounts/operator/nobody/disabled', {}, admin)).status).toBe(404);
  });

  it('lets an admin disable a unit account, ending its sessions', async () => {
    const login = await client.post(`${UNIT_API}/login`, { name: 'gaj', password: 'gaj' });
    const unit = (login.body as { token: string }).token;
    expect((await client.get(`${UNIT_API}/requests`, unit)).status).toBe(200);
    expect((await client.post('/api/admin/accounts/unit/gaj/disabled', {}, admin)).status).toBe(200);
    expect((await client.get(`${UNIT_API}/requests`, unit)).status).toBe(401);
    expect((await client.post(`${UNIT_API}/login`, { name: 'gaj', password: 'gaj' })).status).toBe(401);
  });

  it('keeps an audit log of sign-ins, failures, account and admin changes, for admins only', async () => {
    const rules = await client.get('/api/admin/suggestion-rules', admin);
    const put = await fetch(`${server.url}/api/admin/suggestion-rules`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify(rules.body),
    });
    expect(put.status).toBe(200);

    const op1 = await tokenOf(client, 'op1', 'op1');
    expect((await client.get('/api/admin/audit', op1)).status).toBe(403);
    const { entries } = (await client.get('/api/admin/audit?limit=1000', admin)).body as {
      entries: { actorName: string; action: string; target: string | null; address: string | null }[];
    };
    const has = (entry: Partial<(typeof entries)[number]>) =>
      expect(entries).toContainEqual(expect.objectContaining(entry));
    has({ actorName: 'admin', action: 'sign-in', address: '127.0.0.1' });
    has({ actorName: 'op3', action: 'sign-in-failed', target: 'operator', address: '127.0.0.1' });
    has({ actorName: 'op3', action: 'sign-in-throttled' });
    has({ actorName: 'op1', action: 'sign-out' });
    has({ actorName: 'admin', action: 'account-disabled', target: 'operator:op2' });
    has({ actorName: 'admin', action: 'account-disabled', target: 'unit:gaj' });
    has({ actorName: 'admin', action: 'admin-change', target: 'PUT /api/admin/suggestion-rules' });
    expect(JSON.stringify(entries)).not.toContain('guess-');

    const csv = await fetch(`${server.url}/api/admin/audit?format=csv`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toMatch(/^at,actor_kind,actor,action,target,details,address\r\n/);
  });

  it('keeps the audit log append-only in the database itself', () => {
    const db = new BetterSqlite3(join(server.dataDir, 'yiwang.sqlite'));
    try {
      expect(() => db.prepare("update audit_log set actor_name = 'nobody'").run()).toThrow(/append-only/);
      expect(() => db.prepare('delete from audit_log').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});

describe("the units' page cookie behind a TLS proxy", () => {
  /** Signs in on the units' page as a browser behind a proxy that says the client came over https. */
  async function sessionCookie(url: string): Promise<string> {
    const headers = { 'x-forwarded-proto': 'https' };
    const page = await fetch(`${url}/units/`, { headers });
    const csrfCookie = page.headers
      .getSetCookie()
      .find((c) => c.startsWith('yw_csrf='))!
      .split(';')[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const login = await fetch(`${url}/units/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: 'cgj', password: 'cgj', csrf }).toString(),
    });
    expect(login.status).toBe(303);
    return login.headers.getSetCookie().find((c) => c.startsWith('yw_unit='))!;
  }

  it('is Secure when YIWANG_TRUST_PROXY trusts the proxy, and not when the header comes from anyone', async () => {
    const trusting = await startServer({ YIWANG_DEMO: '1', YIWANG_TRUST_PROXY: 'true' });
    const plain = await startServer({ YIWANG_DEMO: '1' });
    try {
      expect(await sessionCookie(trusting.url)).toMatch(/; Secure/);
      expect(await sessionCookie(plain.url)).not.toMatch(/; Secure/);
    } finally {
      await Promise.all([trusting.stop(), plain.stop()]);
    }
  });
});
