import { z } from 'zod';
import { Channel, Instant, RequestStatus } from '../model';

/**
 * One handled request in the work ledger (工作台账), as staff read it. Citizen text is stored as
 * written; every export masks it (see `mask.ts`), so one line serves masked and authorised exports.
 */
export const LedgerLine = z.object({
  /** Request number staff quote, e.g. YW-20261128-0007. */
  number: z.string().min(1),
  /** When the citizen's request arrived. */
  arrivedAt: Instant,
  /** When the operator handled it; this places the line on a ledger day. */
  handledAt: Instant,
  channel: Channel,
  citizen: z.object({ id: z.string().min(1), name: z.string().nullable() }),
  /** What the citizen asked, shortened (see `summarize`). */
  summary: z.string(),
  /** Category path, e.g. 城乡建设/市政设施/路灯; null when not classified. */
  category: z.string().nullable(),
  /** Responsible unit's name; null when not transferred. */
  unit: z.string().nullable(),
  operator: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  /** Seconds the operator spent on it; null until the triage flow measures it. */
  handlingSeconds: z.number().nonnegative().nullable(),
  /** Keys pressed while handling it; null until the triage flow measures it. */
  keyPresses: z.number().int().nonnegative().nullable(),
  /** The first answer to the citizen; null while none was sent. */
  firstResponseAt: Instant.nullable(),
  /** Answered within the 有呼必应 promise; null while not answered and not yet due. */
  deadlineMet: z.boolean().nullable(),
  status: RequestStatus,
  /** The reply sent to the citizen, if any. */
  reply: z.string().nullable(),
});
export type LedgerLine = z.infer<typeof LedgerLine>;
