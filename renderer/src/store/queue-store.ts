import { create } from 'zustand';
import type { LocalRequest, QueueView, QueueWindow } from '../../../shared/api/workstation-api';
import type { DecisionAction, RequestStatus } from '../../../shared/model';
import { call } from '../bridge/call';
import { decisionLabel } from '../i18n/decision-label';
import { translator } from '../i18n/translate';
import { measureOf } from '../triage/handling-measure';
import { afterNextPaint } from '../triage/paint-timing';
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
} from './queue-selection';
import { useStats } from './stats-store';
import { othersHolding, useTakeOver } from './take-over-store';
import { useTriage } from './triage-store';
import { notifyFailure, useUi } from './ui-store';

export type WorkView = Exclude<QueueView, 'all'>;

/** What the operator decides for one request; null leaves that request alone. */
export type DecisionPlan = (request: LocalRequest) => DecisionAction[] | null | Promise<DecisionAction[] | null>;

interface QueueState {
  view: WorkView;
  lists: Record<WorkView, ViewList>;
  /** Requests marked with x / Shift+J / Shift+K: the next action applies to all of them. */
  selection: ReadonlyMap<string, LocalRequest>;
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
  /** Decides for the marked requests, or the current one; `advance` moves on to the next request. */
  /** `takeOver`: the operator already confirmed working requests another operator holds. */
  decide(plan: DecisionPlan, options?: { advance?: boolean; takeOver?: boolean }): void;
  undo(): void;
  toggleSelect(): void;
  extendSelection(delta: number): void;
  clearSelection(): void;
  open(request: LocalRequest): void;
  closeOpened(): void;
}

const WINDOW = 240;
/** Fetch a new window before the cursor comes this close to the edge of the one held. */
const MARGIN = 40;

/** Statuses each view shows; a decision leading elsewhere takes the request out of the view at once. */
const VIEW_STATUSES: Record<WorkView, readonly RequestStatus[]> = {
  queue: ['new', 'accepted'],
  junk: ['junk'],
  done: ['transferred', 'replied', 'closed', 'merged'],
};

/** Where a request will stand after the decisions, as far as the view cares. */
function leavesView(view: WorkView, request: LocalRequest, actions: readonly DecisionAction[]): boolean {
  let status = request.status;
  for (const action of actions) {
    if (action.kind === 'snooze' && view === 'queue') return true;
    status = statusAfter(status, action);
  }
  return !VIEW_STATUSES[view].includes(status);
}

function statusAfter(status: RequestStatus, action: DecisionAction): RequestStatus {
  switch (action.kind) {
    case 'accept':
    case 'classify':
    case 'snooze':
      return status === 'new' ? 'accepted' : status;
    case 'transfer':
      return 'transferred';
    case 'reply':
      return status === 'transferred' ? 'transferred' : 'replied';
    case 'recall':
      return 'accepted';
    case 'junk':
      return 'junk';
    case 'restore':
    case 'reopen':
      return 'new';
    case 'close':
      return 'closed';
    case 'merge':
      return 'merged';
    case 'note':
    case 'escalate':
    case 'link-citizen':
      return status;
  }
}

/**
 * Host calls run in key order on one chain, so "d d d" junks three requests rather than one
 * request three times. The screen never waits for them: a decided request leaves the view at once
 * and the host's answer is reconciled after. Host calls are local (IPC or loopback), never the network.
 */
let chain: Promise<void> = Promise.resolve();
function inOrder(task: () => Promise<void> | void): void {
  chain = chain.then(task).catch(notifyFailure);
}

/** Requests taken out of the view here whose decisions the host has not confirmed yet. */
const hidden = new Set<string>();
let refreshWaiting = false;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
const REFRESH_QUIET_MS = 250;
let recheckTimer: ReturnType<typeof setTimeout> | undefined;
const RECHECK_MS = 60_000;
/** A request is overdue only after its due moment: look a little after it. */
const RECHECK_AFTER_CROSSING_MS = 1_000;

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
    if (view === 'queue') recheckAt(window);
  };

  /** The order changes only as requests turn overdue: look again just after the next one does, and at least once a minute. */
  const recheckAt = (window: QueueWindow) => {
    clearTimeout(recheckTimer);
    const crossing =
      window.nextCrossingAt === null ? Infinity : Date.parse(window.nextCrossingAt) + RECHECK_AFTER_CROSSING_MS;
    const when = Math.min(crossing, Date.parse(window.at) + RECHECK_MS);
    recheckTimer = setTimeout(refresh, Math.max(0, when - Date.now()));
  };

  const current = (): LocalRequest | null => get().opened ?? selectedItem(get().lists[get().view]);

  const refresh = () => {
    // Bursts of change events collapse into one fetch, taken in the first pause between keys:
    // the screen is already right (decided rows left at once), so a fetch must never delay a key.
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      if (refreshWaiting) return;
      refreshWaiting = true;
      inOrder(() => {
        refreshWaiting = false;
        // Keep the operator on the request they are reading, even if it moved (turned overdue).
        const list = get().lists[get().view];
        return fetchWindow(get().view, list.selectedIndex, null, list.selectedId);
      });
    }, REFRESH_QUIET_MS);
  };

  /** Prefetches what comes next, and a fresh window before the cursor runs off the one held. */
  const lookAhead = (view: WorkView) => {
    const list = get().lists[view];
    prefetchAround(list);
    if (!covers(list, Math.max(0, list.selectedIndex - MARGIN), list.selectedIndex + MARGIN))
      inOrder(() => fetchWindow(view, get().lists[view].selectedIndex));
  };

  const moveTo = (index: number) => {
    const view = get().view;
    updateList(view, (list) => selectIndex(list, index));
    lookAhead(view);
  };

  /** Sends one request's decisions; the result replaces the row, a refusal shows and the row comes back. */
  const send = (view: WorkView, request: LocalRequest, actions: DecisionAction[]) =>
    inOrder(async () => {
      const measure = measureOf(request.id);
      try {
        const outcome =
          actions.length === 1
            ? await call('request.decide', { requestId: request.id, action: actions[0]!, measure })
            : await call('request.decideAll', { requestId: request.id, actions, measure });
        updateList(view, (list) => replaceRequest(list, outcome.request));
        if (get().opened?.id === request.id) set({ opened: outcome.request });
      } finally {
        hidden.delete(request.id);
        useTriage.getState().forget(request.id);
        useStats.getState().load();
        refresh();
      }
    });

  return {
    view: 'queue',
    lists: { queue: emptyList, junk: emptyList, done: emptyList },
    selection: new Map(),
    opened: null,
    setView: (view) => {
      set({ view, selection: new Map(), opened: null });
      inOrder(() => fetchWindow(view, get().lists[view].selectedIndex));
    },
    // The next requests' suggestions are asked for once the first is painted: the host's first one builds
    // its near-duplicate index, which would take the CPU the paint needs (the shown request's comes from the detail pane).
    load: () =>
      inOrder(() =>
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
      inOrder(() =>
        covers(get().lists[view], start, end) ? undefined : fetchWindow(view, Math.floor((start + end) / 2)),
      );
    },
    decide: (plan, options = {}) => {
      const { advance = false } = options;
      const view = get().view;
      const marked = [...get().selection.values()];
      const targets = marked.length > 0 ? marked : [current()].filter((r): r is LocalRequest => r !== null);
      if (targets.length === 0) {
        useUi.getState().notify({ id: 'notice.noSelection', tone: 'info' });
        return;
      }
      const holders = options.takeOver ? [] : othersHolding(targets);
      if (holders.length > 0)
        return useTakeOver.getState().ask(holders, () => get().decide(plan, { ...options, takeOver: true }));
      if (marked.length > 0) set({ selection: new Map() });
      for (const request of targets) {
        const planned = plan(request);
        if (planned instanceof Promise) {
          // The plan needs the host first (a suggestion not fetched yet): decide in turn, without the optimistic step.
          inOrder(async () => {
            const actions = await planned;
            if (actions && actions.length > 0) send(view, request, actions);
          });
          continue;
        }
        if (!planned || planned.length === 0) continue;
        const fromQueue = get().opened?.id !== request.id;
        if (fromQueue && leavesView(view, request, planned)) {
          hidden.add(request.id);
          updateList(view, (list) => removeRequest(list, request.id));
        } else if (fromQueue && advance && targets.length === 1) {
          moveTo(get().lists[view].selectedIndex + 1);
        }
        send(view, request, planned);
      }
      lookAhead(view);
    },
    undo: () =>
      inOrder(async () => {
        const outcome = await call('request.undo', {});
        if (!outcome.undone) {
          useUi.getState().notify({ id: 'notice.nothingToUndo', tone: 'info' });
          return;
        }
        const t = translator(useUi.getState().locale);
        const how = outcome.how === 'compensated' ? 'notice.undoneCompensated' : 'notice.undone';
        useUi.getState().notify({ id: how, params: { kind: decisionLabel(t, outcome.undone.kind) }, tone: 'info' });
        useTriage.getState().forget(outcome.undone.requestId);
        useStats.getState().load();
        if (get().opened?.id === outcome.undone.requestId && outcome.request) set({ opened: outcome.request });
        await fetchWindow(
          get().view,
          get().lists[get().view].selectedIndex,
          outcome.undone.requestId,
          outcome.undone.requestId,
        );
      }),
    toggleSelect: () => {
      const request = current();
      if (!request) return;
      const selection = new Map(get().selection);
      if (selection.has(request.id)) selection.delete(request.id);
      else selection.set(request.id, request);
      set({ selection });
    },
    extendSelection: (delta) => {
      const request = current();
      if (!request) return;
      const selection = new Map(get().selection);
      selection.set(request.id, request);
      moveTo(get().lists[get().view].selectedIndex + delta);
      const next = current();
      if (next) selection.set(next.id, next);
      set({ selection });
    },
    clearSelection: () => set({ selection: new Map() }),
    open: (request) => {
      set({ opened: request });
      void useTriage.getState().load(request.id);
    },
    closeOpened: () => set({ opened: null }),
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
