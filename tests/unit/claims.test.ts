import { describe, expect, it } from 'vitest';
import type { ClaimOutcome } from '../../shared/api/workstation-api';
import type { Claim } from '../../shared/sync/protocol';
import { otherHolder } from '../../renderer/src/claims/claim-holder';
import { nextClaimIn, OFFLINE_RETRY_MS } from '../../renderer/src/claims/claim-timing';

const ME = '01JD0000000000000000000001';
const WANG = '01JD0000000000000000000002';
const REQUEST = '01JD00000000000000000000R1';
const NOW = Date.parse('2026-01-05T08:00:00.000Z');

function claim(operatorId: string, leftMs: number, requestId = REQUEST): Claim {
  return {
    requestId,
    operatorId,
    operatorName: operatorId === ME ? '受理员一' : '王五',
    deviceId: 'ws',
    until: new Date(NOW + leftMs).toISOString(),
  };
}

describe('who else holds a request', () => {
  it('names another operator holding the lease', () => {
    expect(otherHolder({ id: REQUEST, claim: claim(WANG, 60_000) }, ME)?.operatorName).toBe('王五');
  });

  it('says nobody when the lease is mine or there is none', () => {
    expect(otherHolder({ id: REQUEST, claim: claim(ME, 60_000) }, ME)).toBeNull();
    expect(otherHolder({ id: REQUEST, claim: null }, ME)).toBeNull();
    expect(otherHolder({ id: REQUEST }, ME)).toBeNull();
  });

  it('believes my own claim answer over the last sync for the request on screen', () => {
    // The sync said 王五; the server just granted it to me after their lease ended.
    expect(otherHolder({ id: REQUEST, claim: claim(WANG, 60_000) }, ME, claim(ME, 120_000))).toBeNull();
    // ...and the other way round: the sync said nobody, the server said 王五 holds it.
    expect(otherHolder({ id: REQUEST, claim: null }, ME, claim(WANG, 60_000))?.operatorId).toBe(WANG);
  });

  it('ignores a claim answer about another request', () => {
    expect(otherHolder({ id: REQUEST, claim: null }, ME, claim(WANG, 60_000, '01JD00000000000000000000R2'))).toBeNull();
  });
});

describe('when to claim the open request again', () => {
  const outcome = (granted: boolean, c: Claim | null, offline = false): ClaimOutcome => ({
    granted,
    claim: c,
    offline,
  });

  it('renews my lease halfway through it', () => {
    expect(nextClaimIn(outcome(true, claim(ME, 120_000)), NOW)).toBe(60_000);
    expect(nextClaimIn(outcome(true, claim(ME, 4_000)), NOW)).toBe(2_000);
  });

  it('tries again just after the other operator’s lease ends, to take over an expired claim', () => {
    expect(nextClaimIn(outcome(false, claim(WANG, 30_000)), NOW)).toBe(30_250);
  });

  it('stays within a second and a minute', () => {
    expect(nextClaimIn(outcome(true, claim(ME, 10 * 60_000)), NOW)).toBe(60_000);
    expect(nextClaimIn(outcome(false, claim(WANG, -5_000)), NOW)).toBe(1_000);
  });

  it('waits longer when the server could not be asked', () => {
    expect(nextClaimIn(outcome(false, null, true), NOW)).toBe(OFFLINE_RETRY_MS);
  });
});
