import type { InboundMessage } from '../../shared/model';

/**
 * Where channel adapters hand over what citizens sent. The adapter has already verified the
 * platform's signature and normalised the message; intake stores it (once per dedupeKey) and
 * turns it into a Request, or attaches it to one.
 */
export interface IntakeResult {
  requestId: string;
  /** True when this dedupeKey was already stored (a platform retry): nothing new was written. */
  duplicate: boolean;
}

export interface Intake {
  receive(message: InboundMessage): Promise<IntakeResult>;
}
