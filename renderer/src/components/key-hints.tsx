import { Fragment } from 'react';
import { useT } from '../i18n/use-t';
import { bindingsIn, sequenceLabel, type KeyAction, type KeyScope } from '../keyboard/keymap';
import { useKeymap } from '../store/keymap-store';

/** A dialog's keys as the keymap in force has them (remappings included), for its hint line. */
export function KeyHints({ scope, only }: { scope: KeyScope; only?: readonly KeyAction[] }) {
  const t = useT();
  const bindings = useKeymap((s) => s.bindings);
  const shown = bindingsIn(scope, bindings).filter((b) => !only || only.includes(b.action));
  return (
    <span className="muted key-hints" data-testid="key-hints" data-scope={scope}>
      {shown.map((binding, i) => (
        <Fragment key={binding.action}>
          {i > 0 && ' · '}
          {binding.keys.map((sequence, j) => (
            <kbd key={j}>{sequenceLabel(sequence)}</kbd>
          ))}{' '}
          {t(binding.description, binding.params)}
        </Fragment>
      ))}
    </span>
  );
}

/** The first key of an action as the keymap in force has it, e.g. beside a button. */
export function useKeyOf(action: KeyAction): string {
  const binding = useKeymap((s) => s.bindings.find((b) => b.action === action));
  const first = binding?.keys[0];
  return first ? sequenceLabel(first) : '';
}
