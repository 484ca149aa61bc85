import { z } from 'zod';
import { Instant } from './ids';

/** The citizen's verdict on a closed request (回访): 满意, 基本满意, 不满意. */
export const SatisfactionScore = z.enum(['satisfied', 'basically-satisfied', 'dissatisfied']);
export type SatisfactionScore = z.infer<typeof SatisfactionScore>;

/**
 * A request's rating: the citizen's answer to the satisfaction question on their channel, or the result
 * of a phone callback an operator recorded. The latest one counts (docs/numbers.md).
 */
export const Rating = z.object({
  score: SatisfactionScore,
  via: z.enum(['channel', 'phone']),
  /** The operator's note on a phone callback; null for a channel answer. */
  note: z.string().nullable(),
  at: Instant,
});
export type Rating = z.infer<typeof Rating>;
