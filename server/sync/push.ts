import type { Selectable, Transaction } from 'kysely';
import { mayFollow } from '../../shared/model/concurrent-decisions';
import type { Decision, DecisionStamp, Rejection, Request } from '../../shared/model';
import type { PushResult } from '../../shared/sync/protocol';
import type { Session } from '../auth/sessions';
import { CHANGE_SEQ, nextValue } from '../db/counters';
import type { Db } from '../db/open-database';
import type { Database, DecisionsTable } from '../db/schema';
import type { DeadlineClock, SetDeadlines } from '../deadlines/deadline-clock';
import { decideAndStore, loadRequest, recordDecision } from '../requests/store-decision';

/**
 * Applies one pushed batch, in order, in one transaction, and says what became of each decision.
 * One transaction per batch keeps a 10,000-decision catch-up to a few commits (on PostgreSQL each
 * commit is a disk flush); a crash mid-batch leaves none of it, and the workstation pushes it again.
 * The decision id is the idempotency key: a decision seen before is answered from its stored
 * outcome (a rejection again as that rejection, an application as a replay) and changes nothing.
 */
export async function pushDecisions(db: Db, clock: DeadlineClock, session: Session, decisions: readonly Decision[]): Promise<PushResult[]> {
  const setDeadlines = await clock.prepare();
  return db.transaction().execute(async (trx) => {
    // Taken first so concurrent pushes (another server instance, a retry still running) apply one
    // after the other: the counter row stays locked until commit, so change numbers follow commit order.
    await nextValue(trx, CHANGE_SEQ);
    const results: PushResult[] = [];
    for (const decision of decisions) results.push(await pushOne(trx, setDeadlines, session, decision));
    return results;
  });
}

async function pushOne(trx: Transaction<Database>, setDeadlines: SetDeadlines, session: Session, decision: Decision): Promise<PushResult> {
  // Not stored: a foreign device must not be able to take up another device's ids or sequence numbers.
  if (decision.operatorId !== session.operator.id || decision.deviceId !== session.deviceId) {
    return rejected(decision, 'forbidden', `decision ${decision.id} was not made by this session's operator on this device`, null);
  }
  const current = await loadRequest(trx, decision.requestId);

  const seen = await trx.selectFrom('decisions').selectAll().where('id', '=', decision.id).executeTakeFirst();
  if (seen) return answerAgain(decision, seen, current);

  const seqTaken = await trx
    .selectFrom('decisions')
    .select('id')
    .where('device_id', '=', decision.deviceId)
    .where('seq', '=', decision.seq)
    .executeTakeFirst();
  if (seqTaken) {
    return rejected(decision, 'forbidden', `device ${decision.deviceId} already used seq ${decision.seq} for decision ${seqTaken.id}`, current);
  }

  const now = new Date().toISOString();
  if (!current) {
    const reason: Rejection = { code: 'unknown-request', message: `no request ${decision.requestId}` };
    await recordDecision(trx, decision, 'operator', now, reason);
    return { decisionId: decision.id, outcome: 'rejected', reason, request: null };
  }

  const stamp: DecisionStamp = {
    decisionId: decision.id,
    kind: decision.kind,
    operatorId: session.operator.id,
    operatorName: session.operator.displayName,
    deviceId: decision.deviceId,
    at: now,
  };
  const refs = await existingReferences(trx, decision);
  const result = await decideAndStore(trx, current, await rebased(trx, current, decision), {
    actor: 'operator',
    stamp,
    now,
    changeSeq: await nextValue(trx, CHANGE_SEQ),
    setDeadlines,
    unitExists: (id) => refs.unit === id,
    categoryExists: (id) => refs.category === id,
  });
  if (!result.ok) return { decisionId: decision.id, outcome: 'rejected', reason: result.rejection, request: current };
  return { decisionId: decision.id, outcome: 'applied', request: result.request };
}

/**
 * A decision made against an older version may still apply when every decision others applied
 * since then lets it follow (shared/model/concurrent-decisions.ts); it is then judged as if made
 * against the current version. Otherwise it goes to the rule book as it is, which rejects it as
 * stale with who changed the request.
 */
async function rebased(trx: Transaction<Database>, current: Request, decision: Decision): Promise<Decision> {
  if (decision.baseVersion >= current.version) return decision;
  const theirs = await trx
    .selectFrom('decisions')
    .select('kind')
    .where('request_id', '=', decision.requestId)
    .where('outcome', '=', 'applied')
    .where('applied_version', '>', decision.baseVersion)
    .where('device_id', '!=', decision.deviceId)
    .execute();
  return theirs.every((their) => mayFollow(decision.kind, their.kind)) ? { ...decision, baseVersion: current.version } : decision;
}

function answerAgain(decision: Decision, seen: Selectable<DecisionsTable>, current: Request | null): PushResult {
  if (seen.device_id !== decision.deviceId) {
    return rejected(decision, 'forbidden', `decision id ${decision.id} belongs to another device`, null);
  }
  if (seen.outcome === 'rejected' && seen.rejection !== null) {
    return { decisionId: decision.id, outcome: 'rejected', reason: JSON.parse(seen.rejection) as Rejection, request: current };
  }
  return { decisionId: decision.id, outcome: 'replay', request: current };
}

/** Looks up the unit or category a decision names, so decide() can check it synchronously. */
async function existingReferences(trx: Transaction<Database>, decision: Decision): Promise<{ unit?: string; category?: string }> {
  if (decision.kind === 'transfer') {
    const unit = await trx.selectFrom('units').select('id').where('id', '=', decision.unitId).where('active', '=', 1).executeTakeFirst();
    return { unit: unit?.id };
  }
  if (decision.kind === 'classify') {
    const category = await trx.selectFrom('categories').select('id').where('id', '=', decision.categoryId).executeTakeFirst();
    return { category: category?.id };
  }
  return {};
}

function rejected(decision: Decision, code: Rejection['code'], message: string, request: Request | null): PushResult {
  return { decisionId: decision.id, outcome: 'rejected', reason: { code, message }, request };
}
