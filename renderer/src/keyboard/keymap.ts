import { REPLY_TEMPLATES } from '../../../shared/replies/reply-templates';
import type { MessageId } from '../i18n/translate';

/** The number keys 1–9 that set the category to a first-level one. */
export const CATEGORY_SLOTS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type CategorySlot = (typeof CATEGORY_SLOTS)[number];

/** Everything the keyboard can do in the workstation. */
export type KeyAction =
  | 'next'
  | 'previous'
  | 'acceptSuggestion'
  | 'accept'
  | `category${CategorySlot}`
  | 'classify'
  | 'transfer'
  | `template${number}`
  | 'noReply'
  | 'editReply'
  | 'junk'
  | 'merge'
  | 'linkCitizen'
  | 'escalate'
  | 'snooze'
  | 'note'
  | 'viewImage'
  | 'undo'
  | 'toggleSelect'
  | 'selectDown'
  | 'selectUp'
  | 'palette'
  | 'search'
  | 'syncNow'
  | 'goQueue'
  | 'goJunk'
  | 'goDone'
  | 'help'
  | 'settings'
  | 'close'
  | 'toggleTheme'
  | 'toggleLocale'
  | 'ledgerExport'
  | 'supervision'
  | 'handover'
  | 'goConflicts'
  | 'signOut';

/**
 * A key sequence: each step is a KeyboardEvent.key value, or "Mod+k" for Ctrl (Cmd on a Mac)
 * with a key. ['g', 'j'] means g, then j.
 */
export type KeySequence = readonly string[];

export interface KeyBinding {
  action: KeyAction;
  /** Alternatives, each a sequence. */
  keys: readonly KeySequence[];
  description: MessageId;
  /** Filled into the description, e.g. the template's number. */
  params?: Record<string, string | number>;
}

/** The one table of keys: the handler dispatches from it, the help overlay and the palette list it, settings remap it. */
export const KEYMAP: readonly KeyBinding[] = [
  { action: 'next', keys: [['j'], ['ArrowDown']], description: 'key.next' },
  { action: 'previous', keys: [['k'], ['ArrowUp']], description: 'key.previous' },
  { action: 'acceptSuggestion', keys: [['Enter']], description: 'key.acceptSuggestion' },
  { action: 'accept', keys: [['a']], description: 'key.accept' },
  ...CATEGORY_SLOTS.map((n): KeyBinding => ({
    action: `category${n}`,
    keys: [[String(n)]],
    description: 'key.categorySlot',
    params: { n },
  })),
  { action: 'classify', keys: [['c']], description: 'key.classify' },
  { action: 'transfer', keys: [['t']], description: 'key.transfer' },
  ...REPLY_TEMPLATES.map((template): KeyBinding => ({
    action: `template${template.slot}`,
    keys: [['r', String(template.slot)]],
    description: 'key.template',
    params: { n: template.slot },
  })),
  { action: 'noReply', keys: [['r', '0']], description: 'key.noReply' },
  { action: 'editReply', keys: [['r', 'r']], description: 'key.editReply' },
  { action: 'junk', keys: [['d']], description: 'key.junk' },
  { action: 'merge', keys: [['m']], description: 'key.merge' },
  { action: 'linkCitizen', keys: [['l']], description: 'key.linkCitizen' },
  { action: 'escalate', keys: [['e']], description: 'key.escalate' },
  { action: 'snooze', keys: [['s']], description: 'key.snooze' },
  { action: 'note', keys: [['n']], description: 'key.note' },
  { action: 'viewImage', keys: [['i']], description: 'key.viewImage' },
  { action: 'undo', keys: [['z']], description: 'key.undo' },
  { action: 'toggleSelect', keys: [['x']], description: 'key.toggleSelect' },
  { action: 'selectDown', keys: [['J']], description: 'key.selectDown' },
  { action: 'selectUp', keys: [['K']], description: 'key.selectUp' },
  { action: 'palette', keys: [['Mod+k']], description: 'key.palette' },
  { action: 'search', keys: [['/']], description: 'key.search' },
  { action: 'syncNow', keys: [['S']], description: 'key.syncNow' },
  { action: 'goQueue', keys: [['g', 'q']], description: 'key.goQueue' },
  { action: 'goJunk', keys: [['g', 'j']], description: 'key.goJunk' },
  { action: 'goDone', keys: [['g', 'd']], description: 'key.goDone' },
  { action: 'help', keys: [['?']], description: 'key.help' },
  { action: 'settings', keys: [[',']], description: 'key.settings' },
  { action: 'close', keys: [['Escape']], description: 'key.close' },
  { action: 'toggleTheme', keys: [['T']], description: 'key.toggleTheme' },
  { action: 'toggleLocale', keys: [['L']], description: 'key.toggleLocale' },
  { action: 'ledgerExport', keys: [['g', 'l']], description: 'key.ledgerExport' },
  { action: 'supervision', keys: [['g', 's']], description: 'key.supervision' },
  { action: 'handover', keys: [['g', 'h']], description: 'key.handover' },
  { action: 'goConflicts', keys: [['g', 'c']], description: 'key.goConflicts' },
  { action: 'signOut', keys: [['g', 'o']], description: 'key.signOut' },
];

/** Operator's remappings: an action's keys replaced by their own. */
export type KeyOverrides = Partial<Record<KeyAction, readonly KeySequence[]>>;

/** The keymap with the operator's remappings applied. */
export function effectiveKeymap(overrides: KeyOverrides): KeyBinding[] {
  return KEYMAP.map((binding) => ({ ...binding, keys: overrides[binding.action] ?? binding.keys }));
}

/** A key press as a keymap step, or null for a lone modifier. */
export function chordOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): string | null {
  if (['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'].includes(event.key)) return null;
  if (event.ctrlKey || event.metaKey) return `Mod+${event.key.toLowerCase()}`;
  if (event.altKey) return `Alt+${event.key}`;
  return event.key;
}

/** How a key is printed in the help overlay and the palette. */
export function keyLabel(key: string): string {
  const labels: Record<string, string> = {
    ArrowDown: '↓',
    ArrowUp: '↑',
    Escape: 'Esc',
    Enter: 'Enter',
    'Mod+k': 'Ctrl/⌘+K',
  };
  if (labels[key]) return labels[key];
  if (/^[A-Z]$/.test(key)) return `Shift+${key}`;
  return key.replace(/^Mod\+/, 'Ctrl+');
}

/** "g then q" as one short string, for hints. */
export function sequenceLabel(sequence: KeySequence): string {
  return sequence.map(keyLabel).join(' ');
}
