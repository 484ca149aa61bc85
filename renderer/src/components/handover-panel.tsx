import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';
import { useKeyScope } from '../keyboard/key-scope';
import { useUi } from '../store/ui-store';
import { HandoverBreaches } from './handover-breaches';
import { KeyHints } from './key-hints';
import { LastHandoverNote } from './last-handover-note';

/** g h: the note the last shift left, and what will breach before the next shift starts. Esc closes. */
export function HandoverPanel() {
  const t = useT();
  const close = useUi((s) => s.close);
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);
  useKeyScope('overlay', { run: (action) => void (action === 'close' && close()) });

  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div
        className="help handover"
        role="dialog"
        aria-modal="true"
        aria-label={t('handover.title')}
        data-testid="handover"
        tabIndex={-1}
        ref={panelRef}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="picker-title">{t('handover.title')}</div>
        <LastHandoverNote />
        <HandoverBreaches />
        <div className="picker-hint">
          <KeyHints scope="overlay" />
        </div>
      </div>
    </div>
  );
}
