import { create } from 'zustand';
import type { RequestContext } from '../../../shared/api/workstation-api';
import { call } from '../bridge/call';
import type { Draft } from '../triage/plan';

interface TriageState {
  /** Suggestions, history and similar requests per request id, fetched ahead of the operator. */
  contexts: ReadonlyMap<string, RequestContext>;
  drafts: ReadonlyMap<string, Draft>;
  load(requestId: string): Promise<RequestContext | null>;
  prefetch(requestIds: readonly string[]): void;
  change(requestId: string, patch: Draft): void;
  /** After a decision the request's context is stale: fetched again when next shown. */
  forget(requestId: string): void;
}

const KEPT_CONTEXTS = 300;
const inFlight = new Map<string, Promise<RequestContext | null>>();

export const useTriage = create<TriageState>()((set, get) => ({
  contexts: new Map(),
  drafts: new Map(),
  load: (requestId) => {
    const known = get().contexts.get(requestId);
    if (known) return Promise.resolve(known);
    let loading = inFlight.get(requestId);
    if (!loading) {
      loading = call('request.context', { id: requestId })
        .then((context) => {
          const contexts = new Map(get().contexts);
          contexts.set(requestId, context);
          // The oldest go first; the operator only moves forward through a few hundred a shift.
          for (const id of contexts.keys()) {
            if (contexts.size <= KEPT_CONTEXTS) break;
            contexts.delete(id);
          }
          set({ contexts });
          return context;
        })
        .catch(() => null)
        .finally(() => inFlight.delete(requestId));
      inFlight.set(requestId, loading);
    }
    return loading;
  },
  prefetch: (requestIds) => {
    for (const id of requestIds) void get().load(id);
  },
  change: (requestId, patch) => {
    const drafts = new Map(get().drafts);
    drafts.set(requestId, { ...drafts.get(requestId), ...patch });
    set({ drafts });
  },
  forget: (requestId) => {
    if (!get().contexts.has(requestId) && !get().drafts.has(requestId)) return;
    const contexts = new Map(get().contexts);
    const drafts = new Map(get().drafts);
    contexts.delete(requestId);
    drafts.delete(requestId);
    set({ contexts, drafts });
  },
}));
