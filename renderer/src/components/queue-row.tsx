import { memo } from 'react';
import type { LocalRequest } from '../../../shared/api/workstation-api';
import { clockThresholds, deadlineStatus } from '../../../shared/deadline';
import { useT } from '../i18n/use-t';
import { answerDue } from '../triage/answer-due';
import { ChannelBadge } from './channel-badge';
import { AlsoOnChannels } from './citizen-channels';
import { ClaimBadge } from './claim-badge';
import { DeadlineLabel } from './deadline-label';
import { HotIssueMark } from './duplicate-match';
import { StatusChip } from './status-chip';
import { UnitNewsBadge } from './unit-news';

interface Props {
  request: LocalRequest;
  now: number;
  selected: boolean;
  /** Marked for a bulk action (x, Shift+J/K). */
  marked: boolean;
  onSelect(): void;
}

/** The citizen's first non-empty line: enough to triage at a glance. */
export function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0]?.trim() ?? '';
}

/** One queue row: channel, citizen, first line, time left on the answer deadline, and who holds it. */
export const QueueRow = memo(function QueueRow({ request, now, selected, marked, onSelect }: Props) {
  const t = useT();
  const line = firstLine(request.text);
  // Whoever last decided on an open request is working it; a new one is nobody's yet.
  const holder = request.status === 'new' ? null : (request.lastDecision?.operatorName ?? null);
  const due = answerDue(request);
  const thresholds = clockThresholds('answer', request.categoryId);
  return (
    <div
      className={marked ? 'queue-row queue-row-marked' : 'queue-row'}
      role="option"
      aria-selected={selected}
      data-testid="queue-row"
      data-request-id={request.id}
      data-status={request.status}
      data-deadline={deadlineStatus(due, now, thresholds)}
      data-marked={marked ? 'true' : undefined}
      onMouseDown={onSelect}
    >
      <div className="queue-row-top">
        {marked && <span className="mark" aria-label={t('queue.marked')} />}
        <ChannelBadge channel={request.channel} />
        <span className="queue-row-citizen">{request.citizen.name ?? t('detail.anonymous')}</span>
        <AlsoOnChannels request={request} />
        {request.pending > 0 && (
          <span className="pending-dot" title={t('queue.pending')} aria-label={t('queue.pending')} />
        )}
        <ClaimBadge request={request} testId="queue-row-claim" />
        <UnitNewsBadge request={request} withReason />
        {holder && <span className="queue-row-holder muted">{holder}</span>}
        <DeadlineLabel due={due} now={now} thresholds={thresholds} />
      </div>
      <div className="queue-row-bottom">
        <span className={line ? 'queue-row-text' : 'queue-row-text muted'}>{line || t('queue.noText')}</span>
        <HotIssueMark requestId={request.id} />
        <StatusChip status={request.status} />
      </div>
    </div>
  );
});
