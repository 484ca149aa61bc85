import type { DuplicateMatch, Duplicates, LocalRequest } from '../../../shared/api/workstation-api';
import { useT } from '../i18n/use-t';
import { useTriage } from '../store/triage-store';
import { ChannelBadge } from './channel-badge';
import { StatusChip } from './status-chip';

/** The open request this one most likely repeats: the same citizen's first, else the most alike. The merge picker offers it first. */
export function matchToShow(duplicates: Duplicates | undefined): DuplicateMatch | null {
  if (!duplicates) return null;
  return duplicates.matches.find((m) => m.sameCitizen) ?? duplicates.matches[0] ?? null;
}

/** 重复 (the same citizen wrote it), 热点 N 人 (many citizens wrote it), or only alike. */
function kindOf(duplicates: Duplicates, match: DuplicateMatch): 'repeat' | 'hot' | 'similar' {
  if (match.sameCitizen) return 'repeat';
  return duplicates.hotIssue ? 'hot' : 'similar';
}

/** Badges for the detail header: 重复 and/or 热点 N 人. */
export function DuplicateBadges({ duplicates }: { duplicates: Duplicates | undefined }) {
  const t = useT();
  const match = matchToShow(duplicates);
  if (!duplicates || !match) return null;
  return (
    <>
      {match.sameCitizen && (
        <span className="tag tag-warn" data-testid="duplicate-badge" data-kind="repeat">
          {t('duplicate.repeat')}
        </span>
      )}
      {duplicates.hotIssue && (
        <span className="tag tag-hot" data-testid="hot-issue-badge" data-citizens={duplicates.hotIssue.citizens}>
          {t('duplicate.hot', { n: duplicates.hotIssue.citizens })}
        </span>
      )}
    </>
  );
}

/** The request on screen and the open one it repeats, side by side: text, citizen, channel, status. */
export function DuplicateMatchPanel({
  request,
  duplicates,
}: {
  request: LocalRequest;
  duplicates: Duplicates | undefined;
}) {
  const t = useT();
  const match = matchToShow(duplicates);
  if (!duplicates || !match) return null;
  const others = duplicates.matches.length - 1;
  return (
    <section className="duplicate-match" data-testid="duplicate-match" data-kind={kindOf(duplicates, match)}>
      <h3 className="section-title">
        {t('duplicate.title', { similarity: `${Math.round(match.similarity * 100)}%` })}
        {others > 0 && <span className="muted small"> · {t('duplicate.more', { n: others })}</span>}
        <span className="muted small"> · {t('duplicate.mergeHint')}</span>
      </h3>
      <div className="duplicate-columns">
        <Side testId="duplicate-current" heading={t('duplicate.current')} request={request} />
        <Side testId="duplicate-matched" heading={t('duplicate.matched')} request={match.request} />
      </div>
    </section>
  );
}

function Side({ testId, heading, request }: { testId: string; heading: string; request: LocalRequest }) {
  const t = useT();
  return (
    <div className="duplicate-side" data-testid={testId} data-request-id={request.id}>
      <div className="related-top">
        <span className="muted small">{heading}</span>
        <ChannelBadge channel={request.channel} />
        <span className="mono muted small">{request.number}</span>
        <StatusChip status={request.status} testId="duplicate-status" />
      </div>
      <div className="small" data-testid="duplicate-citizen">
        {request.citizen.name ?? t('detail.anonymous')} <span className="mono muted">{request.citizen.id}</span>
      </div>
      <p className="duplicate-text" data-testid="duplicate-text">
        {request.text.trim() || t('queue.noText')}
      </p>
    </div>
  );
}

/** A small marker on a queue row whose request is part of a hot issue (known once its context is fetched). */
export function HotIssueMark({ requestId }: { requestId: string }) {
  const t = useT();
  const citizens = useTriage((s) => s.contexts.get(requestId)?.duplicates.hotIssue?.citizens);
  if (!citizens) return null;
  const label = t('duplicate.hot', { n: citizens });
  return (
    <span className="tag tag-hot hot-mark" data-testid="queue-row-hot" title={label}>
      {t('duplicate.hotMark')}
    </span>
  );
}
