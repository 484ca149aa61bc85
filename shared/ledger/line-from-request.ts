import { type TimeInput, toEpochMs } from '../deadline';
import { DecisionAction, type Request } from '../model';
import type { LedgerLine } from './ledger-line';
import { summarize } from './summarize';

/** What the ledger needs beyond the request itself; the host gathers it from decisions and the directory. */
export interface HandlingFacts {
  operator: { id: string; name: string };
  handledAt: string;
  handlingSeconds: number | null;
  keyPresses: number | null;
  firstResponseAt: string | null;
  reply: string | null;
  unitName: string | null;
  /** From `answerDueAt` in shared/deadline; null when no promise applies (junk, merged). */
  answerDueAt: TimeInput | null;
  /** When the ledger is made: an unanswered request counts as late only once its due time has passed. */
  asOf: TimeInput;
}

export const SUMMARY_LENGTH = 60;

/** The parts of a request a ledger line shows. */
export type LedgerRequest = Pick<
  Request,
  'number' | 'channel' | 'citizen' | 'text' | 'receivedAt' | 'status' | 'categoryId'
>;

export function ledgerLineFrom(request: LedgerRequest, facts: HandlingFacts): LedgerLine {
  return {
    number: request.number,
    arrivedAt: request.receivedAt,
    handledAt: facts.handledAt,
    channel: request.channel,
    citizen: { id: request.citizen.id, name: request.citizen.name },
    summary: summarize(request.text, SUMMARY_LENGTH),
    category: request.categoryId,
    unit: facts.unitName,
    operator: facts.operator,
    handlingSeconds: facts.handlingSeconds,
    keyPresses: facts.keyPresses,
    firstResponseAt: facts.firstResponseAt,
    deadlineMet: deadlineMet(facts.answerDueAt, facts.firstResponseAt, facts.asOf),
    status: request.status,
    reply: facts.reply,
  };
}

/** Met if answered by the due time; missed if answered later or still unanswered after it; else not yet known. */
export function deadlineMet(due: TimeInput | null, respondedAt: TimeInput | null, asOf: TimeInput): boolean | null {
  if (due === null) return null;
  if (respondedAt !== null) return toEpochMs(respondedAt) <= toEpochMs(due);
  return toEpochMs(asOf) > toEpochMs(due) ? false : null;
}

/** Kinds an operator decides; a unit's answer, a supervisor's reminder or the server's own steps make no ledger line. */
export const OPERATOR_DECISION_KINDS: ReadonlySet<string> = new Set(
  DecisionAction.options.map((option) => option.shape.kind.value),
);

/** Junk and merged requests promise no answer. */
const NO_PROMISE: ReadonlySet<string> = new Set(['junk', 'merged']);

/** Who handled a request, when, and what the place the line is built from knows about it. */
export type Handling = Pick<
  HandlingFacts,
  'operator' | 'handledAt' | 'handlingSeconds' | 'keyPresses' | 'reply' | 'unitName' | 'asOf'
>;

/**
 * The line of a request as it stands now, handled as `handling` says: its first answer and its 有呼必应 promise
 * come from the request's own timeline and deadlines. The workstation's cache and the server both build lines so.
 */
export function handledRequestLine(
  request: LedgerRequest & Pick<Request, 'timeline' | 'deadlines'>,
  handling: Handling,
): LedgerLine {
  return ledgerLineFrom(request, {
    ...handling,
    firstResponseAt: request.timeline.answeredAt,
    answerDueAt: NO_PROMISE.has(request.status) ? null : request.deadlines.answerDueAt,
  });
}
