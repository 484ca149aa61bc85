import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORTS_API, Summary } from '../../shared/reports/summary';
import { ApiError } from '../../shared/sync/protocol';
import { addOperator } from '../../server/auth/operators';
import { openDatabase, type Db } from '../../server/db/open-database';
import { summarize } from '../../server/reports/summarize';
import { jsonClient } from '../support/json-client';
import { seedRequests, type SeedRow } from '../support/seed-backlog';
import { startServer, type ServerProcess } from '../support/server-process';
import { testBackends, type TestDatabase } from '../support/test-database';
import { workstation } from '../support/unit-work';

const ulid = monotonicFactory();
const WATER = 'city-water';
const TRANSPORT = 'city-transport';
const BUILDING = '城乡建设';
const TRAFFIC = '交通运输';
/** "Now" for the summary: after every due time below except the one still running. */
const NOW = new Date('2026-11-20T02:00:00.000Z');

/**
 * Requests of the week 2026-11-02 … 2026-11-08 (Beijing) and either side of it, counted by hand in the test
 * below. Each says what it is for.
 */
const FIXTURE: SeedRow[] = [
  // 1: WeChat, water, answered on time, closed, 满意.
  {
    channel: 'wechat',
    received_at: '2026-11-02T01:00:00.000Z',
    status: 'closed',
    unit_id: WATER,
    category_id: BUILDING,
    transferred_at: '2026-11-02T02:00:00.000Z',
    unit_due_at: '2026-11-09T09:30:00.000Z',
    unit_answered_at: '2026-11-05T03:00:00.000Z',
    closed_at: '2026-11-05T04:00:00.000Z',
    rating_score: 'satisfied',
    rating_via: 'channel',
    rated_at: '2026-11-05T05:00:00.000Z',
  },
  // 2: WeChat, water, answered after its due time, closed, 不满意.
  {
    channel: 'wechat',
    received_at: '2026-11-03T01:00:00.000Z',
    status: 'closed',
    unit_id: WATER,
    category_id: BUILDING,
    transferred_at: '2026-11-03T02:00:00.000Z',
    unit_due_at: '2026-11-10T09:30:00.000Z',
    unit_answered_at: '2026-11-11T01:00:00.000Z',
    closed_at: '2026-11-11T02:00:00.000Z',
    rating_score: 'dissatisfied',
    rating_via: 'phone',
    rated_at: '2026-11-12T02:00:00.000Z',
  },
  // 3: Weibo, water, still unanswered past its due time: overdue.
  {
    channel: 'weibo',
    received_at: '2026-11-04T01:00:00.000Z',
    status: 'transferred',
    unit_id: WATER,
    category_id: TRAFFIC,
    transferred_at: '2026-11-04T02:00:00.000Z',
    unit_due_at: '2026-11-11T09:30:00.000Z',
  },
  // 4: Weibo, transport, unanswered with time left (extended): neither on time nor overdue yet.
  {
    channel: 'weibo',
    received_at: '2026-11-05T01:00:00.000Z',
    status: 'transferred',
    unit_id: TRANSPORT,
    category_id: TRAFFIC,
    transferred_at: '2026-11-05T02:00:00.000Z',
    unit_due_at: '2026-11-26T09:30:00.000Z',
  },
  // 5: Alipay, transport answered on time, waiting for the operator to close; uncategorised.
  {
    channel: 'alipay',
    received_at: '2026-11-06T01:00:00.000Z',
    status: 'replied',
    unit_id: TRANSPORT,
    transferred_at: '2026-11-06T02:00:00.000Z',
    unit_due_at: '2026-11-13T09:30:00.000Z',
    unit_answered_at: '2026-11-07T02:00:00.000Z',
  },
  // 6: Alipay, answered by the centre itself and closed without a unit, 基本满意.
  {
    channel: 'alipay',
    received_at: '2026-11-06T03:00:00.000Z',
    status: 'closed',
    category_id: BUILDING,
    closed_at: '2026-11-06T04:00:00.000Z',
    rating_score: 'basically-satisfied',
    rating_via: 'channel',
    rated_at: '2026-11-06T06:00:00.000Z',
  },
  // 7, 8: junk and merged, left out of every number but their own (a unit and a category would count otherwise).
  { channel: 'wechat', received_at: '2026-11-03T05:00:00.000Z', status: 'junk', category_id: BUILDING },
  {
    channel: 'wechat',
    received_at: '2026-11-03T06:00:00.000Z',
    status: 'merged',
    unit_id: WATER,
    category_id: BUILDING,
    transferred_at: '2026-11-03T07:00:00.000Z',
    unit_due_at: '2026-11-10T09:30:00.000Z',
  },
  // 9: WeChat at 00:00 Beijing on the first day, untouched.
  { channel: 'wechat', received_at: '2026-11-01T16:00:00.000Z', status: 'new' },
  // 10: Weibo at 23:59:59 Beijing on the last day, transport on time, closed, 基本满意.
  {
    channel: 'weibo',
    received_at: '2026-11-08T15:59:59.999Z',
    status: 'closed',
    unit_id: TRANSPORT,
    category_id: TRAFFIC,
    transferred_at: '2026-11-08T16:30:00.000Z',
    unit_due_at: '2026-11-15T09:30:00.000Z',
    unit_answered_at: '2026-11-09T03:00:00.000Z',
    closed_at: '2026-11-09T04:00:00.000Z',
    rating_score: 'basically-satisfied',
    rating_via: 'channel',
    rated_at: '2026-11-09T05:00:00.000Z',
  },
  // Outside the week on either side by a millisecond (23:59:59.999 the day before, 00:00 the day after).
  {
    channel: 'wechat',
    received_at: '2026-11-01T15:59:59.999Z',
    status: 'closed',
    unit_id: WATER,
    category_id: BUILDING,
    rating_score: 'dissatisfied',
  },
  { channel: 'alipay', received_at: '2026-11-08T16:00:00.000Z', status: 'closed', unit_id: TRANSPORT },
];

/** Who closed which fixture request (by index), and the unit answers operators sent back, counted by hand below. */
const CLOSES: [index: number, operator: 'wang' | 'li', at: string][] = [
  // 1 was closed by 李强, reopened, and closed again by 王丽: the latest close counts.
  [0, 'li', '2026-11-05T03:30:00.000Z'],
  [0, 'wang', '2026-11-05T04:00:00.000Z'],
  [1, 'wang', '2026-11-11T02:00:00.000Z'],
  [5, 'li', '2026-11-06T04:00:00.000Z'],
  [9, 'li', '2026-11-09T04:00:00.000Z'],
  // Outside the week: counts for nobody.
  [10, 'wang', '2026-11-02T04:00:00.000Z'],
];
const REJECTIONS: [index: number, unitId: string, outcome: 'applied' | 'rejected'][] = [
  [1, WATER, 'applied'],
  // 4 has moved on to transport since: the rejected answer was still water's.
  [3, WATER, 'applied'],
  // Refused by the server, and on a junk request: neither counts.
  [4, TRANSPORT, 'rejected'],
  [6, WATER, 'applied'],
];

async function insertDecisions(db: Db, ids: readonly string[], operators: Record<'wang' | 'li', string>) {
  const rows = [
    ...CLOSES.map(([index, who, at]) => ({ index, who, at, kind: 'close', payload: {}, outcome: 'applied' as const })),
    ...REJECTIONS.map(([index, unitId, outcome]) => ({
      index,
      who: 'wang' as const,
      at: '2026-11-10T01:00:00.000Z',
      kind: 'reject-answer',
      payload: { unitId, reason: '未实质答复' },
      outcome,
    })),
  ];
  await db
    .insertInto('decisions')
    .values(
      rows.map(({ index, who, at, kind, payload, outcome }, seq) => ({
        id: ulid(),
        device_id: 'ws-summary',
        seq: seq + 1,
        request_id: ids[index]!,
        operator_id: operators[who],
        kind,
        payload: JSON.stringify({ kind, ...payload }),
        base_version: 1,
        made_at: at,
        applied_at: at,
        outcome,
        rejection: null,
      })),
    )
    .execute();
}

describe.each(testBackends())('summary of the numbers on $name', (backend) => {
  let database: TestDatabase;
  let server: ServerProcess;
  let db: Db;
  let client: ReturnType<typeof jsonClient>;

  beforeAll(async () => {
    database = await backend.create();
    server = await startServer({ DATABASE_URL: database.url, YIWANG_ADMIN_PASSWORD: 'admin-pass' });
    db = openDatabase(database.url);
    client = jsonClient(server.url);
    const ids = await seedRequests(db, FIXTURE);
    const operator = (name: string, displayName: string) =>
      addOperator(db, { name, displayName, role: 'operator', password: 'pa55word' }).then(({ id }) => id);
    await insertDecisions(db, ids, { wang: await operator('wang.li', '王丽'), li: await operator('li.qiang', '李强') });
  });

  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
    await database?.drop();
  });

  it('counts the hand-counted week: arrivals by channel, transfers, unit answers, closes and the three rates', async () => {
    const summary = Summary.parse(await summarize(db, { from: '2026-11-02', to: '2026-11-08' }, NOW));
    expect(summary).toMatchObject({
      received: 8, // 1–6, 9, 10
      byChannel: { wechat: 3, weibo: 3, alipay: 2 },
      excluded: { junk: 1, merged: 1 },
      transferred: 6, // 1–5, 10
      answeredByUnits: 4, // 1, 2, 5, 10
      closed: 4, // 1, 2, 6, 10
      closedRate: 0.5,
      onTime: 3, // 1, 5, 10
      overdue: 2, // 2 answered late, 3 still unanswered past due
      onTimeRate: 0.6,
      rated: 4, // 1, 2, 6, 10
      satisfied: 3, // 1 满意, 6 and 10 基本满意
      satisfactionRate: 0.75,
      rejectedAnswers: 2, // water's answers on 2 and 4
    });
    expect(summary.byUnit).toEqual([
      {
        unitId: TRANSPORT,
        unitName: '市交通运输局',
        received: 3, // 4, 5, 10
        answered: 2,
        closed: 1,
        onTime: 2,
        overdue: 0,
        rated: 1,
        satisfied: 1,
        closedRate: 1 / 3,
        onTimeRate: 1,
        satisfactionRate: 1,
        rejectedAnswers: 0,
      },
      {
        unitId: WATER,
        unitName: '市水务局',
        received: 3, // 1, 2, 3
        answered: 2,
        closed: 2,
        onTime: 1,
        overdue: 2,
        rated: 2,
        satisfied: 1,
        closedRate: 2 / 3,
        onTimeRate: 1 / 3,
        satisfactionRate: 0.5,
        rejectedAnswers: 2,
      },
    ]);
    expect(
      summary.byCategory.map((c) => [c.categoryId, c.categoryName, c.received, c.closed, c.rated, c.satisfied]),
    ).toEqual([
      [BUILDING, BUILDING, 3, 3, 3, 2], // 1, 2, 6
      [TRAFFIC, TRAFFIC, 3, 1, 1, 1], // 3, 4, 10
    ]);
    expect(summary.byOperator).toEqual([
      {
        operatorId: expect.any(String),
        operatorName: '李强',
        received: 2, // 6, 10
        answered: 1,
        closed: 2,
        onTime: 1,
        overdue: 0,
        rated: 2,
        satisfied: 2,
        closedRate: 1,
        onTimeRate: 1,
        satisfactionRate: 1,
      },
      {
        operatorId: expect.any(String),
        operatorName: '王丽',
        received: 2, // 1 (closed again), 2
        answered: 2,
        closed: 2,
        onTime: 1,
        overdue: 1,
        rated: 2,
        satisfied: 1,
        closedRate: 1,
        onTimeRate: 0.5,
        satisfactionRate: 0.5,
      },
    ]);
    expect(summary.channels.find((c) => c.channel === 'weibo')).toMatchObject({
      received: 3,
      closed: 1,
      onTime: 1,
      overdue: 1,
      closedRate: 1 / 3,
      onTimeRate: 0.5,
      satisfactionRate: 1,
    });
  });

  it('counts a single day, and an empty period with null rates', async () => {
    const day = await summarize(db, { from: '2026-11-06', to: '2026-11-06' }, NOW);
    expect(day).toMatchObject({ received: 2, byChannel: { wechat: 0, weibo: 0, alipay: 2 }, closed: 1 });
    const empty = await summarize(db, { from: '2025-01-01', to: '2025-01-31' }, NOW);
    expect(empty).toMatchObject({
      received: 0,
      closedRate: null,
      onTimeRate: null,
      satisfactionRate: null,
      byUnit: [],
      byCategory: [],
      byOperator: [],
      rejectedAnswers: 0,
    });
  });

  it('serves the summary to supervisors and admins, and refuses bad dates with a clear error', async () => {
    const desk = await workstation(db, client, 'zhang.wei');
    const supervisor = await workstation(db, client, 'du.cha', 'supervisor');
    const path = (query: string) => `${REPORTS_API}/summary?${query}`;

    const served = await client.get(path('from=2026-11-02&to=2026-11-08'), supervisor.token);
    expect(served.status).toBe(200);
    expect(Summary.parse(served.body)).toMatchObject({ from: '2026-11-02', to: '2026-11-08', received: 8, closed: 4 });
    expect((await client.get(path('from=2026-11-02&to=2026-11-08'), desk.token)).status).toBe(403);
    expect((await client.get(path('from=2026-11-02&to=2026-11-08'))).status).toBe(401);

    for (const [query, words] of [
      ['from=2026-02-30&to=2026-03-01', 'from: expected a calendar date'],
      ['from=2026/11/02&to=2026-11-08', 'from: expected a calendar date'],
      ['from=2026-11-08&to=2026-11-02', 'must not be after'],
      ['from=2026-11-02', 'to:'],
      ['from=2000-01-01&to=2026-11-08', 'at most 3660 days'],
    ] as const) {
      const refused = await client.get(path(query), supervisor.token);
      expect(refused.status, query).toBe(400);
      expect(ApiError.parse(refused.body).error.message, query).toContain(words);
    }
  });
});
