import { useEffect, useRef, type KeyboardEvent } from 'react';
import { formatReceived } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { useTakeOver } from '../store/take-over-store';
import { useUi } from '../store/ui-store';

/** Deciding on a request another operator is working asks first: Enter (or y) takes it over, Esc (or n) leaves it to them. */
export function TakeOverDialog() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const pending = useTakeOver((s) => s.pending);
  const { confirm, cancel } = useTakeOver.getState();
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);

  if (!pending) return null;
  const [first] = pending.holders;
  const names = [...new Set(pending.holders.map((claim) => claim.operatorName))].join('、');

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Nothing reaches the queue's keys while the question is open.
    event.stopPropagation();
    if (event.key === 'Enter' || event.key === 'y') confirm();
    else if (event.key === 'Escape' || event.key === 'n') cancel();
    else return;
    event.preventDefault();
  };

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
        onKeyDown={onKeyDown}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="picker-title">{t('takeOver.title')}</div>
        <p>
          {pending.holders.length === 1 && first
            ? t('takeOver.one', { name: first.operatorName, until: formatReceived(first.until, locale) })
            : t('takeOver.many', { n: pending.holders.length, names })}
        </p>
        <div className="picker-hint muted">{t('takeOver.hint')}</div>
      </div>
    </div>
  );
}
