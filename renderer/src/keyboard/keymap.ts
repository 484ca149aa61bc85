import type { MessageId } from '../i18n/translate';

/** Everything the keyboard can do in the workstation. */
export type KeyAction =
  | 'next'
  | 'previous'
  | 'accept'
  | 'classify'
  | 'transfer'
  | 'reply'
  | 'junk'
  | 'undo'
  | 'syncNow'
  | 'goQueue'
  | 'goJunk'
  | 'goDone'
  | 'help'
  | 'close'
  | 'toggleTheme'
  | 'toggleLocale';

/** A key sequence as KeyboardEvent.key values: ['g', 'j'] means g, then j. */
export type KeySequence = readonly string[];

export interface KeyBinding {
  action: KeyAction;
  /** Alternatives, each a sequence. */
  keys: readonly KeySequence[];
  description: MessageId;
}

/** The one table of keys: the handler dispatches from it and the help overlay lists it. */
export const KEYMAP: readonly KeyBinding[] = [
  { action: 'next', keys: [['j'], ['ArrowDown']], description: 'key.next' },
  { action: 'previous', keys: [['k'], ['ArrowUp']], description: 'key.previous' },
  { action: 'accept', keys: [['a']], description: 'key.accept' },
  { action: 'classify', keys: [['c']], description: 'key.classify' },
  { action: 'transfer', keys: [['t']], description: 'key.transfer' },
  { action: 'reply', keys: [['r']], description: 'key.reply' },
  { action: 'junk', keys: [['x']], description: 'key.junk' },
  { action: 'undo', keys: [['z']], description: 'key.undo' },
  { action: 'syncNow', keys: [['s']], description: 'key.syncNow' },
  { action: 'goQueue', keys: [['g', 'q']], description: 'key.goQueue' },
  { action: 'goJunk', keys: [['g', 'j']], description: 'key.goJunk' },
  { action: 'goDone', keys: [['g', 'd']], description: 'key.goDone' },
  { action: 'help', keys: [['?']], description: 'key.help' },
  { action: 'close', keys: [['Escape']], description: 'key.close' },
  { action: 'toggleTheme', keys: [['T']], description: 'key.toggleTheme' },
  { action: 'toggleLocale', keys: [['L']], description: 'key.toggleLocale' },
];

/** How a key is printed in the help overlay. */
export function keyLabel(key: string): string {
  const labels: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc', T: 'Shift+T', L: 'Shift+L' };
  return labels[key] ?? key;
}
