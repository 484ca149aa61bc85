import { useEffect, useLayoutEffect, type ReactNode } from 'react';
import type { LocalRequest } from '../../../shared/api/workstation-api';
import { refusalWords } from '../i18n/failure-words';
import { formatInstant } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { categoryPath, useDirectory } from '../store/directory-store';
import { useCurrentRequest, useQueue } from '../store/queue-store';
import { useTriage } from '../store/triage-store';
import { useUi } from '../store/ui-store';
import { requestShown } from '../triage/handling-measure';
import { requestPainted } from '../triage/paint-timing';
import { AttachmentList } from './attachment-list';
import { ChannelBadge } from './channel-badge';
import { CitizenIdentities } from './citizen-channels';
import { ClaimBadge } from './claim-badge';
import { DeadlineClocks } from './deadline-clocks';
import { stampedGist, useDecisionWords } from './decision-words';
import { DuplicateBadges, DuplicateMatchPanel } from './duplicate-match';
import { RelatedRequests } from './related-requests';
import { RelayPanel } from './relay-panel';
import { RequestTimeline } from './request-timeline';
import { ReplyStatus } from './reply-status';
import { StatusChip } from './status-chip';
import { SuggestionPanel } from './suggestion-panel';
import { UnitNewsBadge, UnitNewsPanel } from './unit-news';

/** The current request in full, with everything needed to decide. Citizen text is rendered only as React text nodes. */
export function RequestDetail() {
  const t = useT();
  const request = useCurrentRequest();
  const context = useTriage((s) => (request ? s.contexts.get(request.id) : undefined));
  // A request opened from the palette replaces the queue's until Esc.
  const opened = useQueue((s) => s.opened !== null);

  // Only a different request counts as shown, not a new version of the same one.
  const requestId = request?.id;
  useLayoutEffect(() => {
    if (!requestId) return;
    requestShown(requestId);
    requestPainted(requestId);
  }, [requestId]);
  useEffect(() => {
    if (requestId) void useTriage.getState().load(requestId);
  }, [requestId]);

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
    <section
      className="detail"
      data-testid="detail"
      data-request-id={request.id}
      data-opened={opened ? 'true' : undefined}
      aria-live="polite"
    >
      {opened && <div className="opened-banner">{t('detail.openedFromSearch')}</div>}
      <header className="detail-header">
        <ChannelBadge channel={request.channel} />
        <span className="detail-number mono" data-testid="detail-number">
          {request.number}
        </span>
        <StatusChip status={request.status} testId="detail-status" />
        {request.escalated && (
          <span className="tag tag-warn" data-testid="detail-escalated">
            {t('detail.escalated')}
          </span>
        )}
        {request.pending > 0 && <span className="tag tag-pending">{t('detail.pending', { n: request.pending })}</span>}
        <ClaimBadge request={request} testId="detail-claim" />
        <UnitNewsBadge request={request} />
        <DuplicateBadges duplicates={context?.duplicates} />
      </header>
      {request.rejection && (
        <div className="rejection" role="alert">
          <strong>{t('detail.rejection')}</strong>
          <span data-testid="rejection-reason" data-code={request.rejection.code}>
            {refusalWords(t, request.rejection)}
          </span>
        </div>
      )}
      <div className="detail-columns">
        <div className="detail-body">
          <p className="detail-text" data-testid="detail-text">
            {request.text.trim() || t('queue.noText')}
          </p>
          <AttachmentList attachments={request.attachments} />
          <UnitNewsPanel request={request} />
          <RelayPanel request={request} />
          <RequestTimeline request={request} />
          <DuplicateMatchPanel request={request} duplicates={context?.duplicates} />
          <RelatedRequests
            testId="citizen-history"
            title={t('detail.history')}
            empty={t('detail.noHistory')}
            requests={context?.history ?? null}
          />
          <RelatedRequests
            testId="similar-requests"
            title={t('detail.similar')}
            empty={t('detail.noSimilar')}
            requests={context?.similar ?? null}
          />
        </div>
        <div className="detail-side">
          <SuggestionPanel request={request} context={context ?? null} />
          <DeadlineClocks request={request} />
          <DetailFields request={request} />
        </div>
      </div>
    </section>
  );
}

function DetailFields({ request }: { request: LocalRequest }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const categoriesById = useDirectory((s) => s.categoriesById);
  const unitsById = useDirectory((s) => s.unitsById);
  const describe = useDecisionWords();
  const last = request.lastDecision;
  const unset = <span className="muted">{t('detail.unset')}</span>;
  return (
    <dl className="detail-fields">
      <Field label={t('detail.citizen')}>
        {request.citizen.name ?? t('detail.anonymous')} <CitizenIdentities citizen={request.citizen} />
      </Field>
      <Field label={t('detail.received')} testId="detail-received">
        {formatInstant(request.receivedAt, locale)}
      </Field>
      <Field label={t('detail.category')} testId="detail-category" value={request.categoryId}>
        {request.categoryId ? categoryPath(categoriesById, request.categoryId) : unset}
      </Field>
      <Field label={t('detail.unit')} testId="detail-unit" value={request.unitId}>
        {request.unitId ? (unitsById.get(request.unitId)?.name ?? request.unitId) : unset}
      </Field>
      <ReplyStatus request={request} />
      <Field label={t('detail.lastDecision')}>
        {last
          ? t('detail.lastDecisionBy', {
              what: describe(stampedGist(last, request)),
              who: last.operatorName,
              when: formatInstant(last.at, locale),
            })
          : unset}
      </Field>
    </dl>
  );
}

function Field({
  label,
  testId,
  value,
  children,
}: {
  label: string;
  testId?: string;
  value?: string | null;
  children: ReactNode;
}) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={value ?? undefined}>
        {children}
      </dd>
    </>
  );
}
