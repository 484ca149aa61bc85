import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Locale, MessageId } from '../i18n/translate';

/** Which layer has the keyboard: the queue itself or one overlay at a time. */
export type UiMode =
  | 'normal'
  | 'category-picker'
  | 'unit-picker'
  | 'reply'
  | 'note'
  | 'merge-picker'
  | 'link-picker'
  | 'palette'
  | 'search'
  | 'settings'
  | 'help'
  | 'media-viewer'
  | 'ledger-export'
  | 'supervision'
  | 'handover'
  | 'take-over'
  | 'conflicts'
  | 'sign-out';
export type Theme = 'dark' | 'light';

export interface Notice {
  id: MessageId;
  params?: Record<string, string | number>;
  tone: 'info' | 'error';
}

interface UiState {
  mode: UiMode;
  locale: Locale;
  theme: Theme;
  notice: Notice | null;
  open(mode: UiMode): void;
  close(): void;
  toggleHelp(): void;
  toggleTheme(): void;
  toggleLocale(): void;
  notify(notice: Notice): void;
}

const NOTICE_MS = 4000;
let noticeTimer: ReturnType<typeof setTimeout> | undefined;

export const useUi = create<UiState>()(
  persist(
    (set, get) => ({
      mode: 'normal',
      locale: 'zh-CN',
      theme: 'dark',
      notice: null,
      open: (mode) => set({ mode }),
      close: () => set({ mode: 'normal' }),
      toggleHelp: () => set({ mode: get().mode === 'help' ? 'normal' : 'help' }),
      toggleTheme: () => set({ theme: get().theme === 'dark' ? 'light' : 'dark' }),
      toggleLocale: () => set({ locale: get().locale === 'zh-CN' ? 'en' : 'zh-CN' }),
      notify: (notice) => {
        clearTimeout(noticeTimer);
        set({ notice });
        noticeTimer = setTimeout(() => set({ notice: null }), NOTICE_MS);
      },
    }),
    {
      name: 'yiwang.ui',
      storage: createJSONStorage(() => localStorage),
      // Only preferences survive a reload; an overlay or a notice never does.
      partialize: (s) => ({ locale: s.locale, theme: s.theme }),
    },
  ),
);

/** Reports a failed host call to the operator without interrupting the keyboard flow. */
export function notifyFailure(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  useUi.getState().notify({ id: 'notice.failed', params: { message }, tone: 'error' });
}
