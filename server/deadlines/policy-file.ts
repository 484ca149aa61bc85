import { readFileSync } from 'node:fs';
import { DEFAULT_DEADLINE_POLICY, DeadlinePolicy } from '../../shared/deadline';

/**
 * The centre's deadline policy: the defaults, with the top-level sections a JSON file gives
 * (YIWANG_DEADLINE_POLICY_FILE) put in their place; the result is validated whole.
 */
export function loadDeadlinePolicy(file: string | undefined): DeadlinePolicy {
  if (!file) return DEFAULT_DEADLINE_POLICY;
  const given: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof given !== 'object' || given === null)
    throw new TypeError(`${file}: expected a JSON object of deadline policy sections`);
  return DeadlinePolicy.parse({ ...DEFAULT_DEADLINE_POLICY, ...given });
}
