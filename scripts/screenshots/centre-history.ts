import { join } from 'node:path';
import type { Request } from '../../shared/model';
import { seededRandom } from '../../shared/text/hash';
import { UNIT_API, UnitLoginResponse, type UnitActionPath } from '../../shared/units/protocol';
import { openDatabase, type Db } from '../../server/db/open-database';
import { createDeadlineClock } from '../../server/deadlines/deadline-clock';
import { loadDeadlinePolicy } from '../../server/deadlines/policy-file';
import { addUnitAccount } from '../../server/units/unit-accounts';
import type { CitizenMessage } from '../../simulator/citizen-message';
import { jsonClient } from '../../tests/support/json-client';
import type { ArchivedMessage } from './board-traffic';
import { citizensWrite } from './citizens-write';
import type { ColleagueDesk, Step } from './colleague-desk';
import { retellDates, type RequestDays } from './request-dates';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The archive covers the month before yesterday. */
const ARCHIVE_DAYS = 30;
/** Transferred this recently, about half are still with their unit, within its five working days. */
const RECENT_DAYS = 5;
/** Every so many older requests, one the unit never answered: the supervisors' overdue list. */
const OVERDUE_EVERY = 100;
/** The share of answers that came after the unit's five working days. */
const LATE_SHARE = 0.08;
const UNIT_ANSWERS = [
  '经核实，已安排工作人员到现场处理，问题已解决，并已电话告知市民。',
  '已转属地街道核查处理，处理结果已电话回复市民，市民表示满意。',
  '经调查，反映情况属实，已责令相关单位限期整改，我局将跟踪督办。',
  '已向市民详细解释相关政策和办理流程，市民表示理解。',
];

interface Story {
  days: RequestDays;
  /** Still with the unit (within its time, or overdue), answered by it, or answered and closed. */
  fate: 'with-unit' | 'answered' | 'closed';
}

/** The server's database file, opened beside the running server (SQLite takes turns). */
export function serverDatabase(server: { dataDir: string }): Db {
  return openDatabase(`sqlite:${join(server.dataDir, 'yiwang.sqlite')}`);
}

/**
 * A month of the centre's work, done through the real interfaces: the citizens' posts arrive through the
 * channels' webhooks, the colleague classifies and transfers each one through sync, each unit answers
 * through the units' API (an account per unit, as the administrator would add them), the colleague
 * closes what was answered. Then the dates are retold over the month (request-dates.ts). The server
 * trains its models from these decisions.
 */
export async function stageArchive(
  server: { url: string; dataDir: string },
  colleague: ColleagueDesk,
  archive: readonly ArchivedMessage[],
  now: Date,
): Promise<void> {
  await citizensWrite(
    server.url,
    archive.map((a) => a.message),
  );
  const byCitizen = new Map([...(await colleague.pullAll()).values()].map((r) => [r.citizen.id, r]));
  const requests = archive.map((a) => {
    const request = byCitizen.get(`${a.message.channel}:${a.message.citizen}`);
    if (!request || request.status !== 'new')
      throw new Error(`no new request from ${a.message.citizen}: ${request?.status}`);
    return request;
  });
  const random = seededRandom(7);
  const stories = requests.map((_, i) => storyOf(i, requests.length, now.getTime(), random));

  await colleague.push(
    requests.flatMap((r, i): Step[] => [
      { requestId: r.id, baseVersion: r.version, action: { kind: 'classify', categoryId: archive[i]!.categoryId } },
      {
        requestId: r.id,
        baseVersion: r.version + 1,
        action: { kind: 'transfer', unitId: archive[i]!.unitId, note: null },
      },
    ]),
  );
  const answered = requests.flatMap((r, i) =>
    stories[i]!.fate === 'with-unit' ? [] : [{ request: r, unitId: archive[i]!.unitId }],
  );
  await unitsAnswer(server, answered);
  // Classify, transfer and the unit's answer each took a version.
  await colleague.push(
    requests.flatMap((r, i): Step[] =>
      stories[i]!.fate === 'closed' ? [{ requestId: r.id, baseVersion: r.version + 3, action: { kind: 'close' } }] : [],
    ),
  );

  const db = serverDatabase(server);
  try {
    const setDeadlines = await createDeadlineClock(db, loadDeadlinePolicy(undefined)).prepare();
    for (const [i, request] of requests.entries()) await retellDates(db, setDeadlines, request.id, stories[i]!.days);
  } finally {
    await db.destroy();
  }
}

/** What became of the i-th of n archived requests, oldest first, as of `now`. */
function storyOf(i: number, n: number, now: number, random: () => number): Story {
  const receivedAt = now - DAY - ((n - i) / n) * (ARCHIVE_DAYS - 1) * DAY - random() * HOUR;
  const transferredAt = receivedAt + (10 + random() * 50) * MINUTE;
  const withUnit: Story = {
    days: { receivedAt: new Date(receivedAt), transferredAt: new Date(transferredAt) },
    fate: 'with-unit',
  };
  const recent = now - transferredAt < RECENT_DAYS * DAY;
  if ((recent && random() < 0.5) || (!recent && i % OVERDUE_EVERY === 0)) return withUnit;
  const answeredAt = transferredAt + (random() < LATE_SHARE ? 8 + random() * 4 : 0.3 + random() * 3.5) * DAY;
  if (answeredAt > now - HOUR) return withUnit;
  const closedAt = answeredAt + (1 + random() * 3) * HOUR;
  const days = { ...withUnit.days, unitAnsweredAt: new Date(answeredAt) };
  return closedAt > now - 10 * MINUTE
    ? { days, fate: 'answered' }
    : { days: { ...days, closedAt: new Date(closedAt) }, fate: 'closed' };
}

/** Each unit signs in to the units' API with its account (name = password, added where the unit has none) and answers. */
async function unitsAnswer(
  server: { url: string; dataDir: string },
  work: readonly { request: Request; unitId: string }[],
): Promise<void> {
  const client = jsonClient(server.url);
  const unitIds = [...new Set(work.map((w) => w.unitId))];
  const db = serverDatabase(server);
  const names = new Map<string, string>();
  try {
    for (const unitId of unitIds) {
      const account = await db
        .selectFrom('unit_accounts')
        .select('name')
        .where('unit_id', '=', unitId)
        .orderBy('name')
        .executeTakeFirst();
      names.set(unitId, account?.name ?? (await addUnitAccount(db, unitId, unitId, unitId)).name);
    }
  } finally {
    await db.destroy();
  }
  const tokens = new Map<string, string>();
  for (const [unitId, name] of names) {
    const login = await client.post(`${UNIT_API}/login`, { name, password: name });
    if (login.status !== 200) throw new Error(`unit account ${name} cannot sign in (${login.status})`);
    tokens.set(unitId, UnitLoginResponse.parse(login.body).token);
  }
  for (const [i, { request, unitId }] of work.entries()) {
    const answer = await client.post(
      `${UNIT_API}/requests/${request.id}/${'answer' satisfies UnitActionPath}`,
      { text: UNIT_ANSWERS[i % UNIT_ANSWERS.length] },
      tokens.get(unitId)!,
    );
    if (answer.status !== 200)
      throw new Error(
        `${unitId} could not answer ${request.number} (${answer.status}): ${JSON.stringify(answer.body)}`,
      );
  }
}

/**
 * This morning's traffic, before the archive so it has the day's first numbers: the requests and some junk
 * (which intake files by itself) arrive through the webhooks, then the requests' arrival is spread over the
 * last `minutes`, oldest first.
 */
export async function stageQueue(
  server: { url: string; dataDir: string },
  messages: readonly CitizenMessage[],
  junk: readonly CitizenMessage[],
  now: Date,
  minutes: number,
): Promise<void> {
  await citizensWrite(server.url, [...messages, ...junk]);
  const db = serverDatabase(server);
  try {
    const rows = await db.selectFrom('requests').select(['id', 'citizen_id']).where('status', '=', 'new').execute();
    const byCitizen = new Map(rows.map((r) => [r.citizen_id, r.id]));
    const setDeadlines = await createDeadlineClock(db, loadDeadlinePolicy(undefined)).prepare();
    for (const [i, message] of messages.entries()) {
      const id = byCitizen.get(`${message.channel}:${message.citizen}`);
      if (!id) throw new Error(`no new request from ${message.channel}:${message.citizen}`);
      await retellDates(db, setDeadlines, id, {
        receivedAt: new Date(now.getTime() - ((messages.length - i) / messages.length) * minutes * MINUTE),
      });
    }
  } finally {
    await db.destroy();
  }
}

/**
 * A few of this morning's requests the colleague transferred at once and their unit has answered already:
 * back in the operator's queue, marked 单位已答复, each with a timeline of its own.
 */
export async function stageAnswered(
  server: { url: string; dataDir: string },
  colleague: ColleagueDesk,
  count: number,
  unitId: string,
): Promise<void> {
  const waiting = [...(await colleague.pullAll()).values()]
    .filter((r) => r.status === 'new' && r.junkReason === null)
    .sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1))
    .slice(0, count);
  await colleague.push(
    waiting.map((r): Step => ({
      requestId: r.id,
      baseVersion: r.version,
      action: { kind: 'transfer', unitId, note: null },
    })),
  );
  await unitsAnswer(
    server,
    waiting.map((request) => ({ request, unitId })),
  );
}
