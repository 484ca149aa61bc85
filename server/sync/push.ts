import type { Selectable, Transaction } from 'kysely';
import { mayFollow } from '../../shared/model/concurrent-decisions';
import type { Decision, DecisionStamp, Rejection, Request } from '../../shared/model';
import type { PushResult } from '../../shared/sync/protocol';
import type { Session } from '../auth/sessions';
import { CHANGE_SEQ, nextValues } from '../db/counters';
import type { Db } from '../db/open-database';
import type { Database, DecisionsTable } from '../db/schema';
import type { DeadlineClock, SetDeadlines } from '../deadlines/deadline-clock';
import { toRequest } from '../requests/request-rows';
import { decideAndStore, recordDecision } from '../requests/store-decision';

/**
 * Applies one pushed batch, in order, in one transaction, and says what became of each decision.
 * One transaction per batch keeps a 10,000-decision catch-up to a few commits (on PostgreSQL each
 * commit is a disk flush); a crash mid-batch leaves none of it, and the workstation pushes it again.
 * The decision id is the idempotency key: a decision seen before is answered from its stored
 * outcome (a rejection again as that rejection, an application as a replay) and changes nothing.
 */
export async function pushDecisions(
  db: Db,
  clock: DeadlineClock,
  session: Session,
  decisions: readonly Decision[],
): Promise<PushResult[]> {
  const setDeadlines = await clock.prepare();
  return db.transaction().execute(async (trx) => {
    // Taken first so concurrent pushes (another server instance, a retry still running) apply one
    // after the other: the counter row stays locked until commit, so change numbers follow commit order.
    // One number per decision, reserved at once; those a rejection leaves unused are only gaps.
    const changeSeqs = await nextValues(trx, CHANGE_SEQ, decisions.length);
    const batch = await lookUpBatch(trx, session, decisions, changeSeqs);
    const results: PushResult[] = [];
    for (const decision of decisions) results.push(await pushOne(trx, setDeadlines, session, batch, decision));
    return results;
  });
}

/**
 * What the whole batch needs, read with a few queries instead of a few per decision (on PostgreSQL
 * each query is a round trip): decisions seen before, sequence numbers taken, units and categories.
 */
interface BatchLookup {
  seen: Map<string, Selectable<DecisionsTable>>;
  seqTaken: Map<number, string>;
  units: Set<string>;
  categories: Set<string>;
  /** Requests as this batch left them, so a later decision on the same request sees an earlier one. */
  requests: Map<string, Request | null>;
  /** The change numbers reserved for the batch, handed out in order. */
  changeSeqs: number[];
}

async function lookUpBatch(
  trx: Transaction<Database>,
  session: Session,
  decisions: readonly Decision[],
  changeSeqs: number[],
): Promise<BatchLookup> {
  const seen = await trx
    .selectFrom('decisions')
    .selectAll()
    .where(
      'id',
      'in',
      decisions.map((d) => d.id),
    )
    .execute();
  const taken = await trx
    .selectFrom('decisions')
    .select(['id', 'seq'])
    .where('device_id', '=', session.deviceId)
    .where(
      'seq',
      'in',
      decisions.map((d) => d.seq),
    )
    .execute();
  const units = await trx.selectFrom('units').select('id').where('active', '=', 1).execute();
  const categories = await trx.selectFrom('categories').select('id').execute();
  const requestIds = [...new Set(decisions.map((d) => d.requestId))];
  const requests = await trx.selectFrom('requests').selectAll().where('id', 'in', requestIds).execute();
  return {
    seen: new Map(seen.map((row) => [row.id, row])),
    seqTaken: new Map(taken.map((row) => [Number(row.seq), row.id])),
    units: new Set(units.map((row) => row.id)),
    categories: new Set(categories.map((row) => row.id)),
    requests: new Map<string, Request | null>([
      ...requestIds.map((id): [string, null] => [id, null]),
      ...requests.map((row): [string, Request] => [row.id, toRequest(row)]),
    ]),
    changeSeqs: [...changeSeqs],
  };
}

async function pushOne(
  trx: Transaction<Database>,
  setDeadlines: SetDeadlines,
  session: Session,
  batch: BatchLookup,
  decision: Decision,
): Promise<PushResult> {
  // Not stored: a foreign device must not be able to take up another device's ids or sequence numbers.
  if (decision.operatorId !== session.operator.id || decision.deviceId !== session.deviceId) {
    return rejected(
      decision,
      'forbidden',
      `decision ${decision.id} was not made by this session's operator on this device`,
      null,
    );
  }
  const current = batch.requests.get(decision.requestId) ?? null;

  const seen = batch.seen.get(decision.id);
  if (seen) return answerAgain(decision, seen, current);

  const seqTaken = batch.seqTaken.get(decision.seq);
  if (seqTaken) {
    // Not a conflict: the device's cache is behind (seq-check.ts on the workstation renumbers and sends it again).
    return rejected(
      decision,
      'seq-taken',
      `device ${decision.deviceId} already used seq ${decision.seq} for decision ${seqTaken}`,
      current,
    );
  }
  // Within one batch a repeated id or seq is caught here, as the stored ones are above.
  batch.seqTaken.set(decision.seq, decision.id);

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
  const result = await decideAndStore(trx, current, await rebased(trx, current, decision), {
    actor: 'operator',
    stamp,
    now,
    changeSeq: batch.changeSeqs.shift()!,
    setDeadlines,
    unitExists: (id) => batch.units.has(id),
    categoryExists: (id) => batch.categories.has(id),
  });
  if (!result.ok) return { decisionId: decision.id, outcome: 'rejected', reason: result.rejection, request: current };
  batch.requests.set(decision.requestId, result.request);
  if (decision.kind === 'link-citizen') relinkInBatch(batch, result.request.citizen.identities ?? []);
  return { decisionId: decision.id, outcome: 'applied', request: result.request };
}

/** A link gave other requests of the citizen new identities: later decisions in the batch must see them. */
function relinkInBatch(batch: BatchLookup, identities: readonly string[]): void {
  for (const [id, request] of batch.requests) {
    if (request && identities.includes(request.citizen.id))
      batch.requests.set(id, { ...request, citizen: { ...request.citizen, identities: [...identities] } });
  }
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
  return theirs.every((their) => mayFollow(decision.kind, their.kind))
    ? { ...decision, baseVersion: current.version }
    : decision;
}

function answerAgain(decision: Decision, seen: Selectable<DecisionsTable>, current: Request | null): PushResult {
  if (seen.device_id !== decision.deviceId) {
    return rejected(decision, 'forbidden', `decision id ${decision.id} belongs to another device`, null);
  }
  if (seen.outcome === 'rejected' && seen.rejection !== null) {
    return {
      decisionId: decision.id,
      outcome: 'rejected',
      reason: JSON.parse(seen.rejection) as Rejection,
      request: current,
    };
  }
  return { decisionId: decision.id, outcome: 'replay', request: current };
}

function rejected(decision: Decision, code: Rejection['code'], message: string, request: Request | null): PushResult {
  return { decisionId: decision.id, outcome: 'rejected', reason: { code, message }, request };
}
