import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import {
  effectiveKeymap,
  type KeyAction,
  type KeyBinding,
  type KeyOverrides,
  type KeySequence,
} from '../keyboard/keymap';

interface KeymapState {
  overrides: KeyOverrides;
  /** The keymap in force: defaults with the operator's remappings. */
  bindings: KeyBinding[];
  remap(action: KeyAction, keys: readonly KeySequence[]): void;
  reset(action: KeyAction): void;
}

/** Remapped keys, kept in this browser profile across restarts. */
export const useKeymap = create<KeymapState>()(
  persist(
    (set, get) => ({
      overrides: {},
      bindings: effectiveKeymap({}),
      remap: (action, keys) => {
        const overrides = { ...get().overrides, [action]: keys };
        set({ overrides, bindings: effectiveKeymap(overrides) });
      },
      reset: (action) => {
        const { [action]: _dropped, ...overrides } = get().overrides;
        set({ overrides, bindings: effectiveKeymap(overrides) });
      },
    }),
    {
      name: 'yiwang.keymap',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ overrides: s.overrides }),
      merge: (persisted, current) => {
        const overrides = (persisted as { overrides?: KeyOverrides } | undefined)?.overrides ?? {};
        return { ...current, overrides, bindings: effectiveKeymap(overrides) };
      },
    },
  ),
);
