import { useEffect } from 'react';
import { useKeymap } from '../store/keymap-store';
import { currentRequest } from '../store/queue-store';
import { useUi } from '../store/ui-store';
import { keyPressed } from '../triage/handling-measure';
import { markKey } from '../triage/paint-timing';
import { matchSequence, type SequenceStep } from './key-sequence';
import { chordOf, type KeyAction } from './keymap';
import { runAction } from './run-action';

const SEQUENCE_TIMEOUT_MS = 1200;
/** Actions after which another request may be on screen: their key starts the paint timer. */
const BRINGS_NEXT: ReadonlySet<KeyAction> = new Set([
  'next',
  'previous',
  'acceptSuggestion',
  'junk',
  'snooze',
  'escalate',
]);

function isAction(step: SequenceStep, action: KeyAction): boolean {
  return step.kind === 'action' && step.action === action;
}

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
      if (BRINGS_NEXT.has(action)) markKey(currentRequest()?.id ?? null);
      runAction(action);
    };

    // Every key counts toward the current request's handling, in overlays and fields too.
    const count = (event: KeyboardEvent) => {
      const request = currentRequest();
      if (request && !event.repeat && chordOf(event) !== null) keyPressed(request.id);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      const chord = chordOf(event);
      if (event.isComposing || chord === null) return;
      const bindings = useKeymap.getState().bindings;
      const mode = useUi.getState().mode;
      if (mode !== 'normal') {
        // Overlays with a field handle their own keys; these reach here only from outside the field.
        if (event.key === 'Escape') fire(event, 'close');
        else if (mode === 'help' && isAction(matchSequence(bindings, [chord]), 'help')) fire(event, 'help');
        return;
      }
      if (isTyping(event.target)) return reset();

      typed.push(chord);
      let step = matchSequence(bindings, typed);
      if (step.kind === 'none' && typed.length > 1) {
        // An abandoned prefix ("g" then "a"): the new key counts on its own.
        typed = [chord];
        step = matchSequence(bindings, typed);
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

    window.addEventListener('keydown', count, { capture: true });
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', count, { capture: true });
      window.removeEventListener('keydown', onKeyDown);
      clearTimeout(timer);
    };
  }, []);
}
