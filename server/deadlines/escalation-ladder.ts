import type { FastifyBaseLogger } from 'fastify';
import { addWorkingTime, HOUR_MS, toBeijingIso } from '../../shared/deadline';
import { CHANGE_SEQ, nextValue } from '../db/counters';
import type { Db } from '../db/open-database';
import { actWithin, SYSTEM_ACTOR } from '../requests/act-on-request';
import { loadRequest } from '../requests/store-decision';
import type { DeadlineClock } from './deadline-clock';

/** Requests looked at per rung and look; the rest wait for the next. */
const BATCH = 200;

type Rung = 'remind' | 'escalate';

export interface LadderClimb {
  reminded: string[];
  escalated: string[];
}

/**
 * The escalation ladder (督办, docs/deadlines.md): once the unit holding a request has let its answer fall
 * overdue, the server reminds the unit (a `remind` by the system actor, on the units' page and API), and
 * after a further `escalateAfterWorkingHours` of working time escalates the request into the supervisors'
 * view (an `escalate`). Each rung is taken once per transfer: the rung's row in ladder_steps commits with
 * its decision, so restarts, two server instances or a rung that failed half-way never act twice.
 */
export function escalationLadder({
  db,
  clock,
  log,
  pollMs,
  now = () => new Date(),
}: {
  db: Db;
  clock: DeadlineClock;
  log: Pick<FastifyBaseLogger, 'warn' | 'error'>;
  /** How often it looks (a minute by default: a rung taken a minute late changes nothing); 0: never by itself. */
  pollMs: number;
  now?: () => Date;
}) {
  const { escalation } = clock.policy;

  /** Takes every rung that is due at `now()`; what it did, by request id. */
  async function climb(): Promise<LadderClimb> {
    const at = now();
    const reminded = escalation.remindWhenOverdue ? await take('remind', at, () => true) : [];
    const hours = escalation.escalateAfterWorkingHours;
    let escalated: string[] = [];
    if (hours !== null) {
      const calendar = await clock.calendar();
      const after = (dueAt: string) =>
        addWorkingTime(Date.parse(dueAt), hours * HOUR_MS, clock.policy.workingHours, calendar) <= at.getTime();
      escalated = await take('escalate', at, after);
    }
    return { reminded, escalated };
  }

  /** Takes `rung` on each overdue request still without it whose due time `due` says is far enough past. */
  async function take(rung: Rung, at: Date, due: (unitDueAt: string) => boolean): Promise<string[]> {
    const candidates = await db
      .selectFrom('requests as r')
      .select(['r.id', 'r.unit_due_at', 'r.transferred_at'])
      .where('r.status', '=', 'transferred')
      .where('r.unit_answered_at', 'is', null)
      .where('r.unit_due_at', '<', at.toISOString())
      .where('r.transferred_at', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('ladder_steps as s')
              .select('s.request_id')
              .whereRef('s.request_id', '=', 'r.id')
              .whereRef('s.transferred_at', '=', 'r.transferred_at')
              .where('s.rung', '=', rung),
          ),
        ),
      )
      .orderBy('r.unit_due_at')
      .limit(BATCH)
      .execute();
    const taken: string[] = [];
    for (const candidate of candidates) {
      if (!due(candidate.unit_due_at!)) continue;
      try {
        if (await step(candidate.id, rung, at)) taken.push(candidate.id);
      } catch (err) {
        // Another instance took the same rung at the same moment (the primary key held): nothing was done twice.
        log.warn({ err, requestId: candidate.id, rung }, 'escalation ladder: rung not taken');
      }
    }
    return taken;
  }

  async function step(requestId: string, rung: Rung, at: Date): Promise<boolean> {
    const setDeadlines = await clock.prepare();
    return db.transaction().execute(async (trx) => {
      const changeSeq = await nextValue(trx, CHANGE_SEQ);
      const current = await loadRequest(trx, requestId);
      const held = current?.status === 'transferred' && current.timeline.unitAnsweredAt === null;
      if (!current || !held || current.unitId === null || current.timeline.transferredAt === null) return false;
      const taken = await trx
        .selectFrom('ladder_steps')
        .select('at')
        .where('request_id', '=', requestId)
        .where('rung', '=', rung)
        .where('transferred_at', '=', current.timeline.transferredAt)
        .executeTakeFirst();
      if (taken) return false;
      const dueAt = toBeijingIso(current.deadlines.unitDueAt!).slice(0, 16).replace('T', ' ');
      const outcome = await actWithin(
        trx,
        { setDeadlines, changeSeq, now: at.toISOString() },
        SYSTEM_ACTOR,
        current,
        rung === 'remind'
          ? { kind: 'remind', note: `系统自动督办：办理时限（${dueAt}）已过，请尽快答复。` }
          : {
              kind: 'escalate',
              note: `超过办理时限 ${escalation.escalateAfterWorkingHours} 个工作小时仍未答复，已提请督查室督办。`,
            },
      );
      if (outcome.outcome !== 'applied') return false;
      await trx
        .insertInto('ladder_steps')
        .values({
          request_id: requestId,
          rung,
          transferred_at: current.timeline.transferredAt,
          unit_id: current.unitId,
          decision_id: outcome.decisionId,
          at: at.toISOString(),
        })
        .execute();
      return true;
    });
  }

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;
  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = climb()
        .catch((err: unknown) => log.error({ err }, 'escalation ladder failed'))
        .finally(() => {
          running = null;
          schedule();
        });
    }, pollMs);
  }

  return {
    climb,
    start(): void {
      stopped = pollMs === 0;
      schedule();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
