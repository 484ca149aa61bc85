import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n/use-t';

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
  /** Lets a picker claim keys before the list does (the category picker's 1–9); true when handled. */
  onExtraKey?(event: KeyboardEvent<HTMLInputElement>): boolean;
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
  onExtraKey,
}: Props) {
  const t = useT();
  const [highlighted, setHighlighted] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => setHighlighted(0), [query]);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (onExtraKey?.(event)) return;
    const move = (delta: number) => {
      event.preventDefault();
      if (options.length > 0) setHighlighted((h) => (h + delta + options.length) % options.length);
    };
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[highlighted];
      if (option) onChoose(option.id);
    }
  };

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
          onKeyDown={onKeyDown}
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
        <div className="picker-hint muted">{hint}</div>
      </div>
    </div>
  );
}
