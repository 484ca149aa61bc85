import { useEffect } from 'react';
import { useUi } from '../store/ui-store';
import { matchSequence } from './key-sequence';
import { KEYMAP, type KeyAction } from './keymap';
import { runAction } from './run-action';

const SEQUENCE_TIMEOUT_MS = 1200;
const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock']);

/** Keys typed into a field belong to the field, never to the workstation. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The workstation's keyboard: dispatches the keymap while no overlay or field has the keys. */
export function useGlobalKeys(): void {
  useEffect(() => {
    let typed: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reset = () => {
      typed = [];
      clearTimeout(timer);
    };
    const fire = (event: KeyboardEvent, action: KeyAction) => {
      event.preventDefault();
      reset();
      runAction(action);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || MODIFIER_KEYS.has(event.key)) return;
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return reset();

      const mode = useUi.getState().mode;
      if (mode !== 'normal') {
        // Overlays with a field handle their own keys; these reach here only from outside the field.
        if (event.key === 'Escape') fire(event, 'close');
        else if (mode === 'help' && event.key === '?') fire(event, 'help');
        return;
      }

      typed.push(event.key);
      let step = matchSequence(KEYMAP, typed);
      if (step.kind === 'none' && typed.length > 1) {
        // An abandoned prefix ("g" then "a"): the new key counts on its own.
        typed = [event.key];
        step = matchSequence(KEYMAP, typed);
      }
      if (step.kind === 'action') return fire(event, step.action);
      if (step.kind === 'pending') {
        event.preventDefault();
        clearTimeout(timer);
        timer = setTimeout(reset, SEQUENCE_TIMEOUT_MS);
        return;
      }
      reset();
    };

    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      clearTimeout(timer);
    };
  }, []);
}
