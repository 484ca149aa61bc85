import { monotonicFactory } from 'ulid';
import type { Decision, DecisionAction } from '../../shared/model';

const ulid = monotonicFactory();

/** A decision as a workstation would push it; each call takes the device's next seq. */
export function decisionMaker(deviceId: string, operatorId: string) {
  let seq = 0;
  return (
    requestId: string,
    baseVersion: number,
    action: DecisionAction,
    overrides: Partial<Decision> = {},
  ): Decision =>
    ({
      id: ulid(),
      deviceId,
      seq: ++seq,
      requestId,
      baseVersion,
      operatorId,
      madeAt: new Date().toISOString(),
      ...action,
      ...overrides,
    }) as Decision;
}
