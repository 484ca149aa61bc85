import type { LocalRequest, QueueView, QueueWindow } from '../../../shared/api/workstation-api';
import type { Request, RequestStatus } from '../../../shared/model';
import { inQueue } from '../../../shared/queue/unit-news';

/** The views the operator works in: the queue, junk, and what is done. */
export type WorkView = Exclude<QueueView, 'all'>;

const DONE: readonly RequestStatus[] = ['transferred', 'replied', 'closed', 'merged'];

/**
 * Whether a view shows the request (snoozes aside), as the host's views do: the queue what waits for an
 * operator or has news from its unit (shared/queue/unit-news.ts); a decision leading elsewhere takes the
 * request out of the view at once.
 */
export function viewShows(view: WorkView, request: Request): boolean {
  if (view === 'junk') return request.status === 'junk';
  return view === 'queue' ? inQueue(request) : DONE.includes(request.status) && !inQueue(request);
}

/**
 * One view of the queue as the renderer holds it: the whole view's length, and a window of rows
 * around where the operator is. Thousands of requests never cross the bridge at once; the
 * virtualised list asks for another window as it scrolls.
 */
export interface ViewList {
  total: number;
  /** Position in the view of items[0]. */
  offset: number;
  items: LocalRequest[];
  /** Position in the view, not in items. */
  selectedIndex: number;
  selectedId: string | null;
  loaded: boolean;
  /** The moment (epoch ms) the window's order is for: the rows' deadline labels are at least that late. */
  at: number;
}

export const emptyList: ViewList = {
  total: 0,
  offset: 0,
  items: [],
  selectedIndex: 0,
  selectedId: null,
  loaded: false,
  at: 0,
};

export function itemAt(list: ViewList, index: number): LocalRequest | null {
  return list.items[index - list.offset] ?? null;
}

export function selectedItem(list: ViewList): LocalRequest | null {
  return itemAt(list, list.selectedIndex);
}

/** Whether the window holds the rows from `start` to `end` (or all there are). */
export function covers(list: ViewList, start: number, end: number): boolean {
  const last = Math.min(end, list.total - 1);
  return list.loaded && start >= list.offset && last < list.offset + list.items.length;
}

/**
 * Takes a fresh window and keeps the operator's place: the same request if it is still there,
 * else whatever now sits where it was — the next request after one that left the view. Requests
 * this renderer already took out of the view (decided, not yet confirmed) stay out.
 */
export function reconcile(
  list: ViewList,
  window: QueueWindow,
  hidden: ReadonlySet<string>,
  preferId: string | null = null,
): ViewList {
  // Unchanged requests keep their object, so their rows do not render again.
  const held = new Map(list.items.map((r) => [r.id, r]));
  const items = window.items
    .filter((r) => !hidden.has(r.id))
    .map((r) => {
      const old = held.get(r.id);
      return old &&
        old.version === r.version &&
        old.pending === r.pending &&
        old.rejection?.message === r.rejection?.message &&
        old.updatedAt === r.updatedAt &&
        old.claim?.operatorId === r.claim?.operatorId
        ? old
        : r;
    });
  const total = Math.max(items.length, window.total - (window.items.length - items.length));
  const next: ViewList = {
    total,
    offset: window.offset,
    items,
    selectedIndex: list.selectedIndex,
    selectedId: list.selectedId,
    loaded: true,
    at: Date.parse(window.at),
  };
  const wanted = [preferId, list.selectedId].find((id) => id !== null && items.some((r) => r.id === id));
  if (wanted) return selectIndex(next, window.offset + items.findIndex((r) => r.id === wanted));
  return selectIndex(next, list.selectedIndex);
}

export function selectIndex(list: ViewList, index: number): ViewList {
  const clamped = Math.min(Math.max(0, index), Math.max(0, list.total - 1));
  return { ...list, selectedIndex: clamped, selectedId: itemAt(list, clamped)?.id ?? null };
}

/** Shows the host's answer to a decision at once, before the window is fetched again. */
export function replaceRequest(list: ViewList, request: LocalRequest): ViewList {
  if (!list.items.some((r) => r.id === request.id)) return list;
  return { ...list, items: list.items.map((r) => (r.id === request.id ? request : r)) };
}

/** Takes a decided request out of the view at once; the cursor lands on the request after it. */
export function removeRequest(list: ViewList, id: string): ViewList {
  const at = list.items.findIndex((r) => r.id === id);
  if (at < 0) return list;
  const position = list.offset + at;
  const items = list.items.filter((r) => r.id !== id);
  const shrunk = { ...list, items, total: Math.max(0, list.total - 1) };
  return selectIndex(shrunk, position < list.selectedIndex ? list.selectedIndex - 1 : list.selectedIndex);
}
