import { create } from 'zustand';
import type { Conflict, ConflictChoice } from '../../../shared/api/workstation-api';
import { call } from '../bridge/call';
import { orderedCalls } from './host-chain';
import { notifyFailure, notify, type NoticeId } from './notice-store';

interface ConflictsState {
  /** Open conflicts, oldest first; null until first loaded. */
  conflicts: Conflict[] | null;
  load(): Promise<void>;
  /** Carries out the operator's choice; the conflict leaves the list. */
  resolve(id: string, choice: ConflictChoice): Promise<void>;
}

const NOTICE: Record<ConflictChoice, NoticeId> = {
  'keep-theirs': 'conflictKeptTheirs',
  'mine-as-note': 'conflictMineAsNote',
  reopen: 'conflictReopened',
};

/** Calls run one at a time in key order; choices already made stay off the list until the host has them. */
const inOrder = orderedCalls();
const resolving = new Set<string>();

export const useConflicts = create<ConflictsState>()((set, get) => {
  const fetchList = async () => {
    const conflicts = await call('conflicts.list', {});
    set({ conflicts: conflicts.filter((c) => !resolving.has(c.id)) });
  };

  return {
    conflicts: null,
    load: () => inOrder(fetchList),
    resolve: (id, choice) => {
      const number = get().conflicts?.find((c) => c.id === id)?.request?.number ?? '';
      // Off the list at once, like a decided request leaving the queue; the host's answer follows.
      resolving.add(id);
      set({ conflicts: (get().conflicts ?? []).filter((c) => c.id !== id) });
      return inOrder(async () => {
        try {
          await call('conflicts.resolve', { id, choice });
          notify(NOTICE[choice], { number });
        } catch (error) {
          notifyFailure(error);
        } finally {
          resolving.delete(id);
        }
        await fetchList();
      });
    },
  };
});
