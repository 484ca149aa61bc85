import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/use-t';
import { useKeyScope } from '../keyboard/key-scope';
import type { KeyAction } from '../keyboard/keymap';
import { KeyHints } from './key-hints';

export interface PickerOption {
  id: string;
  label: string;
  detail?: string;
  /** A key hint shown at the row's end, e.g. "1". */
  hint?: string;
}

interface Props {
  testId: string;
  inputTestId: string;
  title: string;
  hint: string;
  query: string;
  options: readonly PickerOption[];
  onQuery(query: string): void;
  onChoose(id: string): void;
  onCancel(): void;
  /** A picker with keys of its own (the category picker's 1–9) has its own scope and runs them here; false when not taken. */
  scope?: 'picker' | 'category-picker';
  onAction?(action: KeyAction): boolean;
}

/** A modal type-ahead list: typing filters, ↑/↓ move, Enter chooses, Esc cancels. */
export function PickerDialog({
  testId,
  inputTestId,
  title,
  hint,
  query,
  options,
  onQuery,
  onChoose,
  onCancel,
  scope = 'picker',
  onAction,
}: Props) {
  const t = useT();
  const [highlighted, setHighlighted] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => setHighlighted(0), [query]);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);

  const move = (delta: number) => {
    if (options.length > 0) setHighlighted((h) => (h + delta + options.length) % options.length);
  };
  useKeyScope(scope, {
    run: (action) => {
      if (action === 'pickerNext') return move(1);
      if (action === 'pickerPrevious') return move(-1);
      if (action === 'pickerCancel') return onCancel();
      if (action === 'pickerChoose') {
        const option = options[highlighted];
        if (option) onChoose(option.id);
        return;
      }
      return onAction?.(action) ?? false;
    },
  });

  return (
    <div className="overlay-backdrop" onMouseDown={onCancel}>
      <div
        className="picker"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="picker-title">{title}</div>
        <input
          className="picker-input"
          data-testid={inputTestId}
          autoFocus
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          role="combobox"
          aria-expanded="true"
          aria-autocomplete="list"
          spellCheck={false}
          autoComplete="off"
        />
        <ul className="picker-options" role="listbox" ref={listRef}>
          {options.length === 0 && <li className="picker-empty muted">{t('picker.noMatch')}</li>}
          {options.map((option, i) => (
            <li
              key={option.id}
              role="option"
              aria-selected={i === highlighted}
              className="picker-option"
              data-testid="picker-option"
              data-id={option.id}
              onMouseEnter={() => setHighlighted(i)}
              onClick={() => onChoose(option.id)}
            >
              <span className="picker-option-label">{option.label}</span>
              {option.detail && <span className="picker-option-detail muted">{option.detail}</span>}
              {option.hint && <kbd>{option.hint}</kbd>}
            </li>
          ))}
        </ul>
        <div className="picker-hint muted">
          <span>{hint}</span>
          <KeyHints scope="picker" />
        </div>
      </div>
    </div>
  );
}
