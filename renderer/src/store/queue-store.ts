import { create } from 'zustand';
import type { LocalRequest } from '../../../shared/api/workstation-api';
import { call } from '../bridge/call';
import { afterNextPaint } from '../triage/paint-timing';
import { inQueueOrder } from './host-chain';
import { useMarks } from './marks-store';
import { recheckAfter } from './overdue-recheck';
import { useTriage } from './triage-store';
import {
  covers,
  emptyList,
  itemAt,
  reconcile,
  removeRequest,
  replaceRequest,
  selectIndex,
  selectedItem,
  type ViewList,
  type WorkView,
} from './view-list';

interface QueueState {
  view: WorkView;
  lists: Record<WorkView, ViewList>;
  /** A request opened from the palette or search, shown instead of the queue's until closed. */
  opened: LocalRequest | null;
  setView(view: WorkView): void;
  /** Fetches the view's window at once, for the first paint (refresh waits for a pause between keys). */
  load(): void;
  refresh(): void;
  move(delta: number): void;
  select(index: number): void;
  /** The virtualised list shows these rows: fetch another window if they are not held. */
  showRange(start: number, end: number): void;
  /** Prefetches what comes next, and a fresh window before the cursor runs off the one held. */
  lookAhead(): void;
  open(request: LocalRequest): void;
  closeOpened(): void;
  /** A decision takes the request out of the view at once; it stays out until the host has answered. */
  leave(requestId: string): void;
  /** The host's answer to a decision made in `view`: the request as it now stands, shown at once. */
  answered(view: WorkView, request: LocalRequest): void;
  /** The host has answered for this request, whatever it said: the view may show it again. */
  settled(requestId: string): void;
  /** After an undo: the view fetched again with the cursor on the request, wherever it now stands. */
  showAgain(requestId: string, request: LocalRequest | null): Promise<void>;
}

const WINDOW = 240;
/** Fetch a new window before the cursor comes this close to the edge of the one held. */
const MARGIN = 40;
const REFRESH_QUIET_MS = 250;

/** Requests taken out of the view here whose decisions the host has not confirmed yet. */
const hidden = new Set<string>();
let refreshWaiting = false;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The views' windows: which view is shown, the rows held around the cursor, the cursor itself, and
 * the suggestions fetched ahead of it. Decisions reach it through leave, answered and settled.
 */
export const useQueue = create<QueueState>()((set, get) => {
  const updateList = (view: WorkView, change: (list: ViewList) => ViewList) =>
    set((s) => ({ lists: { ...s.lists, [view]: change(s.lists[view]) } }));

  /** `preferId` is selected if the window holds it; the host moves the window to hold `keepId` wherever it now stands. */
  const fetchWindow = async (
    view: WorkView,
    around: number,
    preferId: string | null = null,
    keepId: string | null = null,
    prefetch = prefetchAround,
  ) => {
    const offset = Math.max(0, around - WINDOW / 2);
    // The page's clock orders the queue, so the rows' deadline labels and their order agree.
    const at = new Date().toISOString();
    const window = await call('queue.window', { view, offset, limit: WINDOW, at, ...(keepId ? { keepId } : {}) });
    updateList(view, (list) => reconcile(list, window, hidden, preferId));
    prefetch(get().lists[view]);
    if (view === 'queue') recheckAfter(window, refresh);
  };

  const refresh = () => {
    // Bursts of change events collapse into one fetch, taken in the first pause between keys:
    // the screen is already right (decided rows left at once), so a fetch must never delay a key.
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      if (refreshWaiting) return;
      refreshWaiting = true;
      void inQueueOrder(() => {
        refreshWaiting = false;
        // Keep the operator on the request they are reading, even if it moved (turned overdue).
        const list = get().lists[get().view];
        return fetchWindow(get().view, list.selectedIndex, null, list.selectedId);
      });
    }, REFRESH_QUIET_MS);
  };

  const lookAhead = () => {
    const view = get().view;
    const list = get().lists[view];
    prefetchAround(list);
    if (!covers(list, Math.max(0, list.selectedIndex - MARGIN), list.selectedIndex + MARGIN))
      void inQueueOrder(() => fetchWindow(view, get().lists[view].selectedIndex));
  };

  const moveTo = (index: number) => {
    updateList(get().view, (list) => selectIndex(list, index));
    lookAhead();
  };

  return {
    view: 'queue',
    lists: { queue: emptyList, junk: emptyList, done: emptyList },
    opened: null,
    setView: (view) => {
      set({ view, opened: null });
      useMarks.getState().clear();
      void inQueueOrder(() => fetchWindow(view, get().lists[view].selectedIndex));
    },
    // The next requests' suggestions are asked for once the first is painted: the host's first one builds
    // its near-duplicate index, which would take the CPU the paint needs (the shown request's comes from the detail pane).
    load: () =>
      void inQueueOrder(() =>
        fetchWindow(get().view, get().lists[get().view].selectedIndex, null, null, (list) =>
          afterNextPaint(() => prefetchAround(list)),
        ),
      ),
    refresh,
    move: (delta) => moveTo(get().lists[get().view].selectedIndex + delta),
    select: (index) => moveTo(index),
    showRange: (start, end) => {
      const view = get().view;
      if (covers(get().lists[view], start, end)) return;
      void inQueueOrder(() =>
        covers(get().lists[view], start, end) ? undefined : fetchWindow(view, Math.floor((start + end) / 2)),
      );
    },
    lookAhead,
    open: (request) => {
      set({ opened: request });
      void useTriage.getState().load(request.id);
    },
    closeOpened: () => set({ opened: null }),
    leave: (requestId) => {
      hidden.add(requestId);
      updateList(get().view, (list) => removeRequest(list, requestId));
    },
    answered: (view, request) => {
      updateList(view, (list) => replaceRequest(list, request));
      if (get().opened?.id === request.id) set({ opened: request });
    },
    settled: (requestId) => {
      hidden.delete(requestId);
      refresh();
    },
    showAgain: (requestId, request) => {
      if (get().opened?.id === requestId && request) set({ opened: request });
      return fetchWindow(get().view, get().lists[get().view].selectedIndex, requestId, requestId);
    },
  };
});

/** The suggestions for the current request and the next few are fetched before the operator gets there. */
function prefetchAround(list: ViewList): void {
  const ids: string[] = [];
  for (let i = list.selectedIndex; i < list.selectedIndex + 4; i++) {
    const request = itemAt(list, i);
    if (request) ids.push(request.id);
  }
  useTriage.getState().prefetch(ids);
}

/** The request the keys act on: the one opened from the palette, else the one under the cursor. */
export function useCurrentRequest(): LocalRequest | null {
  return useQueue((s) => s.opened ?? selectedItem(s.lists[s.view]));
}

/** Non-hook access for key handlers. */
export function currentRequest(): LocalRequest | null {
  const s = useQueue.getState();
  return s.opened ?? selectedItem(s.lists[s.view]);
}
