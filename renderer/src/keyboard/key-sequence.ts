import type { KeyAction, KeyBinding, KeySequence } from './keymap';

export type SequenceStep = { kind: 'action'; action: KeyAction } | { kind: 'pending' } | { kind: 'none' };

/**
 * Matches the keys typed so far against the keymap: a complete binding fires, a prefix of one
 * (the "g" of "g j") waits for the next key, anything else is dropped.
 */
export function matchSequence(keymap: readonly KeyBinding[], typed: KeySequence): SequenceStep {
  for (const binding of keymap) {
    if (binding.keys.some((seq) => sameKeys(seq, typed))) return { kind: 'action', action: binding.action };
  }
  const isPrefix = keymap.some((b) =>
    b.keys.some((seq) => seq.length > typed.length && sameKeys(seq.slice(0, typed.length), typed)),
  );
  return isPrefix ? { kind: 'pending' } : { kind: 'none' };
}

function sameKeys(a: KeySequence, b: KeySequence): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}
