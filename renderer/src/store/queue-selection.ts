import type { LocalRequest } from '../../../shared/api/workstation-api';

export interface ViewList {
  items: LocalRequest[];
  selectedId: string | null;
  selectedIndex: number;
  loaded: boolean;
}

export const emptyList: ViewList = { items: [], selectedId: null, selectedIndex: 0, loaded: false };

/**
 * Takes a fresh list and keeps the operator's place: the same request if it is still there,
 * else whatever now sits where it was — the next request after one that left the view.
 */
export function reconcile(list: ViewList, items: LocalRequest[], preferId: string | null = null): ViewList {
  const wanted = [preferId, list.selectedId].find((id) => id !== null && items.some((r) => r.id === id));
  const index = wanted ? items.findIndex((r) => r.id === wanted) : Math.min(list.selectedIndex, Math.max(0, items.length - 1));
  return { items, selectedIndex: index, selectedId: items[index]?.id ?? null, loaded: true };
}

export function selectIndex(list: ViewList, index: number): ViewList {
  if (list.items.length === 0) return list;
  const clamped = Math.min(Math.max(0, index), list.items.length - 1);
  return { ...list, selectedIndex: clamped, selectedId: list.items[clamped]?.id ?? null };
}

/** Shows the host's answer to a decision at once, before the list is fetched again. */
export function replaceRequest(list: ViewList, request: LocalRequest): ViewList {
  return { ...list, items: list.items.map((r) => (r.id === request.id ? request : r)) };
}
