import type { RankedChoice } from '../../../shared/api/workstation-api';

/**
 * Below this confidence the best guess is shown but not pre-filled. Model confidences are calibrated
 * (0.4 means right about 40 % of the time), so pre-filling below it would have operators confirming
 * mostly wrong answers with one key.
 */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.4;

/** True when there is a best choice and it is less sure than `threshold`. */
export function isLowConfidence(choices: readonly RankedChoice[], threshold: number): boolean {
  const best = choices[0];
  return best !== undefined && best.confidence < threshold;
}
