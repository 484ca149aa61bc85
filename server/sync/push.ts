import type { Selectable, Transaction } from 'kysely';
import type { Decision, DecisionStamp, Rejection, Request } from '../../shared/model';
import type { PushResult } from '../../shared/sync/protocol';
import type { Session } from '../auth/sessions';
import { CHANGE_SEQ, nextValue } from '../db/counters';
import type { Db } from '../db/open-database';
import type { Database, DecisionsTable } from '../db/schema';
import type { DeadlineClock } from '../deadlines/deadline-clock';
import { decideAndStore, loadRequest, recordDecision } from '../requests/store-decision';

/**
 * Applies one pushed decision, in its own transaction, and says what became of it. The decision
 * id is the idempotency key: a decision seen before is answered from its stored outcome (a
 * rejection again as that rejection, an application as a replay) and changes nothing.
 */
export async function pushDecision(db: Db, clock: DeadlineClock, session: Session, decision: Decision): Promise<PushResult> {
  // Not stored: a foreign device must not be able to take up another device's ids or sequence numbers.
  if (decision.operatorId !== session.operator.id || decision.deviceId !== session.deviceId) {
    return rejected(decision, 'forbidden', `decision ${decision.id} was not made by this session's operator on this device`, null);
  }
  const setDeadlines = await clock.prepare();
  return db.transaction().execute(async (trx) => {
    // Taken first so concurrent pushes on one request apply one after the other (the counter row
    // stays locked until commit); a number left unused is only a gap in the change order.
    const changeSeq = await nextValue(trx, CHANGE_SEQ);
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
    const result = await decideAndStore(trx, current, decision, {
      actor: 'operator',
      stamp,
      now,
      changeSeq,
      setDeadlines,
      unitExists: (id) => refs.unit === id,
      categoryExists: (id) => refs.category === id,
    });
    if (!result.ok) return { decisionId: decision.id, outcome: 'rejected', reason: result.rejection, request: current };
    return { decisionId: decision.id, outcome: 'applied', request: result.request };
  });
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
