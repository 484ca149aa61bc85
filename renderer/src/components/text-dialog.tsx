import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { useKeyScope } from '../keyboard/key-scope';
import { KeyHints } from './key-hints';

interface Props {
  testId: string;
  title: string;
  placeholder: string;
  initial: string;
  max: number;
  /** What to say when the text is longer than `max`; a general limit's words otherwise. */
  tooLong?: string;
  /** Enter with nothing written still submits (an optional text, such as a handover note). */
  allowEmpty?: boolean;
  /** Shown above the text, e.g. what the text is about. */
  children?: ReactNode;
  onSubmit(text: string): void;
  onCancel(): void;
}

/** A short text for a request (reply, note): Enter keeps it, Shift+Enter breaks the line, Esc cancels (as the keymap says). */
export function TextDialog({
  testId,
  title,
  placeholder,
  initial,
  max,
  allowEmpty = false,
  tooLong: tooLongWords,
  children,
  onSubmit,
  onCancel,
}: Props) {
  const t = useT();
  const [text, setText] = useState(initial);
  const tooLong = text.length > max;

  useKeyScope('text', {
    run: (action) => {
      if (action === 'textCancel') return onCancel();
      if (action !== 'textSubmit') return false;
      const value = text.trim();
      if ((value === '' && !allowEmpty) || tooLong) return;
      onSubmit(value);
    },
  });

  return (
    <div className="overlay-backdrop" onMouseDown={onCancel}>
      <div
        className="reply-box"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="picker-title">{title}</div>
        {children}
        <textarea
          className="reply-input"
          data-testid={`${testId}-input`}
          autoFocus
          rows={6}
          value={text}
          placeholder={placeholder}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="picker-hint">
          <KeyHints scope="text" />
          <span className={tooLong ? 'status-error' : 'muted'} data-testid={`${testId}-length`}>
            {tooLong ? (tooLongWords ?? t('reply.tooLong', { max })) : `${text.length} / ${max}`}
          </span>
        </div>
      </div>
    </div>
  );
}
