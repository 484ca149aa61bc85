import { useEffect, useRef } from 'react';
import { formatReceived } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { useKeyScope } from '../keyboard/key-scope';
import { useTakeOver } from '../store/take-over-store';
import { useUi } from '../store/ui-store';
import { KeyHints } from './key-hints';

/** Deciding on a request another operator is working asks first: Enter (or y) takes it over, Esc (or n) leaves it to them. */
export function TakeOverDialog() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const pending = useTakeOver((s) => s.pending);
  const { confirm, cancel } = useTakeOver.getState();
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);
  // Nothing reaches the queue's keys while the question is open.
  useKeyScope('take-over', {
    run: (action) => {
      if (action === 'takeOverConfirm') confirm();
      else if (action === 'takeOverCancel') cancel();
    },
  });

  if (!pending) return null;
  const [first] = pending.holders;
  const names = [...new Set(pending.holders.map((claim) => claim.operatorName))].join('、');

  return (
    <div className="overlay-backdrop" onMouseDown={cancel}>
      <div
        className="help take-over"
        role="alertdialog"
        aria-modal="true"
        aria-label={t('takeOver.title')}
        data-testid="take-over"
        data-holder={first?.operatorName}
        tabIndex={-1}
        ref={panelRef}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="picker-title">{t('takeOver.title')}</div>
        <p>
          {pending.holders.length === 1 && first
            ? t('takeOver.one', { name: first.operatorName, until: formatReceived(first.until, locale) })
            : t('takeOver.many', { n: pending.holders.length, names })}
        </p>
        <div className="picker-hint">
          <KeyHints scope="take-over" />
        </div>
      </div>
    </div>
  );
}
