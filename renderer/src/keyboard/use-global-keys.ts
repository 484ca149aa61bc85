import { useEffect } from 'react';
import { useKeymap } from '../store/keymap-store';
import { currentRequest } from '../store/queue-store';
import { useUi } from '../store/ui-store';
import { keyPressed } from '../triage/handling-measure';
import { markKey } from '../triage/paint-timing';
import { matchSequence } from './key-sequence';
import { scopeOnTop, type ScopeKeys } from './key-scope';
import { bindingsIn, chordOf, type KeyAction, type KeyScope } from './keymap';
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

/** An overlay shown with nothing to act on still closes with Esc. */
const BARE_OVERLAY: { scope: KeyScope; keys: { current: ScopeKeys } } = {
  scope: 'overlay',
  keys: { current: { run: (action) => void (action === 'close' && useUi.getState().close()) } },
};

/** Keys typed into a field belong to the field, never to the queue. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The workstation's one keyboard: every key goes through the keymap in force (remappings included),
 * in the scope of the view or dialog on top (keyboard/key-scope.ts), else over the queue.
 */
export function useGlobalKeys(): void {
  useEffect(() => {
    let typed: string[] = [];
    let typedIn: KeyScope | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reset = () => {
      typed = [];
      clearTimeout(timer);
    };

    // Every key counts toward the current request's handling, in overlays and fields too.
    const count = (event: KeyboardEvent) => {
      const request = currentRequest();
      if (request && !event.repeat && chordOf(event) !== null) keyPressed(request.id);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      const chord = chordOf(event);
      if (event.isComposing || chord === null) return;
      const top = scopeOnTop() ?? (useUi.getState().mode === 'normal' ? null : BARE_OVERLAY);
      if (top?.keys.current.raw?.(chord, event)) {
        event.preventDefault();
        return reset();
      }
      if (!top && isTyping(event.target)) return reset();
      const scope = top?.scope ?? 'workstation';
      if (typedIn !== scope) reset();
      typedIn = scope;

      const bindings = bindingsIn(scope, useKeymap.getState().bindings);
      typed.push(chord);
      let step = matchSequence(bindings, typed);
      if (step.kind === 'none' && typed.length > 1) {
        // An abandoned prefix ("g" then "a"): the new key counts on its own.
        typed = [chord];
        step = matchSequence(bindings, typed);
      }
      if (step.kind === 'pending') {
        event.preventDefault();
        clearTimeout(timer);
        timer = setTimeout(reset, SEQUENCE_TIMEOUT_MS);
        return;
      }
      reset();
      if (step.kind !== 'action') return;
      if (top) {
        if (top.keys.current.run(step.action, event) !== false) event.preventDefault();
        return;
      }
      event.preventDefault();
      if (BRINGS_NEXT.has(step.action)) markKey(currentRequest()?.id ?? null);
      runAction(step.action);
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
