import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** Which layer has the keyboard: the queue itself or one overlay at a time. */
export type UiMode =
  | 'normal'
  | 'category-picker'
  | 'unit-picker'
  | 'reply'
  | 'note'
  | 'reject-answer'
  | 'relay-phone'
  | 'relay-public'
  | 'callback'
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
  | 'audit'
  | 'sign-out';
export type Theme = 'dark' | 'light';
/** The languages the workstation speaks (renderer/src/i18n/). */
export type Locale = 'zh-CN' | 'en';

interface UiState {
  mode: UiMode;
  locale: Locale;
  theme: Theme;
  open(mode: UiMode): void;
  close(): void;
  toggleHelp(): void;
  toggleTheme(): void;
  toggleLocale(): void;
}

export const useUi = create<UiState>()(
  persist(
    (set, get) => ({
      mode: 'normal',
      locale: 'zh-CN',
      theme: 'dark',
      open: (mode) => set({ mode }),
      close: () => set({ mode: 'normal' }),
      toggleHelp: () => set({ mode: get().mode === 'help' ? 'normal' : 'help' }),
      toggleTheme: () => set({ theme: get().theme === 'dark' ? 'light' : 'dark' }),
      toggleLocale: () => set({ locale: get().locale === 'zh-CN' ? 'en' : 'zh-CN' }),
    }),
    {
      name: 'yiwang.ui',
      storage: createJSONStorage(() => localStorage),
      // Only preferences survive a reload; an overlay never does.
      partialize: (s) => ({ locale: s.locale, theme: s.theme }),
    },
  ),
);
