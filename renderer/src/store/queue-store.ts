import { create } from 'zustand';
import type { LocalRequest, QueueView } from '../../../shared/api/workstation-api';
import type { DecisionAction } from '../../../shared/model';
import { call } from '../bridge/call';
import { decisionLabel } from '../i18n/decision-label';
import { translator } from '../i18n/translate';
import { emptyList, reconcile, replaceRequest, selectIndex, type ViewList } from './queue-selection';
import { notifyFailure, useUi } from './ui-store';

export type WorkView = Exclude<QueueView, 'all'>;

interface QueueState {
  view: WorkView;
  lists: Record<WorkView, ViewList>;
  setView(view: WorkView): void;
  refresh(): void;
  move(delta: number): void;
  select(index: number): void;
  decide(action: DecisionAction): void;
  undo(): void;
}

/**
 * Every queue action runs in key order on one chain, so "x x x" junks three requests rather than
 * one request three times. Host calls are local (IPC or loopback), so the chain never waits on the network.
 */
let chain: Promise<void> = Promise.resolve();
function inOrder(task: () => Promise<void> | void): void {
  chain = chain.then(task).catch(notifyFailure);
}

let refreshWaiting = false;

export const useQueue = create<QueueState>()((set, get) => {
  const updateList = (view: WorkView, change: (list: ViewList) => ViewList) =>
    set((s) => ({ lists: { ...s.lists, [view]: change(s.lists[view]) } }));

  const fetchView = async (view: WorkView, preferId: string | null = null) => {
    const items = await call('queue.list', { view });
    updateList(view, (list) => reconcile(list, items, preferId));
  };

  const selected = (): LocalRequest | null => {
    const list = get().lists[get().view];
    return list.items[list.selectedIndex] ?? null;
  };

  return {
    view: 'queue',
    lists: { queue: emptyList, junk: emptyList, done: emptyList },
    setView: (view) => {
      set({ view });
      inOrder(() => fetchView(view));
    },
    refresh: () => {
      // Bursts of change events collapse into one fetch.
      if (refreshWaiting) return;
      refreshWaiting = true;
      inOrder(() => {
        refreshWaiting = false;
        return fetchView(get().view);
      });
    },
    move: (delta) => inOrder(() => updateList(get().view, (list) => selectIndex(list, list.selectedIndex + delta))),
    select: (index) => inOrder(() => updateList(get().view, (list) => selectIndex(list, index))),
    decide: (action) =>
      inOrder(async () => {
        const request = selected();
        if (!request) {
          useUi.getState().notify({ id: 'notice.noSelection', tone: 'info' });
          return;
        }
        const view = get().view;
        try {
          const outcome = await call('request.decide', { requestId: request.id, action });
          updateList(view, (list) => replaceRequest(list, outcome.request));
        } finally {
          // Even a refusal may mean the request changed under us: show the host's truth.
          await fetchView(view);
        }
      }),
    undo: () =>
      inOrder(async () => {
        const outcome = await call('request.undo', {});
        if (!outcome.undone) {
          useUi.getState().notify({ id: 'notice.nothingToUndo', tone: 'info' });
          return;
        }
        const t = translator(useUi.getState().locale);
        useUi.getState().notify({ id: 'notice.undone', params: { kind: decisionLabel(t, outcome.undone.kind) }, tone: 'info' });
        await fetchView(get().view, outcome.undone.requestId);
      }),
  };
});

/** The request under the cursor in the current view. */
export function useSelectedRequest(): LocalRequest | null {
  return useQueue((s) => {
    const list = s.lists[s.view];
    return list.items[list.selectedIndex] ?? null;
  });
}
