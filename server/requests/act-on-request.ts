import { monotonicFactory } from 'ulid';
import type { Transaction } from 'kysely';
import {
  SYSTEM_OPERATOR_ID,
  type Rejection,
  type Request,
  type RequestAction,
  type RequestEvent,
} from '../../shared/model';
import { CHANGE_SEQ, nextValue } from '../db/counters';
import type { Db } from '../db/open-database';
import type { Database } from '../db/schema';
import type { DeadlineClock, SetDeadlines } from '../deadlines/deadline-clock';
import { decideAndStore, loadRequest, type ActorKind } from './store-decision';

const ulid = monotonicFactory();

/** Someone acting through the server itself (a unit's page or API, a supervisor) rather than a workstation's outbox. */
export interface ServerActor {
  kind: ActorKind;
  /** Operator or unit account id. */
  id: string;
  /** As the request's history shows it. */
  name: string;
}

/** The server acting by itself (the escalation ladder, a rating matched at intake), as the history names it. */
export const SYSTEM_ACTOR: ServerActor = { kind: 'system', id: SYSTEM_OPERATOR_ID, name: '系统' };

export type ActOutcome =
  { outcome: 'applied'; request: Request } | { outcome: 'rejected'; rejection: Rejection } | { outcome: 'not-found' };

/**
 * Makes and applies a decision on the server, against the request's current version. `mayAct` is checked
 * on the same read the decision is applied to, so a unit's scope cannot be raced. Each actor has a
 * device id of its own (`unit:<id>`, `supervision:<id>`, `system`), kept apart from workstations' sequence numbers.
 */
export async function actOnRequest(
  db: Db,
  clock: DeadlineClock,
  actor: ServerActor,
  requestId: string,
  action: RequestAction,
  mayAct: (request: Request) => boolean,
): Promise<ActOutcome> {
  const setDeadlines = await clock.prepare();
  return db.transaction().execute(async (trx): Promise<ActOutcome> => {
    const changeSeq = await nextValue(trx, CHANGE_SEQ);
    const current = await loadRequest(trx, requestId);
    if (!current || !mayAct(current)) return { outcome: 'not-found' };
    return actWithin(trx, { setDeadlines, changeSeq, now: new Date().toISOString() }, actor, current, action);
  });
}

export interface ActContext {
  setDeadlines: SetDeadlines;
  /** The change number the caller took first in its transaction. */
  changeSeq: number;
  now: string;
}

/**
 * Applies a server actor's decision to `current` inside the caller's transaction, which has taken the change
 * number and read the request: for work that must commit together with the decision (a ladder rung, a rating
 * matched at intake).
 */
export async function actWithin(
  trx: Transaction<Database>,
  ctx: ActContext,
  actor: ServerActor,
  current: Request,
  action: RequestAction,
): Promise<
  { outcome: 'applied'; request: Request; decisionId: string } | { outcome: 'rejected'; rejection: Rejection }
> {
  const deviceId = actorDevice(actor);
  const event = {
    ...action,
    id: ulid(),
    deviceId,
    seq: await nextValue(trx, `device_seq:${deviceId}`),
    requestId: current.id,
    baseVersion: current.version,
    operatorId: actor.id,
    madeAt: ctx.now,
  } as RequestEvent;
  const stamp = {
    decisionId: event.id,
    kind: event.kind,
    operatorId: actor.id,
    operatorName: actor.name,
    deviceId,
    at: ctx.now,
  };
  const result = await decideAndStore(trx, current, event, { actor: actor.kind, stamp, ...ctx });
  return result.ok
    ? { outcome: 'applied', request: result.request, decisionId: event.id }
    : { outcome: 'rejected', rejection: result.rejection };
}

/** The device id a server actor's decisions carry, so each keeps its own sequence numbers. */
function actorDevice(actor: ServerActor): string {
  if (actor.kind === 'system') return 'system';
  return `${actor.kind === 'unit' ? 'unit' : 'supervision'}:${actor.id}`;
}
