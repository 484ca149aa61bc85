import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision, Operator, Request } from '../../shared/model';
import { ApiError, LoginResponse, PullResponse, PushResponse, SYNC_PATHS } from '../../shared/sync/protocol';
import { addOperator } from '../../server/auth/operators';
import { openDatabase, type Db } from '../../server/db/open-database';
import { createIntake } from '../../server/requests/create-intake';
import { decisionMaker } from '../support/make-decision';
import { makeMessage } from '../support/make-message';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';

const ADMIN_PASSWORD = 'correct horse battery staple';

describe.each(testBackends())('sync API on $name', (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let db: Db;
  let operator: Operator;
  let token: string;
  let requestIds: string[];

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer({ DATABASE_URL: database.url, YIWANG_ADMIN_PASSWORD: ADMIN_PASSWORD });
    // A second connection to the server's database, to play the channels and look at rows.
    db = openDatabase(database.url);
    operator = await addOperator(db, {
      name: 'zhang.wei',
      displayName: '张伟',
      role: 'operator',
      password: 'pa55word',
    });
    const intake = createIntake(db);
    requestIds = [];
    for (let i = 0; i < 5; i++) requestIds.push((await intake.receive(makeMessage())).requestId);
    token = (await login('zhang.wei', 'pa55word', 'ws-01')).token;
  });

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
    await database?.drop();
  });

  async function post(path: string, body: unknown, bearer: string | null = token) {
    const response = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  async function login(name: string, password: string, deviceId: string) {
    const { status, body } = await post(SYNC_PATHS.login, { name, password, deviceId }, null);
    expect(status).toBe(200);
    return LoginResponse.parse(body);
  }

  async function push(decisions: Decision[], deviceId = 'ws-01', bearer = token) {
    const { status, body } = await post(SYNC_PATHS.push, { deviceId, decisions }, bearer);
    expect(status).toBe(200);
    return PushResponse.parse(body).results;
  }

  async function pullAll(cursor: string | null) {
    const { status, body } = await post(SYNC_PATHS.pull, { cursor, directoryVersion: 1_000_000, limit: 1000 });
    expect(status).toBe(200);
    return PullResponse.parse(body);
  }

  it('signs in the admin with the configured password and refuses wrong credentials', async () => {
    const admin = await login('admin', ADMIN_PASSWORD, 'ws-admin');
    expect(admin.operator).toMatchObject({ name: 'admin', role: 'admin' });
    for (const [name, password] of [
      ['admin', 'admin'],
      ['nobody', ADMIN_PASSWORD],
    ]) {
      const { status, body } = await post(SYNC_PATHS.login, { name, password, deviceId: 'ws-01' }, null);
      expect(status).toBe(401);
      expect(ApiError.parse(body).error.code).toBe('bad-credentials');
    }
  });

  it('refuses pull and push without a valid token', async () => {
    for (const bearer of [null, 'not-a-token-not-a-token']) {
      const pull = await post(SYNC_PATHS.pull, { cursor: null, directoryVersion: 0 }, bearer);
      expect(pull.status).toBe(401);
      expect(ApiError.parse(pull.body).error.code).toBe('unauthorized');
      const push = await post(SYNC_PATHS.push, { deviceId: 'ws-01', decisions: [] }, bearer);
      expect(push.status).toBe(401);
    }
  });

  it('pages through changes with a cursor and delivers the directory once', async () => {
    const seen: Request[] = [];
    let cursor: string | null = null;
    let directoryVersion = 0;
    let directories = 0;
    for (let page = 0; page < 10; page++) {
      const { status, body } = await post(SYNC_PATHS.pull, { cursor, directoryVersion, limit: 2 });
      expect(status).toBe(200);
      const response = PullResponse.parse(body);
      if (response.directory) {
        directories += 1;
        directoryVersion = response.directory.version;
        expect(response.directory.units.length).toBeGreaterThan(150);
        expect(response.directory.units.find((u) => u.id === 'city-public-security')).toMatchObject({
          name: '市公安局',
          initials: 'sgaj',
        });
        expect(response.directory.categories.filter((c) => c.level === 1)).toHaveLength(15);
      }
      expect(response.requests.length).toBeLessThanOrEqual(2);
      seen.push(...response.requests);
      cursor = response.cursor;
      if (!response.hasMore) break;
    }
    expect(directories).toBe(1);
    expect(seen.map((r) => r.id)).toEqual(requestIds);
    expect(seen[0]).toMatchObject({ status: 'new', version: 0, channel: 'wechat' });
    expect(seen[0]!.number).toMatch(/^YW-\d{8}-\d{4}$/);

    const again = await pullAll(cursor);
    expect(again).toMatchObject({ requests: [], hasMore: false, cursor, directory: null });
  });

  it('rejects an unknown cursor and a malformed pull with 400', async () => {
    for (const body of [
      { cursor: 'abc', directoryVersion: 0 },
      { cursor: null, directoryVersion: -1 },
      { cursor: null },
    ]) {
      const response = await post(SYNC_PATHS.pull, body);
      expect(response.status).toBe(400);
      ApiError.parse(response.body);
    }
  });

  it('applies a decision, and answers a replayed push as a replay without applying it twice', async () => {
    const make = decisionMaker('ws-01', operator.id);
    const { cursor } = await pullAll(null);
    const accept = make(requestIds[0]!, 0, { kind: 'accept' });

    const [applied] = await push([accept]);
    expect(applied).toMatchObject({
      decisionId: accept.id,
      outcome: 'applied',
      request: { status: 'accepted', version: 1 },
    });
    expect(applied!.request!.lastDecision).toMatchObject({
      decisionId: accept.id,
      operatorName: '张伟',
      deviceId: 'ws-01',
    });

    for (let i = 0; i < 2; i++) {
      const [replayed] = await push([accept]);
      expect(replayed).toMatchObject({ decisionId: accept.id, outcome: 'replay', request: { version: 1 } });
    }
    const rows = await db.selectFrom('decisions').select(['id', 'outcome']).where('id', '=', accept.id).execute();
    expect(rows).toEqual([{ id: accept.id, outcome: 'applied' }]);

    const changed = await pullAll(cursor);
    expect(changed.requests.map((r) => [r.id, r.version, r.status])).toEqual([[requestIds[0], 1, 'accepted']]);
  });

  it('rejects a decision made against a version another device has since settled, with the reason, and stores the rejection', async () => {
    const otherToken = (await login('zhang.wei', 'pa55word', 'ws-02')).token;
    const transfer = decisionMaker('ws-02', operator.id)(requestIds[1]!, 0, {
      kind: 'transfer',
      unitId: 'city-public-security',
      note: null,
    });
    const late = decisionMaker('ws-01', operator.id)(requestIds[1]!, 0, { kind: 'junk' }, { seq: 700 });

    const [first] = await push([transfer], 'ws-02', otherToken);
    expect(first).toMatchObject({
      outcome: 'applied',
      request: { status: 'transferred', unitId: 'city-public-security', version: 1 },
    });
    const [second] = await push([late]);
    expect(second).toMatchObject({ outcome: 'rejected', reason: { code: 'stale' }, request: { version: 1 } });
    if (second?.outcome !== 'rejected') throw new Error('expected a rejection');
    expect(second.reason.message).toContain('version 1');
    expect(second.reason.message).toContain('transfer by 张伟');

    // The retry of a rejected decision gets the same answer.
    const [retried] = await push([late]);
    expect(retried).toMatchObject({ outcome: 'rejected', reason: second.reason });
    const row = await db.selectFrom('decisions').selectAll().where('id', '=', late.id).executeTakeFirstOrThrow();
    expect(row.outcome).toBe('rejected');
  });

  it('applies a late decision when what others did since leaves the request where it was (docs/sync-and-conflicts.md)', async () => {
    const otherToken = (await login('zhang.wei', 'pa55word', 'ws-02')).token;
    const escalate = decisionMaker('ws-02', operator.id)(
      requestIds[3]!,
      0,
      { kind: 'escalate', note: null },
      { seq: 800 },
    );
    const late = decisionMaker('ws-01', operator.id)(
      requestIds[3]!,
      0,
      { kind: 'classify', categoryId: '城乡建设' },
      { seq: 801 },
    );
    expect((await push([escalate], 'ws-02', otherToken))[0]).toMatchObject({
      outcome: 'applied',
      request: { version: 1 },
    });
    const [result] = await push([late]);
    expect(result).toMatchObject({
      outcome: 'applied',
      request: { version: 2, escalated: true, categoryId: '城乡建设', status: 'accepted' },
    });
  });

  it('judges a chain of one device’s decisions against the server version it last saw, whoever came between', async () => {
    const otherToken = (await login('zhang.wei', 'pa55word', 'ws-02')).token;
    const mine = decisionMaker('ws-01', operator.id);
    // Offline, ws-01 accepts and then classifies request 4, both made on the version 0 it last pulled.
    const chain = (requestId: string, seq: number) => [
      mine(requestId, 0, { kind: 'accept' }, { seq }),
      mine(requestId, 0, { kind: 'classify', categoryId: '城乡建设' }, { seq: seq + 1 }),
    ];
    // Meanwhile ws-02 transferred it: version 1 on the server, the very number the classify would
    // have had locally. Neither of ws-01's decisions may ride over the transfer.
    const transfer = decisionMaker('ws-02', operator.id)(
      requestIds[4]!,
      0,
      { kind: 'transfer', unitId: 'city-public-security', note: null },
      { seq: 900 },
    );
    expect((await push([transfer], 'ws-02', otherToken))[0]).toMatchObject({
      outcome: 'applied',
      request: { version: 1 },
    });
    const results = await push(chain(requestIds[4]!, 910));
    expect(results.map((r) => r.outcome)).toEqual(['rejected', 'rejected']);
    expect(results.map((r) => r.outcome === 'rejected' && r.reason.code)).toEqual(['stale', 'stale']);

    // With nobody in between, the same chain applies in order: its own accept is no one else's change.
    const fresh = (await createIntake(db).receive(makeMessage())).requestId;
    const applied = await push(chain(fresh, 920));
    expect(applied.map((r) => r.outcome)).toEqual(['applied', 'applied']);
    expect(applied[1]).toMatchObject({ request: { version: 2, status: 'accepted', categoryId: '城乡建设' } });
  });

  it('applies a note whatever the version, and checks units and categories exist', async () => {
    const make = decisionMaker('ws-03', operator.id);
    const t = (await login('zhang.wei', 'pa55word', 'ws-03')).token;
    const results = await push(
      [
        make(requestIds[2]!, 7, { kind: 'note', text: '市民来电补充了地址' }),
        make(requestIds[2]!, 0, { kind: 'transfer', unitId: 'no-such-unit', note: null }),
        make(requestIds[2]!, 0, { kind: 'classify', categoryId: '城乡建设' }),
        make(requestIds[2]!, 1, { kind: 'classify', categoryId: '不存在' }),
        make('01ARZ3NDEKTSV4RRFFQ69G5FAV', 0, { kind: 'accept' }),
      ],
      'ws-03',
      t,
    );
    expect(results.map((r) => (r.outcome === 'rejected' ? r.reason.code : r.outcome))).toEqual([
      'applied',
      'unknown-unit',
      'applied',
      'unknown-category',
      'unknown-request',
    ]);
    expect(results[0]!.request).toMatchObject({ version: 0 });
    expect(results[2]!.request).toMatchObject({ version: 1, status: 'accepted', categoryId: '城乡建设' });
  });

  it('tells a device the highest sequence number it holds from it, and refuses a reused number as seq-taken, storing nothing', async () => {
    const make = decisionMaker('ws-seq', operator.id);
    const seqToken = (await login('zhang.wei', 'pa55word', 'ws-seq')).token;
    const first = make(requestIds[4]!, 0, { kind: 'note', text: 'first' }, { seq: 40 });
    const { body } = await post(SYNC_PATHS.push, { deviceId: 'ws-seq', decisions: [first] }, seqToken);
    expect(PushResponse.parse(body).deviceSeq).toBe(40);
    expect((await login('zhang.wei', 'pa55word', 'ws-seq')).deviceSeq).toBe(40);
    // A cache restored from an older copy makes a new decision with a number already used.
    const reused = make(requestIds[4]!, 0, { kind: 'note', text: 'second' }, { seq: 40 });
    const [refused] = await push([reused], 'ws-seq', seqToken);
    expect(refused).toMatchObject({ outcome: 'rejected', reason: { code: 'seq-taken' } });
    const stored = await db.selectFrom('decisions').select('id').where('id', '=', reused.id).execute();
    expect(stored).toHaveLength(0);
    // Renumbered, the same decision lands.
    expect((await push([{ ...reused, seq: 41 }], 'ws-seq', seqToken))[0]).toMatchObject({ outcome: 'applied' });
  });

  it("rejects as forbidden a decision in another operator's name, and stores nothing", async () => {
    const other = await addOperator(db, {
      name: 'li.na',
      displayName: '李娜',
      role: 'operator',
      password: 'pa55word2',
    });
    const forged = decisionMaker('ws-01', other.id)(requestIds[3]!, 0, { kind: 'junk' }, { seq: 900 });
    const [result] = await push([forged]);
    expect(result).toMatchObject({ decisionId: forged.id, outcome: 'rejected', reason: { code: 'forbidden' } });
    expect(
      await db.selectFrom('decisions').select('id').where('id', '=', forged.id).executeTakeFirst(),
    ).toBeUndefined();

    const otherDevice = decisionMaker('ws-99', operator.id)(requestIds[3]!, 0, { kind: 'junk' });
    const mismatch = await post(SYNC_PATHS.push, { deviceId: 'ws-99', decisions: [otherDevice] });
    expect(mismatch.status).toBe(403);
  });

  it('answers a malformed push with 400 and applies none of it', async () => {
    const valid = decisionMaker('ws-01', operator.id)(requestIds[4]!, 0, { kind: 'accept' }, { seq: 500 });
    const bodies: unknown[] = [
      '{"deviceId": "ws-01", "decisions": [',
      { deviceId: 'ws-01', decisions: [] },
      { deviceId: 'ws-01', decisions: [valid, { ...valid, id: 'not-a-ulid', seq: 501 }] },
      { deviceId: 'ws-01', decisions: [{ ...valid, kind: 'teleport' }] },
    ];
    for (const body of bodies) {
      const response = await post(SYNC_PATHS.push, body);
      expect(response.status).toBe(400);
      ApiError.parse(response.body);
    }
    expect(await db.selectFrom('decisions').select('id').where('id', '=', valid.id).executeTakeFirst()).toBeUndefined();
  });

  it('shows a follow-up message from the same citizen on their open request', async () => {
    const intake = createIntake(db);
    const first = makeMessage({ text: '楼上漏水' });
    const { requestId } = await intake.receive(first);
    const { cursor } = await pullAll(null);
    const followUp = await intake.receive(
      makeMessage({ citizenChannelId: first.citizenChannelId, text: '已经三天了' }),
    );
    expect(followUp).toEqual({ requestId, duplicate: false });
    const changed = await pullAll(cursor);
    expect(changed.requests).toHaveLength(1);
    expect(changed.requests[0]).toMatchObject({ id: requestId, text: '楼上漏水\n已经三天了', version: 1 });
  });
});
