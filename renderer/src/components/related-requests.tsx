import type { LocalRequest } from '../../../shared/api/workstation-api';
import { formatReceived } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { categoryPath, useDirectory } from '../store/directory-store';
import { useUi } from '../store/ui-store';
import { ChannelBadge } from './channel-badge';
import { firstLine } from './queue-row';
import { StatusChip } from './status-chip';

interface Props {
  testId: string;
  title: string;
  empty: string;
  /** null while the host has not answered yet. */
  requests: readonly LocalRequest[] | null;
}

/** Earlier or similar requests and how each was resolved: category, unit, status. */
export function RelatedRequests({ testId, title, empty, requests }: Props) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const categoriesById = useDirectory((s) => s.categoriesById);
  const unitsById = useDirectory((s) => s.unitsById);
  return (
    <section className="related" data-testid={testId}>
      <h3 className="section-title">{title}</h3>
      {requests === null ? (
        <div className="muted small">{t('app.loading')}</div>
      ) : requests.length === 0 ? (
        <div className="muted small">{empty}</div>
      ) : (
        <ul className="related-list">
          {requests.map((r) => (
            <li key={r.id} className="related-item" data-testid="related-request" data-request-id={r.id}>
              <div className="related-top">
                <ChannelBadge channel={r.channel} />
                <span className="mono muted small">{r.number}</span>
                <span className="muted small">{formatReceived(r.receivedAt, locale)}</span>
                <StatusChip status={r.status} />
              </div>
              <div className="related-text">{firstLine(r.text)}</div>
              <div className="related-outcome muted small">
                {r.categoryId ? categoryPath(categoriesById, r.categoryId) : t('detail.unset')}
                {' → '}
                {r.unitId ? (unitsById.get(r.unitId)?.name ?? r.unitId) : t('detail.unset')}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
