import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  UNIT_ACTION_PATHS,
  UNIT_API,
  UnitLoginResponse,
  UnitRequestList,
  type UnitActionPath,
} from '../shared/units/protocol';
import { planFor, type PlannedStep } from './unit-plans';

/**
 * Plays the responsible units against the central server: signs in as the demo unit accounts (YIWANG_DEMO=1,
 * password = name), watches what is transferred to each, and answers, explains progress, asks for extensions
 * or returns requests with realistic delays, so the deadlines and the supervisors' reports have real shape.
 *   tsx simulator/units-player.ts [--server URL] [--accounts gaj,zjj,…] [--speed N]
 */
const USAGE = `usage: tsx simulator/units-player.ts [options]
  --server URL        the central server (default http://127.0.0.1:7300)
  --accounts a,b,…    demo unit accounts to play (default gaj,zjj,cgj,rsj,frq)
  --speed N           run the units' delays N times faster (default 1: answers within minutes)`;

const POLL_MS = 3_000;

const { values } = (() => {
  try {
    return parseArgs({
      options: { server: { type: 'string' }, accounts: { type: 'string' }, speed: { type: 'string' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();
const server = (values.server ?? 'http://127.0.0.1:7300').replace(/\/$/, '');
const accounts = (values.accounts ?? 'gaj,zjj,cgj,rsj,frq').split(',').filter(Boolean);
const speed = Number(values.speed ?? 1);
if (!(speed > 0)) {
  console.error(`--speed must be a number above zero\n\n${USAGE}`);
  process.exit(2);
}

const PATH_OF = Object.fromEntries(Object.entries(UNIT_ACTION_PATHS).map(([path, kind]) => [kind, path])) as Record<
  string,
  UnitActionPath
>;

interface Scheduled {
  account: string;
  requestId: string;
  number: string;
  at: number;
  step: PlannedStep;
}

async function call(path: string, token: string | null, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(server + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

const stop = new AbortController();
process.on('SIGINT', () => stop.abort());
process.on('SIGTERM', () => stop.abort());

const tokens = new Map<string, string>();
for (const name of accounts) {
  const login = await call(`${UNIT_API}/login`, null, { name, password: name });
  if (login.status !== 200) {
    console.error(`cannot sign in as ${name} (${login.status}): start the server with YIWANG_DEMO=1`);
    process.exit(1);
  }
  const { token, account } = UnitLoginResponse.parse(login.body);
  tokens.set(name, token);
  console.log(`playing ${account.unitName} as ${name}`);
}

const planned = new Set<string>();
const queue: Scheduled[] = [];
const tally = { answered: 0, progress: 0, extensions: 0, returned: 0, refused: 0 };

while (!stop.signal.aborted) {
  for (const [account, token] of tokens) {
    const listed = await call(`${UNIT_API}/requests?state=open`, token).catch(() => null);
    if (listed?.status !== 200) continue;
    for (const request of UnitRequestList.parse(listed.body).requests) {
      if (planned.has(request.id)) continue;
      planned.add(request.id);
      for (const step of planFor()) {
        queue.push({
          account,
          requestId: request.id,
          number: request.number,
          at: Date.now() + (step.afterSeconds * 1000) / speed,
          step,
        });
      }
    }
  }
  queue.sort((a, b) => a.at - b.at);
  while (queue.length && queue[0]!.at <= Date.now()) {
    const due = queue.shift()!;
    const { action } = due.step;
    const { kind: _, ...body } = action;
    const result = await call(
      `${UNIT_API}/requests/${due.requestId}/${PATH_OF[action.kind]}`,
      tokens.get(due.account)!,
      body,
    ).catch(() => null);
    if (result?.status === 200) {
      tally[
        {
          'unit-answer': 'answered',
          'unit-progress': 'progress',
          'unit-extension-request': 'extensions',
          'unit-return': 'returned',
        }[action.kind] as keyof typeof tally
      ]++;
      // A returned request may come back after the operators transfer it again: plan anew then.
      if (action.kind === 'unit-return') planned.delete(due.requestId);
    } else {
      tally.refused++;
    }
    console.log(`${due.account} ${due.number} ${action.kind} → ${result?.status ?? 'network error'}`);
  }
  await sleep(POLL_MS, undefined, { signal: stop.signal }).catch(() => undefined);
}

console.log(
  `answered ${tally.answered}, progress ${tally.progress}, extension requests ${tally.extensions}, returned ${tally.returned}, refused ${tally.refused}`,
);
