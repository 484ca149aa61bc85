import { TEMPLATE_KEYS } from '../../../shared/replies/reply-templates';
import type { MessageId } from '../i18n/translate';

/** The number keys 1–9 that set the category to a first-level one. */
export const CATEGORY_SLOTS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type CategorySlot = (typeof CATEGORY_SLOTS)[number];

/** Everything the keyboard can do over the queue. */
type WorkstationAction =
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
  | 'rejectAnswer'
  | 'relayByPhone'
  | 'relayPublicly'
  | 'recordCallback'
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
  | 'auditLog'
  | 'signOut';

/** What the keyboard can do in one view or dialog over the queue. */
type ScopedAction =
  | 'textSubmit'
  | 'textCancel'
  | 'pickerNext'
  | 'pickerPrevious'
  | 'pickerChoose'
  | 'pickerCancel'
  | 'remapKey'
  | 'resetKey'
  | 'imageNext'
  | 'imagePrevious'
  | 'remind'
  | 'supervisionRefresh'
  | 'switchPane'
  | 'dayEarlier'
  | 'dayLater'
  | 'dayToday'
  | 'ledgerScope'
  | 'formatXlsx'
  | 'formatCsv'
  | 'formatPdf'
  | 'ledgerRun'
  | 'takeOverConfirm'
  | 'takeOverCancel'
  | 'keepTheirs'
  | 'mineAsNote'
  | 'reopenConflict'
  | 'auditOlder'
  | 'auditExport';

export type KeyAction = WorkstationAction | ScopedAction;

/** Where keys work: over the queue, or in one view or dialog shown over it (which then has every key). */
export type KeyScope =
  | 'workstation'
  | 'text'
  | 'picker'
  | 'category-picker'
  | 'help'
  | 'overlay'
  | 'settings'
  | 'media'
  | 'supervision'
  | 'ledger'
  | 'take-over'
  | 'conflicts'
  | 'audit';

interface ScopeInfo {
  /** Its heading in help and settings. */
  title: MessageId;
  /** Actions of other scopes whose keys work here too: one key for one idea everywhere (j moves down in every list). */
  borrows: readonly KeyAction[];
  /** A text field has the keys: its own actions take only keys that type nothing (Enter, Esc, arrows, Ctrl+…). */
  field?: boolean;
}

const PICKER_KEYS: readonly KeyAction[] = ['pickerNext', 'pickerPrevious', 'pickerChoose', 'pickerCancel'];

export const KEY_SCOPES: Record<KeyScope, ScopeInfo> = {
  workstation: { title: 'scope.workstation', borrows: [] },
  text: { title: 'scope.text', borrows: [], field: true },
  picker: { title: 'scope.picker', borrows: [], field: true },
  'category-picker': {
    title: 'scope.picker',
    borrows: [...PICKER_KEYS, ...CATEGORY_SLOTS.map((n): KeyAction => `category${n}`)],
    field: true,
  },
  help: { title: 'scope.workstation', borrows: ['help', 'close'] },
  overlay: { title: 'scope.workstation', borrows: ['close'] },
  settings: { title: 'scope.settings', borrows: ['next', 'previous', 'toggleTheme', 'toggleLocale', 'close'] },
  media: { title: 'scope.media', borrows: ['viewImage', 'close'] },
  supervision: { title: 'scope.supervision', borrows: ['next', 'previous', 'close'] },
  ledger: { title: 'scope.ledger', borrows: ['close'] },
  'take-over': { title: 'scope.takeOver', borrows: [] },
  audit: { title: 'scope.audit', borrows: ['next', 'previous', 'close'] },
  conflicts: {
    title: 'scope.conflicts',
    // Leaving for the other views and the tools that work anywhere.
    borrows: [
      'next',
      'previous',
      'close',
      'goQueue',
      'goJunk',
      'goDone',
      'help',
      'palette',
      'search',
      'syncNow',
      'handover',
      'signOut',
    ],
  },
};

/**
 * A key sequence: each step is a KeyboardEvent.key value, or "Mod+k" for Ctrl (Cmd on a Mac)
 * with a key. ['g', 'j'] means g, then j.
 */
export type KeySequence = readonly string[];

export interface KeyBinding {
  action: KeyAction;
  /** Where the action belongs; other scopes may borrow it (KEY_SCOPES). */
  scope: KeyScope;
  /** Alternatives, each a sequence. */
  keys: readonly KeySequence[];
  description: MessageId;
  /** Filled into the description, e.g. the template's number. */
  params?: Record<string, string | number>;
}

type Entry = Omit<KeyBinding, 'scope'>;
const inScope = (scope: KeyScope, entries: readonly Entry[]): KeyBinding[] =>
  entries.map((entry) => ({ ...entry, scope }));

/**
 * The one table of keys, scope by scope: the dispatcher matches keys from it, the help overlay,
 * the palette and the dialogs' hints list it, settings remap it.
 */
export const KEYMAP: readonly KeyBinding[] = [
  ...inScope('workstation', [
    { action: 'next', keys: [['j'], ['ArrowDown']], description: 'key.next' },
    { action: 'previous', keys: [['k'], ['ArrowUp']], description: 'key.previous' },
    { action: 'acceptSuggestion', keys: [['Enter']], description: 'key.acceptSuggestion' },
    { action: 'accept', keys: [['a']], description: 'key.accept' },
    ...CATEGORY_SLOTS.map((n): Entry => ({
      action: `category${n}`,
      keys: [[String(n)]],
      description: 'key.categorySlot',
      params: { n },
    })),
    { action: 'classify', keys: [['c']], description: 'key.classify' },
    { action: 'transfer', keys: [['t']], description: 'key.transfer' },
    // r 1 … r 9: the centre's templates in its order, whatever they say (renderer/src/store/templates-store.ts).
    ...Array.from({ length: TEMPLATE_KEYS }, (_, i): Entry => ({
      action: `template${i + 1}`,
      keys: [['r', String(i + 1)]],
      description: 'key.template',
      params: { n: i + 1 },
    })),
    { action: 'noReply', keys: [['r', '0']], description: 'key.noReply' },
    { action: 'editReply', keys: [['r', 'r']], description: 'key.editReply' },
    { action: 'rejectAnswer', keys: [['u']], description: 'key.rejectAnswer' },
    { action: 'relayByPhone', keys: [['p']], description: 'key.relayByPhone' },
    { action: 'relayPublicly', keys: [['P']], description: 'key.relayPublicly' },
    { action: 'recordCallback', keys: [['v']], description: 'key.recordCallback' },
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
    { action: 'auditLog', keys: [['g', 'e']], description: 'key.auditLog' },
    { action: 'signOut', keys: [['g', 'o']], description: 'key.signOut' },
  ]),
  ...inScope('text', [
    { action: 'textSubmit', keys: [['Enter']], description: 'key.textSubmit' },
    { action: 'textCancel', keys: [['Escape']], description: 'key.textCancel' },
  ]),
  ...inScope('picker', [
    { action: 'pickerNext', keys: [['ArrowDown']], description: 'key.pickerNext' },
    { action: 'pickerPrevious', keys: [['ArrowUp']], description: 'key.pickerPrevious' },
    { action: 'pickerChoose', keys: [['Enter']], description: 'key.pickerChoose' },
    { action: 'pickerCancel', keys: [['Escape']], description: 'key.pickerCancel' },
  ]),
  ...inScope('settings', [
    { action: 'remapKey', keys: [['Enter']], description: 'key.remapKey' },
    { action: 'resetKey', keys: [['Backspace']], description: 'key.resetKey' },
  ]),
  ...inScope('media', [
    { action: 'imageNext', keys: [['ArrowRight']], description: 'key.imageNext' },
    { action: 'imagePrevious', keys: [['ArrowLeft']], description: 'key.imagePrevious' },
  ]),
  ...inScope('supervision', [
    { action: 'remind', keys: [['m']], description: 'key.remind' },
    { action: 'supervisionRefresh', keys: [['r']], description: 'key.supervisionRefresh' },
    { action: 'switchPane', keys: [['Tab'], ['Shift+Tab']], description: 'key.switchPane' },
  ]),
  ...inScope('ledger', [
    { action: 'dayEarlier', keys: [['ArrowLeft'], ['h']], description: 'key.dayEarlier' },
    { action: 'dayLater', keys: [['ArrowRight'], ['l']], description: 'key.dayLater' },
    { action: 'dayToday', keys: [['t']], description: 'key.dayToday' },
    { action: 'ledgerScope', keys: [['s']], description: 'key.ledgerScope' },
    { action: 'formatXlsx', keys: [['x']], description: 'key.formatXlsx' },
    { action: 'formatCsv', keys: [['c']], description: 'key.formatCsv' },
    { action: 'formatPdf', keys: [['p']], description: 'key.formatPdf' },
    { action: 'ledgerRun', keys: [['Enter']], description: 'key.ledgerRun' },
  ]),
  ...inScope('take-over', [
    { action: 'takeOverConfirm', keys: [['Enter'], ['y']], description: 'key.takeOverConfirm' },
    { action: 'takeOverCancel', keys: [['Escape'], ['n']], description: 'key.takeOverCancel' },
  ]),
  ...inScope('conflicts', [
    { action: 'keepTheirs', keys: [['1']], description: 'key.keepTheirs' },
    { action: 'mineAsNote', keys: [['2']], description: 'key.mineAsNote' },
    { action: 'reopenConflict', keys: [['3']], description: 'key.reopenConflict' },
  ]),
  ...inScope('audit', [
    { action: 'auditOlder', keys: [['o']], description: 'key.auditOlder' },
    { action: 'auditExport', keys: [['e']], description: 'key.auditExport' },
  ]),
];

/** The bindings in force in a scope: its own, then those it borrows, in the keymap's order. */
export function bindingsIn(scope: KeyScope, bindings: readonly KeyBinding[]): KeyBinding[] {
  const borrowed = new Set(KEY_SCOPES[scope].borrows);
  return [
    ...bindings.filter((b) => b.scope === scope),
    ...bindings.filter((b) => b.scope !== scope && borrowed.has(b.action)),
  ];
}

/** Whether a key may be given to an action: in a text field, a key that types something stays the field's. */
export function mayBind(binding: Pick<KeyBinding, 'scope'>, chord: string): boolean {
  return !(KEY_SCOPES[binding.scope].field && isTypedKey(chord));
}

/** A key that types a character ("a", "1", " "), as opposed to Enter, Escape, the arrows or a chord with Ctrl. */
function isTypedKey(chord: string): boolean {
  return [...chord].length === 1;
}

/** Operator's remappings: an action's keys replaced by their own. */
export type KeyOverrides = Partial<Record<KeyAction, readonly KeySequence[]>>;

/** The keymap with the operator's remappings applied. */
export function effectiveKeymap(overrides: KeyOverrides): KeyBinding[] {
  return KEYMAP.map((binding) => ({ ...binding, keys: overrides[binding.action] ?? binding.keys }));
}

/**
 * A key press as a keymap step, or null for a lone modifier. Shift shows in the key itself for
 * characters (J, ?), and as "Shift+" for named keys (Shift+Enter breaks a line, Shift+Tab goes back).
 */
export function chordOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): string | null {
  if (['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'].includes(event.key)) return null;
  if (event.ctrlKey || event.metaKey) return `Mod+${event.key.toLowerCase()}`;
  if (event.altKey) return `Alt+${event.key}`;
  if (event.shiftKey && [...event.key].length > 1) return `Shift+${event.key}`;
  return event.key;
}

/** How a key is printed in the help overlay and the palette. */
export function keyLabel(key: string): string {
  const labels: Record<string, string> = {
    ArrowDown: '↓',
    ArrowUp: '↑',
    ArrowLeft: '←',
    ArrowRight: '→',
    ' ': 'Space',
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
