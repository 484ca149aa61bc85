import type { ReactNode } from 'react';
import type { LocalRequest } from '../../../shared/api/workstation-api';
import { decisionLabel } from '../i18n/decision-label';
import { formatInstant } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { categoryPath, useDirectory } from '../store/directory-store';
import { useSelectedRequest } from '../store/queue-store';
import { useUi } from '../store/ui-store';
import { AttachmentList } from './attachment-list';
import { ChannelBadge } from './channel-badge';
import { StatusChip } from './status-chip';

/** The selected request in full. Citizen text is rendered only as React text nodes. */
export function RequestDetail() {
  const t = useT();
  const request = useSelectedRequest();
  if (!request) {
    return (
      <section className="detail" data-testid="detail">
        <div className="empty-state">
          <div>{t('detail.none')}</div>
          <div className="muted">{t('detail.noneHint')}</div>
        </div>
      </section>
    );
  }
  return (
    <section className="detail" data-testid="detail" data-request-id={request.id} aria-live="polite">
      <header className="detail-header">
        <ChannelBadge channel={request.channel} />
        <span className="detail-number mono">{request.number}</span>
        <StatusChip status={request.status} testId="detail-status" />
        {request.escalated && <span className="tag tag-warn">{t('detail.escalated')}</span>}
        {request.pending > 0 && <span className="tag tag-pending">{t('detail.pending', { n: request.pending })}</span>}
      </header>
      {request.rejection && (
        <div className="rejection" role="alert">
          <strong>{t('detail.rejection')}</strong>
          <span className="mono">{request.rejection.code}</span>
          <span>{request.rejection.message}</span>
        </div>
      )}
      <div className="detail-columns">
        <div className="detail-body">
          <p className="detail-text">{request.text.trim() || t('queue.noText')}</p>
          <AttachmentList attachments={request.attachments} />
        </div>
        <DetailFields request={request} />
      </div>
    </section>
  );
}

function DetailFields({ request }: { request: LocalRequest }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const categoriesById = useDirectory((s) => s.categoriesById);
  const unitsById = useDirectory((s) => s.unitsById);
  const last = request.lastDecision;
  const unset = <span className="muted">{t('detail.unset')}</span>;
  return (
    <dl className="detail-fields">
      <Field label={t('detail.citizen')}>
        {request.citizen.name ?? t('detail.anonymous')} <span className="mono muted">{request.citizen.id}</span>
      </Field>
      <Field label={t('detail.received')}>{formatInstant(request.receivedAt, locale)}</Field>
      <Field label={t('detail.category')} testId="detail-category" value={request.categoryId}>
        {request.categoryId ? categoryPath(categoriesById, request.categoryId) : unset}
      </Field>
      <Field label={t('detail.unit')} testId="detail-unit" value={request.unitId}>
        {request.unitId ? (unitsById.get(request.unitId)?.name ?? request.unitId) : unset}
      </Field>
      <Field label={t('detail.lastDecision')}>
        {last
          ? t('detail.lastDecisionBy', { kind: decisionLabel(t, last.kind), who: last.operatorName, when: formatInstant(last.at, locale) })
          : unset}
      </Field>
    </dl>
  );
}

function Field({ label, testId, value, children }: { label: string; testId?: string; value?: string | null; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={value ?? undefined}>
        {children}
      </dd>
    </>
  );
}
