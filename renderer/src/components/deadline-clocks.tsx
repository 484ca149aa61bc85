import { useMemo } from 'react';
import type { LocalRequest } from '../../../shared/api/workstation-api';
import {
  clockThresholds,
  DEFAULT_DEADLINE_POLICY,
  PUBLISHED_HOLIDAY_CALENDAR,
  type ClockName,
} from '../../../shared/deadline';
import { clockOutcomes, type ClockOutcome } from '../../../shared/units/clock-outcomes';
import { requestDeadlines } from '../../../shared/units/request-deadlines';
import { formatReceived } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { useUi } from '../store/ui-store';
import { DeadlineLabel } from './deadline-label';
import { useNow } from './use-now';

const CLOCKS: readonly ClockName[] = ['acknowledge', 'answer', 'unit'];

/**
 * The request's three clocks — acknowledgement, answer, unit — each with time left (amber, red, overdue)
 * while it runs, or whether it was met. Due times are the server's; a request the server has not
 * stamped yet gets them from the same shared rules.
 */
export function DeadlineClocks({ request }: { request: LocalRequest }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const now = useNow(15_000);
  const stamped = useMemo(
    () =>
      request.deadlines.answerDueAt
        ? request
        : { ...request, deadlines: requestDeadlines(request, DEFAULT_DEADLINE_POLICY, PUBLISHED_HOLIDAY_CALENDAR) },
    [request],
  );
  const outcomes = clockOutcomes(stamped, new Date(now));

  const show = (outcome: ClockOutcome, name: ClockName) => {
    if (outcome.state === 'none' || outcome.dueAt === null) return <span className="muted">{t('clock.none')}</span>;
    if (outcome.state === 'met')
      return <span className="clock-met">{t('clock.met', { when: formatReceived(outcome.doneAt!, locale) })}</span>;
    if (outcome.state === 'missed')
      return (
        <span className="deadline deadline-overdue">
          {t('clock.missed', { when: formatReceived(outcome.doneAt!, locale) })}
        </span>
      );
    return (
      <>
        <DeadlineLabel
          due={Date.parse(outcome.dueAt)}
          now={now}
          thresholds={clockThresholds(name, request.categoryId)}
        />{' '}
        <span className="muted">{t('clock.dueAt', { when: formatReceived(outcome.dueAt, locale) })}</span>
      </>
    );
  };

  return (
    <dl className="detail-fields deadline-clocks" data-testid="deadline-clocks">
      {CLOCKS.map((name) => (
        <div key={name} className="deadline-clock" data-testid={`clock-${name}`} data-state={outcomes[name].state}>
          <dt>{t(`clock.${name}`)}</dt>
          <dd>{show(outcomes[name], name)}</dd>
        </div>
      ))}
    </dl>
  );
}
