import { create } from 'zustand';
import type { Claim } from '../../../shared/sync/protocol';
import { call } from '../bridge/call';
import { nextClaimIn, OFFLINE_RETRY_MS } from '../claims/claim-timing';

interface ClaimState {
  /** The request on screen, which this workstation claims for as long as it stays there. */
  requestId: string | null;
  /** The server's latest word on who holds it, from this operator's own claim; null before the answer or offline. */
  answer: Claim | null;
  /** The operator moved to another request (or none): the old lease is let go, the new one taken. Resolves once the release is sent. */
  follow(requestId: string | null): Promise<void>;
}

/** A request the cursor merely passes over is not worth a claim; one the operator stops on is. */
const SETTLE_MS = 300;
/** Leaving a request waits at most this long for the release to go (sign-out); the lease ends on its own anyway. */
const RELEASE_WAIT_MS = 1_000;

let timer: ReturnType<typeof setTimeout> | undefined;
/** The request whose lease this operator holds, to release when leaving it. */
let held: string | null = null;

function release(requestId: string): Promise<void> {
  const sent = call('request.release', { id: requestId }).then(
    () => undefined,
    () => undefined,
  );
  return Promise.race([sent, new Promise<void>((resolve) => setTimeout(resolve, RELEASE_WAIT_MS))]);
}

/**
 * Claims follow the cursor (docs/sync-and-conflicts.md, Claims): opening a request takes a short
 * lease other operators see, staying renews it, leaving releases it. Every call is fire-and-forget:
 * a key press never waits on the network, and offline the claim is simply missing.
 */
export const useClaims = create<ClaimState>()((set, get) => {
  const attempt = (requestId: string) => {
    call('request.claim', { id: requestId }).then(
      (outcome) => {
        if (get().requestId !== requestId) {
          // The operator moved on while the server answered.
          if (outcome.granted) void release(requestId);
          return;
        }
        if (outcome.granted) held = requestId;
        set({ answer: outcome.claim });
        clearTimeout(timer);
        timer = setTimeout(() => attempt(requestId), nextClaimIn(outcome, Date.now()));
      },
      () => {
        if (get().requestId !== requestId) return;
        clearTimeout(timer);
        timer = setTimeout(() => attempt(requestId), OFFLINE_RETRY_MS);
      },
    );
  };

  return {
    requestId: null,
    answer: null,
    follow: (requestId) => {
      if (requestId === get().requestId) return Promise.resolve();
      clearTimeout(timer);
      const leaving = held;
      held = null;
      set({ requestId, answer: null });
      if (requestId) timer = setTimeout(() => attempt(requestId), SETTLE_MS);
      return leaving && leaving !== requestId ? release(leaving) : Promise.resolve();
    },
  };
});
