import { useEffect, useLayoutEffect, useRef } from 'react';
import type { KeyAction, KeyScope } from './keymap';

/** What a view or dialog does with the keys of its scope. */
export interface ScopeKeys {
  /** Carries out one of the scope's actions; false leaves the key to the page (a list's own scrolling, typing). */
  run(action: KeyAction, event: KeyboardEvent): boolean | void;
  /** Sees every key before the keymap does (settings, waiting for a new key); true when it took the key. */
  raw?(chord: string, event: KeyboardEvent): boolean;
}

interface OpenScope {
  scope: KeyScope;
  keys: { current: ScopeKeys };
}

/** Views and dialogs with the keys, the last opened on top: only the top one hears them. */
const open: OpenScope[] = [];

/** The scope that has the keys now; null while the queue itself has them. */
export function scopeOnTop(): OpenScope | null {
  return open[open.length - 1] ?? null;
}

/** Gives this view or dialog the keys of `scope` for as long as it is shown. */
export function useKeyScope(scope: KeyScope, keys: ScopeKeys): void {
  const latest = useRef(keys);
  useLayoutEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    const entry: OpenScope = { scope, keys: latest };
    open.push(entry);
    return () => void open.splice(open.indexOf(entry), 1);
  }, [scope]);
}
