import { useCallback, useEffect, useRef, useState } from 'react';
import type { SupervisionOverview } from '../../../shared/api/workstation-api';
import { clockThresholds } from '../../../shared/deadline';
import { call, failureCode } from '../bridge/call';
import { failureWords } from '../i18n/failure-words';
import { useT } from '../i18n/use-t';
import { useKeyScope } from '../keyboard/key-scope';
import { notify, notifyFailure } from '../store/notice-store';
import { useUi } from '../store/ui-store';
import { DeadlineLabel } from './deadline-label';
import { KeyHints } from './key-hints';
import { firstLine } from './queue-row';
import { TextDialog } from './text-dialog';
import { useNow } from './use-now';

type OverdueItem = SupervisionOverview['overdue'][number];
const REMIND_MAX = 2000;

/** A rate as a whole percentage; a dash with nothing to divide. */
function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** The earliest due time among the clocks that ran out: how long this request has been overdue. */
function overdueSince(item: OverdueItem): number {
  const due = Object.values(item.clocks)
    .filter((clock) => clock.state === 'overdue' && clock.dueAt !== null)
    .map((clock) => Date.parse(clock.dueAt!));
  return due.length ? Math.min(...due) : Date.parse(item.request.receivedAt);
}

/**
 * g s (supervisors and admins): overdue requests, most overdue first, units ranked by overdue count
 * and on-time rate, and each operator's closes and 满意率 over the last 30 days, from the server. j/k move, m sends the unit a reminder (督办) with a note, r refreshes.
 */
export function SupervisionView() {
  const t = useT();
  const close = useUi((s) => s.close);
  const now = useNow(30_000);
  const [overview, setOverview] = useState<SupervisionOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const [reminding, setReminding] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const unitsRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      setOverview(await call('supervision.overview', {}));
      setError(null);
    } catch (failure) {
      setError(failureCode(failure));
    }
  }, []);
  useEffect(() => {
    void load();
    panelRef.current?.focus();
  }, [load]);
  useEffect(() => {
    panelRef.current
      ?.querySelector('[data-testid="overdue-row"][aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);

  const overdue = overview?.overdue ?? [];
  const selected = overdue[highlighted] ?? null;

  const remind = async (note: string) => {
    if (!selected) return;
    setReminding(false);
    panelRef.current?.focus();
    try {
      await call('supervision.remind', { requestId: selected.request.id, note });
      notify('reminded', { number: selected.request.number });
      await load();
    } catch (failure) {
      notifyFailure(failure);
    }
  };

  useKeyScope('supervision', {
    run: (action, event) => {
      const inUnits = unitsRef.current?.contains(event.target as Node) ?? false;
      // Tab goes between the overdue list and the unit ranking, and stays inside the dialog.
      if (action === 'switchPane') return void (inUnits ? panelRef : unitsRef).current?.focus();
      // The unit ranking scrolls with its own keys while it has the focus.
      if (inUnits && (action === 'next' || action === 'previous')) return false;
      if (action === 'close') return close();
      if (action === 'next') return setHighlighted((h) => Math.min(h + 1, Math.max(overdue.length - 1, 0)));
      if (action === 'previous') return setHighlighted((h) => Math.max(h - 1, 0));
      if (action === 'remind') return selected ? setReminding(true) : false;
      if (action === 'supervisionRefresh') void load();
    },
  });

  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div
        className="help supervision"
        role="dialog"
        aria-modal="true"
        aria-label={t('supervision.title')}
        data-testid="supervision"
        data-loaded={overview ? 'true' : undefined}
        tabIndex={-1}
        ref={panelRef}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="picker-title">{t('supervision.title')}</div>
        {error && (
          <div className="status-error" role="alert" data-testid="supervision-error">
            {t('notice.failed', { message: failureWords(t, error) })}
          </div>
        )}
        <h3>{t('supervision.overdue', { n: overdue.length })}</h3>
        <ul className="picker-options" role="listbox" aria-label={t('supervision.overdue', { n: overdue.length })}>
          {overview && overdue.length === 0 && <li className="picker-empty muted">{t('supervision.noOverdue')}</li>}
          {overdue.map((item, i) => (
            <li
              key={item.request.id}
              role="option"
              aria-selected={i === highlighted}
              className="picker-option"
              data-testid="overdue-row"
              data-request-id={item.request.id}
              data-reminders={item.request.reminderCount}
              onMouseEnter={() => setHighlighted(i)}
            >
              <span className="picker-option-label mono">{item.request.number}</span>
              <span className="picker-option-detail">{firstLine(item.request.text) || t('queue.noText')}</span>
              <span>{item.unitName ?? t('detail.unset')}</span>
              <span>
                {(['acknowledge', 'answer', 'unit'] as const)
                  .filter((name) => item.clocks[name].state === 'overdue')
                  .map((name) => t(`clock.${name}`))
                  .join(' · ')}
              </span>
              <DeadlineLabel
                due={overdueSince(item)}
                now={now}
                thresholds={clockThresholds('answer', item.request.categoryId)}
              />
              {item.request.reminderCount > 0 && (
                <span className="tag tag-warn">{t('supervision.reminded', { n: item.request.reminderCount })}</span>
              )}
            </li>
          ))}
        </ul>
        <h3>{t('supervision.units')}</h3>
        <div
          className="supervision-units"
          role="region"
          aria-label={t('supervision.units')}
          data-testid="unit-ranking"
          tabIndex={0}
          ref={unitsRef}
        >
          <table className="help-table">
            <thead>
              <tr>
                <th>{t('supervision.unit')}</th>
                <th>{t('supervision.holding')}</th>
                <th>{t('supervision.unitOverdue')}</th>
                <th>{t('supervision.onTimeRate')}</th>
              </tr>
            </thead>
            <tbody>
              {(overview?.units ?? []).map((unit) => (
                <tr
                  key={unit.unitId}
                  data-testid="unit-rank-row"
                  data-unit-id={unit.unitId}
                  data-overdue={unit.overdue}
                >
                  <td>{unit.unitName}</td>
                  <td>{unit.holding}</td>
                  <td className={unit.overdue > 0 ? 'status-error' : undefined}>{unit.overdue}</td>
                  <td>{percent(unit.onTimeRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>{t('supervision.operators', overview?.ratingsPeriod ?? { from: '', to: '' })}</h3>
        <table className="help-table" data-testid="operator-ratings">
          <thead>
            <tr>
              <th>{t('supervision.operator')}</th>
              <th>{t('supervision.closed')}</th>
              <th>{t('supervision.rated')}</th>
              <th>{t('supervision.satisfactionRate')}</th>
            </tr>
          </thead>
          <tbody>
            {overview && overview.operators.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {t('supervision.noOperators')}
                </td>
              </tr>
            )}
            {(overview?.operators ?? []).map((row) => (
              <tr key={row.operatorId} data-testid="operator-rating-row" data-operator-id={row.operatorId}>
                <td>{row.operatorName}</td>
                <td>{row.closed}</td>
                <td>{row.rated}</td>
                <td data-testid="operator-satisfaction">{percent(row.satisfactionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="picker-hint">
          <KeyHints scope="supervision" />
        </div>
      </div>
      {reminding && selected && (
        // The note has the keys while it is open: Esc closes the note, not the whole view.
        <div onMouseDown={(e) => e.stopPropagation()}>
          <TextDialog
            testId="remind-note"
            title={t('supervision.remindTitle', { number: selected.request.number })}
            placeholder={t('supervision.remindPlaceholder')}
            initial={t('supervision.remindDefault')}
            max={REMIND_MAX}
            onSubmit={(note) => void remind(note)}
            onCancel={() => {
              setReminding(false);
              panelRef.current?.focus();
            }}
          />
        </div>
      )}
    </div>
  );
}
