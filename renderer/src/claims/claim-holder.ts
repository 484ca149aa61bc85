import type { LocalRequest } from '../../../shared/api/workstation-api';
import type { Claim } from '../../../shared/sync/protocol';

/**
 * Who else is working a request: the lease from this operator's own claim attempt when it is the
 * fresher word, else the one the last sync brought; null when nobody holds it or the holder is me.
 */
export function otherHolder(
  request: Pick<LocalRequest, 'id' | 'claim'>,
  myId: string | null,
  answered: Claim | null = null,
): Claim | null {
  const claim = answered?.requestId === request.id ? answered : (request.claim ?? null);
  return claim && claim.operatorId !== myId ? claim : null;
}
