import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/api/workstation-api';
import { call } from '../bridge/call';
import { notifyFailure } from './notice-store';

interface SyncState {
  status: SyncStatus | null;
  load(): Promise<void>;
  syncNow(): Promise<void>;
  set(status: SyncStatus): void;
}

export const useSync = create<SyncState>()((set) => ({
  status: null,
  load: async () => {
    try {
      set({ status: await call('sync.status', {}) });
    } catch (error) {
      notifyFailure(error);
    }
  },
  syncNow: async () => {
    try {
      set({ status: await call('sync.now', {}) });
    } catch (error) {
      notifyFailure(error);
    }
  },
  set: (status) => set({ status }),
}));
