import { create } from 'zustand';
import { failureCode } from '../bridge/call';

/** What the workstation tells the operator in passing; shown as `notice.<id>` in the operator's language. */
export type NoticeId =
  | 'failed'
  | 'undone'
  | 'undoneCompensated'
  | 'nothingToUndo'
  | 'noSelection'
  | 'noImage'
  | 'relayWindowClosed'
  | 'noUnitAnswer'
  | 'nothingToRelay'
  | 'notClosed'
  | 'supervisorsOnly'
  | 'adminsOnly'
  | 'reminded'
  | 'conflictKeptTheirs'
  | 'conflictMineAsNote'
  | 'conflictReopened';

export interface Notice {
  id: NoticeId;
  params?: Record<string, string | number>;
  /** The kind of decision the notice is about (an undo), named in the operator's words where shown. */
  decision?: string;
  tone: 'info' | 'error';
}

interface NoticeState {
  notice: Notice | null;
  notify(notice: Notice): void;
}

const NOTICE_MS = 4000;
let timer: ReturnType<typeof setTimeout> | undefined;

/** The one notice in the status bar; a newer one replaces it, and it fades after a few seconds. */
export const useNotices = create<NoticeState>()((set) => ({
  notice: null,
  notify: (notice) => {
    clearTimeout(timer);
    set({ notice });
    timer = setTimeout(() => set({ notice: null }), NOTICE_MS);
  },
}));

/** Tells the operator something in passing, from anywhere (a key handler, a store). */
export function notify(id: NoticeId, params?: Record<string, string | number>): void {
  useNotices.getState().notify({ id, ...(params ? { params } : {}), tone: 'info' });
}

/** Reports a failed host call to the operator without interrupting the keyboard flow. */
export function notifyFailure(error: unknown): void {
  useNotices.getState().notify({ id: 'failed', params: { code: failureCode(error) }, tone: 'error' });
}
