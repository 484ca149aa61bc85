import { create } from 'zustand';
import type { TodayCounter } from '../../../shared/api/workstation-api';
import { call } from '../bridge/call';

interface StatsState {
  today: TodayCounter | null;
  /** Asks the host again soon; a run of decisions asks once. */
  load(): void;
}

const SETTLE_MS = 300;
let timer: ReturnType<typeof setTimeout> | undefined;

/** The live counter: requests handled today and the median seconds each took. */
export const useStats = create<StatsState>()((set) => ({
  today: null,
  load: () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      call('stats.today', {})
        .then((today) => set({ today }))
        .catch(() => undefined);
    }, SETTLE_MS);
  },
}));
