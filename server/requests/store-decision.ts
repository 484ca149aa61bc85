import type { Transaction } from 'kysely';
import {
  decide,
  type DecideResult,
  type DecisionStamp,
  type Rejection,
  type Request,
  type RequestEvent,
} from '../../shared/model';
import type { SetDeadlines } from '../deadlines/deadline-clock';
import { queueReply } from '../outbound/reply-queue';
import type { Database } from '../db/schema';
import { recordInLibrary } from '../library/record-answers';
import { citizenKnown, linkCitizen } from './citizen-links';
import { askSatisfaction } from './satisfaction';
import { decidedColumns, toRequest } from './request-rows';

/**
 * Who made a decision: an operator (workstation, supervision), a unit account (the units' page and API), or the
 * server itself (the escalation ladder, a citizen's rating matched at intake).
 */
export type ActorKind = 'operator' | 'unit' | 'system';

export interface StoreContext {
  actor: ActorKind;
  stamp: DecisionStamp;
  now: string;
  /** The request's next position in the change order, so pulls deliver the change. */
  changeSeq: number;
  setDeadlines: SetDeadlines;
  unitExists?(unitId: string): boolean;
  categoryExists?(categoryId: string): boolean;
}

export async function loadRequest(trx: Transaction<Database>, id: string): Promise<Request | null> {
  const row = await trx.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRequest(row) : null;
}

/**
 * Applies a decision with the rule book, recomputes the request's due times, and stores both the
 * request and the decision (applied or rejected, so a replay can be answered the same).
 */
export async function decideAndStore(
  trx: Transaction<Database>,
  current: Request,
  event: RequestEvent,
  ctx: StoreContext,
): Promise<DecideResult> {
  if (event.kind === 'link-citizen' && !(await citizenKnown(trx, event.citizenId))) {
    const rejection: Rejection = { code: 'unknown-request', message: `no request from citizen ${event.citizenId}` };
    await recordDecision(trx, event, ctx.actor, ctx.now, rejection);
    return { ok: false, rejection };
  }
  const result = decide(current, event, {
    stamp: ctx.stamp,
    now: ctx.now,
    unitExists: ctx.unitExists ?? (() => false),
    categoryExists: ctx.categoryExists ?? (() => false),
  });
  if (!result.ok) {
    await recordDecision(trx, event, ctx.actor, ctx.now, result.rejection);
    return result;
  }
  const decided = ctx.setDeadlines(result.request);
  const request =
    event.kind === 'link-citizen' ? await linkCitizen(trx, decided, event.citizenId, event.id, ctx.now) : decided;
  await trx
    .updateTable('requests')
    .set({ ...decidedColumns(request), change_seq: ctx.changeSeq })
    .where('id', '=', current.id)
    .execute();
  await recordDecision(trx, event, ctx.actor, ctx.now, null, request.version);
  // What is said to citizens becomes the answer library's (server/library), in the same transaction.
  await recordInLibrary(trx, current, request, event, ctx.now);
  // A reply goes out through the channel: queued here, in the decision's transaction (server/outbound).
  if (event.kind === 'reply') return { ok: true, request: await queueReply(trx, request, event, ctx.now) };
  // A close asks the citizen how satisfied they are (回访), on the same channel, in the same transaction.
  if (event.kind === 'close') await askSatisfaction(trx, request, event.id, ctx.now);
  return { ok: true, request };
}

export async function recordDecision(
  trx: Transaction<Database>,
  event: RequestEvent,
  actor: ActorKind,
  now: string,
  rejection: Rejection | null,
  /** The version an applied decision produced, so later decisions can tell what they did not see. */
  appliedVersion: number | null = null,
): Promise<void> {
  await trx
    .insertInto('decisions')
    .values({
      id: event.id,
      device_id: event.deviceId,
      seq: event.seq,
      request_id: event.requestId,
      operator_id: event.operatorId,
      actor,
      kind: event.kind,
      payload: JSON.stringify(event),
      base_version: event.baseVersion,
      made_at: event.madeAt,
      applied_at: now,
      outcome: rejection ? 'rejected' : 'applied',
      rejection: rejection ? JSON.stringify(rejection) : null,
      applied_version: appliedVersion,
    })
    .execute();
}
