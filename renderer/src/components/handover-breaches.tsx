import { useEffect, useState } from 'react';
import type { HandoverBreaches as Breaches } from '../../../shared/api/workstation-api';
import { clockThresholds } from '../../../shared/deadline';
import { call, failureCode } from '../bridge/call';
import { failureWords } from '../i18n/failure-words';
import { formatReceived } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { useUi } from '../store/ui-store';
import { DeadlineLabel } from './deadline-label';
import { firstLine } from './queue-row';
import { useNow } from './use-now';

/**
 * What the outgoing shift leaves that will breach before the next shift starts (or already has):
 * open requests whose answer or unit clock runs out by then. Mounted in the handover panel; the
 * sign-out dialog can mount it as it is.
 */
export function HandoverBreaches() {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const now = useNow(30_000);
  const [breaches, setBreaches] = useState<Breaches | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('shift.breachesBeforeNextShift', {}).then(setBreaches, (failure: unknown) => setError(failureCode(failure)));
  }, []);

  if (error) {
    return (
      <div className="status-error" role="alert" data-testid="handover-breaches-error">
        {t('notice.failed', { message: failureWords(t, error) })}
      </div>
    );
  }
  if (!breaches) return <div className="muted">{t('app.loading')}</div>;
  return (
    <section
      className="handover-breaches"
      data-testid="handover-breaches"
      data-count={breaches.breaches.length}
      data-next-shift-at={breaches.nextShiftAt}
    >
      <h3>
        {t('handover.breaches', { when: formatReceived(breaches.nextShiftAt, locale), n: breaches.breaches.length })}
      </h3>
      {breaches.breaches.length === 0 ? (
        <div className="muted">{t('handover.noBreaches')}</div>
      ) : (
        <ul className="picker-options">
          {breaches.breaches.map((breach) => (
            <li
              key={`${breach.request.id}:${breach.clock}`}
              className="picker-option"
              data-testid="handover-breach"
              data-request-id={breach.request.id}
              data-clock={breach.clock}
              data-overdue={breach.overdue ? 'true' : undefined}
            >
              <span className="picker-option-label mono">{breach.request.number}</span>
              <span className="picker-option-detail">{firstLine(breach.request.text) || t('queue.noText')}</span>
              <span>{t(`clock.${breach.clock}`)}</span>
              <DeadlineLabel
                due={Date.parse(breach.dueAt)}
                now={now}
                thresholds={clockThresholds(breach.clock, breach.request.categoryId)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
