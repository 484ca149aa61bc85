import { create } from 'zustand';
import type { LocalRequest } from '../../../shared/api/workstation-api';
import type { Claim } from '../../../shared/sync/protocol';
import { otherHolder } from '../claims/claim-holder';
import { useClaims } from './claim-store';
import { useSession } from './session-store';
import { useUi } from './ui-store';

interface TakeOverState {
  /** A decision held back until the operator confirms working requests another operator holds. */
  pending: { holders: Claim[]; proceed(): void } | null;
  /** Requests this operator already chose to take over: asked once, not at every key. */
  confirmed: ReadonlySet<string>;
  ask(holders: Claim[], proceed: () => void): void;
  confirm(): void;
  cancel(): void;
}

export const useTakeOver = create<TakeOverState>()((set, get) => ({
  pending: null,
  confirmed: new Set(),
  ask: (holders, proceed) => {
    set({ pending: { holders, proceed } });
    useUi.getState().open('take-over');
  },
  confirm: () => {
    const pending = get().pending;
    if (!pending) return;
    set({
      pending: null,
      confirmed: new Set([...get().confirmed, ...pending.holders.map((claim) => claim.requestId)]),
    });
    useUi.getState().close();
    pending.proceed();
  },
  cancel: () => {
    set({ pending: null });
    useUi.getState().close();
  },
}));

/**
 * The leases other operators hold on these requests, unless already taken over here. Claims never
 * refuse a decision (the host and server apply it either way), so this only asks the operator first.
 */
export function othersHolding(requests: readonly Pick<LocalRequest, 'id' | 'claim'>[]): Claim[] {
  const me = useSession.getState().session?.operator?.id ?? null;
  const answer = useClaims.getState().answer;
  const confirmed = useTakeOver.getState().confirmed;
  return requests
    .filter((request) => !confirmed.has(request.id))
    .map((request) => otherHolder(request, me, answer))
    .filter((claim): claim is Claim => claim !== null);
}
