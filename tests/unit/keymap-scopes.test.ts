import { describe, expect, it } from 'vitest';
import { matchSequence } from '../../renderer/src/keyboard/key-sequence';
import {
  bindingsIn,
  chordOf,
  effectiveKeymap,
  KEY_SCOPES,
  KEYMAP,
  mayBind,
  type KeyScope,
} from '../../renderer/src/keyboard/keymap';

const SCOPES = Object.keys(KEY_SCOPES) as KeyScope[];
const press = (scope: KeyScope, keys: string[], bindings = KEYMAP) => matchSequence(bindingsIn(scope, bindings), keys);
const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) =>
  chordOf({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('one keymap for every view and dialog', () => {
  it('lists each action once, and every scope borrows only actions the keymap has', () => {
    const actions = KEYMAP.map((b) => b.action);
    expect(new Set(actions).size).toBe(actions.length);
    for (const scope of SCOPES) for (const action of KEY_SCOPES[scope].borrows) expect(actions).toContain(action);
  });

  it('never gives one key two actions in the same scope', () => {
    for (const scope of SCOPES) {
      const keys = bindingsIn(scope, KEYMAP).flatMap((b) => b.keys.map((sequence) => sequence.join(' ')));
      expect({ scope, keys: [...new Set(keys)].length }).toEqual({ scope, keys: keys.length });
    }
  });

  it("leaves a text field's typing keys to the field: its own actions use keys that type nothing", () => {
    for (const binding of KEYMAP.filter((b) => KEY_SCOPES[b.scope].field))
      for (const sequence of binding.keys)
        expect({ action: binding.action, ok: mayBind(binding, sequence[0]!) }).toEqual({
          action: binding.action,
          ok: true,
        });
    const submit = KEYMAP.find((b) => b.action === 'textSubmit')!;
    expect(mayBind(submit, 'q')).toBe(false);
    expect(mayBind(submit, 'Mod+enter')).toBe(true);
    expect(
      mayBind(
        KEYMAP.find((b) => b.action === 'remind')!,
        'q',
      ),
    ).toBe(true);
  });

  it('gives a key the meaning of the scope on top: Enter, m and 1 differ by dialog', () => {
    expect(press('workstation', ['Enter'])).toEqual({ kind: 'action', action: 'acceptSuggestion' });
    expect(press('text', ['Enter'])).toEqual({ kind: 'action', action: 'textSubmit' });
    expect(press('text', ['Shift+Enter'])).toEqual({ kind: 'none' });
    expect(press('picker', ['Enter'])).toEqual({ kind: 'action', action: 'pickerChoose' });
    expect(press('workstation', ['m'])).toEqual({ kind: 'action', action: 'merge' });
    expect(press('supervision', ['m'])).toEqual({ kind: 'action', action: 'remind' });
    expect(press('conflicts', ['1'])).toEqual({ kind: 'action', action: 'keepTheirs' });
    expect(press('category-picker', ['1'])).toEqual({ kind: 'action', action: 'category1' });
    expect(press('picker', ['1'])).toEqual({ kind: 'none' });
  });

  it('lets a dialog use the queue keys it borrows, sequences included', () => {
    expect(press('conflicts', ['j'])).toEqual({ kind: 'action', action: 'next' });
    expect(press('conflicts', ['g'])).toEqual({ kind: 'pending' });
    expect(press('conflicts', ['g', 'q'])).toEqual({ kind: 'action', action: 'goQueue' });
    expect(press('conflicts', ['d'])).toEqual({ kind: 'none' });
    expect(press('media', ['i'])).toEqual({ kind: 'action', action: 'viewImage' });
  });

  it('carries a remapped key into every scope that borrows it, and drops the old one', () => {
    const remapped = effectiveKeymap({ next: [['n']], remind: [['Mod+r']] });
    expect(press('supervision', ['n'], remapped)).toEqual({ kind: 'action', action: 'next' });
    expect(press('settings', ['n'], remapped)).toEqual({ kind: 'action', action: 'next' });
    expect(press('supervision', ['j'], remapped)).toEqual({ kind: 'none' });
    expect(press('supervision', ['Mod+r'], remapped)).toEqual({ kind: 'action', action: 'remind' });
  });
});

describe('a key press as a keymap step', () => {
  it('keeps Shift in the character, names it for named keys, and folds Ctrl and Cmd together', () => {
    expect(key('J', { shiftKey: true })).toBe('J');
    expect(key('?', { shiftKey: true })).toBe('?');
    expect(key('Enter', { shiftKey: true })).toBe('Shift+Enter');
    expect(key('Tab', { shiftKey: true })).toBe('Shift+Tab');
    expect(key('K', { ctrlKey: true, shiftKey: true })).toBe('Mod+k');
    expect(key('k', { metaKey: true })).toBe('Mod+k');
    expect(key('Shift', { shiftKey: true })).toBeNull();
  });
});
