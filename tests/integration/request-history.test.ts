import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../../electron/host/start-host';
import { RequestHistory } from '../../shared/model';
import { requestHistoryPath } from '../../shared/sync/protocol';
import { SUPERVISION_API, UNIT_API } from '../../shared/units/protocol';
import { openDatabase, type Db } from '../../server/db/open-database';
import { addUnitAccount } from '../../server/units/unit-accounts';
import { jsonClient } from '../support/json-client';
import { startServer, type ServerProcess } from '../support/server-process';
import { makeRequest, seedWorkstation } from '../support/seeded-workstation';
import { testBackends, type TestDatabase } from '../support/test-database';
import { NO_SERVER } from '../support/triage-fixtures';
import { unitLogin, workstation } from '../support/unit-work';

const POLICE = 'city-public-security';

describe.each(testBackends())("a request's timeline on $name", (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let db: Db;
  let client: ReturnType<typeof jsonClient>;

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer({ DATABASE_URL: database.url });
    db = openDatabase(database.url);
    client = jsonClient(server.url);
    await addUnitAccount(db, 'gaj-history', 'gaj-pass', POLICE);
  });

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
    await database?.drop();
  });

  it('tells the whole story: who, when, from which device, with the texts in full', async () => {
    const desk = await workstation(db, client, 'li.na');
    const chief = await workstation(db, client, 'zhou.chief', 'supervisor');
    const police = await unitLogin(client, 'gaj-history', 'gaj-pass');
    const request = await desk.transferredTo(POLICE, '手机被偷了，已经报警，想问案件进展');
    const progress = '已派民警调取监控，\n预计三个工作日内有结果。';
    expect((await client.post(`${UNIT_API}/requests/${request.id}/progress`, { text: progress }, police)).status).toBe(
      200,
    );
    const reminded = await client.post(
      `${SUPERVISION_API}/remind`,
      { requestId: request.id, note: '请加快办理' },
      chief.token,
    );
    expect(reminded.status).toBe(200);
    const answer = '<b>经查</b>，嫌疑人已抓获，手机已追回，请到派出所领取。';
    expect((await client.post(`${UNIT_API}/requests/${request.id}/answer`, { text: answer }, police)).status).toBe(200);

    const response = await client.get(requestHistoryPath(request.id), desk.token);
    expect(response.status).toBe(200);
    const { events } = RequestHistory.parse(response.body);
    expect(
      events.map(({ kind, actor, who, deviceId, unitId, text }) => ({ kind, actor, who, deviceId, unitId, text })),
    ).toEqual([
      {
        kind: 'message',
        actor: 'citizen',
        who: expect.any(String),
        deviceId: null,
        unitId: null,
        text: '手机被偷了，已经报警，想问案件进展',
      },
      { kind: 'transfer', actor: 'operator', who: 'li.na', deviceId: 'ws-li.na', unitId: POLICE, text: null },
      {
        kind: 'unit-progress',
        actor: 'unit',
        who: 'gaj-history',
        deviceId: expect.stringMatching(/^unit:/),
        unitId: POLICE,
        text: progress,
      },
      {
        kind: 'remind',
        actor: 'supervisor',
        who: 'zhou.chief',
        deviceId: expect.stringMatching(/^supervision:/),
        unitId: null,
        text: '请加快办理',
      },
      {
        kind: 'unit-answer',
        actor: 'unit',
        who: 'gaj-history',
        deviceId: expect.stringMatching(/^unit:/),
        unitId: POLICE,
        text: answer,
      },
    ]);
    const times = events.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
  });

  it('is for signed-in operators, and says when there is no such request', async () => {
    const desk = await workstation(db, client, 'wang.fang');
    expect((await client.get(requestHistoryPath('01J00000000000000000000000'))).status).toBe(401);
    expect((await client.get(requestHistoryPath('01J00000000000000000000000'), desk.token)).status).toBe(404);
  });
});

describe("a request's timeline at a workstation without the server", () => {
  it('is what the workstation holds, said to be so', async () => {
    const answered = {
      ...makeRequest({ text: '路灯坏了', status: 'replied', unitId: POLICE }, 0),
      unitAnswer: '已修复',
    };
    answered.timeline = { ...answered.timeline, unitAnsweredAt: new Date(Date.now() - 60_000).toISOString() };
    const dataDir = seedWorkstation([answered], NO_SERVER);
    const host = await startHost({ dataDir, serverUrl: NO_SERVER, pollMs: 600_000 });
    try {
      const reply = await host.call('request.history', { id: answered.id });
      if (!reply.ok) throw new Error(reply.error.message);
      expect(reply.value.source).toBe('cache');
      expect(reply.value.fetchedAt).toBeNull();
      expect(reply.value.events.map((e) => [e.kind, e.actor, e.text])).toEqual([
        ['message', 'citizen', '路灯坏了'],
        ['unit-answer', 'unit', '已修复'],
      ]);
    } finally {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
