import { monotonicFactory } from 'ulid';
import type { Rejection, Request, RequestAction, RequestEvent } from '../../shared/model';
import { CHANGE_SEQ, nextValue } from '../db/counters';
import type { Db } from '../db/open-database';
import type { DeadlineClock } from '../deadlines/deadline-clock';
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
  const deviceId = actorDevice(actor);
  return db.transaction().execute(async (trx): Promise<ActOutcome> => {
    const changeSeq = await nextValue(trx, CHANGE_SEQ);
    const current = await loadRequest(trx, requestId);
    if (!current || !mayAct(current)) return { outcome: 'not-found' };
    const now = new Date().toISOString();
    const event = {
      ...action,
      id: ulid(),
      deviceId,
      seq: await nextValue(trx, `device_seq:${deviceId}`),
      requestId,
      baseVersion: current.version,
      operatorId: actor.id,
      madeAt: now,
    } as RequestEvent;
    const stamp = {
      decisionId: event.id,
      kind: event.kind,
      operatorId: actor.id,
      operatorName: actor.name,
      deviceId,
      at: now,
    };
    const result = await decideAndStore(trx, current, event, {
      actor: actor.kind,
      stamp,
      now,
      changeSeq,
      setDeadlines,
    });
    return result.ok
      ? { outcome: 'applied', request: result.request }
      : { outcome: 'rejected', rejection: result.rejection };
  });
}

/** The device id a server actor's decisions carry, so each keeps its own sequence numbers. */
function actorDevice(actor: ServerActor): string {
  if (actor.kind === 'system') return 'system';
  return `${actor.kind === 'unit' ? 'unit' : 'supervision'}:${actor.id}`;
}
