import { deadlineStatus, type StatusThresholds } from '../../../shared/deadline';
import { useT } from '../i18n/use-t';

const MINUTE = 60_000;

/** Time left until a clock is due, coloured as it turns amber, red, overdue by that clock's thresholds (from the deadline policy). */
export function DeadlineLabel({ due, now, thresholds }: { due: number; now: number; thresholds: StatusThresholds }) {
  const t = useT();
  const status = deadlineStatus(due, now, thresholds);
  const minutes = Math.round(Math.abs(due - now) / MINUTE);
  const span =
    minutes < 60
      ? t('due.minutes', { n: minutes })
      : minutes < 48 * 60
        ? t('due.hours', { n: Math.round(minutes / 60) })
        : t('due.days', { n: Math.round(minutes / 1440) });
  return (
    <span className={`deadline deadline-${status}`} data-testid="deadline" data-status={status}>
      {status === 'overdue' ? t('due.overdue', { span }) : t('due.left', { span })}
    </span>
  );
}
