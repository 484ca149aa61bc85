import type { RequestStatus } from '../../../shared/model';
import { useT } from '../i18n/use-t';

export function StatusChip({ status, testId }: { status: RequestStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`status-chip status-${status}`} data-testid={testId} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
