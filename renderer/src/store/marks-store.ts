import { create } from 'zustand';
import type { LocalRequest } from '../../../shared/api/workstation-api';

interface MarksState {
  /** Requests marked with x / Shift+J / Shift+K: the next decision applies to all of them. */
  marked: ReadonlyMap<string, LocalRequest>;
  toggle(request: LocalRequest): void;
  add(requests: readonly LocalRequest[]): void;
  clear(): void;
}

export const useMarks = create<MarksState>()((set, get) => ({
  marked: new Map(),
  toggle: (request) => {
    const marked = new Map(get().marked);
    if (marked.has(request.id)) marked.delete(request.id);
    else marked.set(request.id, request);
    set({ marked });
  },
  add: (requests) => {
    const marked = new Map(get().marked);
    for (const request of requests) marked.set(request.id, request);
    set({ marked });
  },
  clear: () => {
    if (get().marked.size > 0) set({ marked: new Map() });
  },
}));
