import type { LocalRequest } from '../../../shared/api/workstation-api';
import { formatReceived } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { useUi } from '../store/ui-store';
import { ChannelBadge } from './channel-badge';
import { StatusChip } from './status-chip';

interface Props {
  request: LocalRequest;
  selected: boolean;
  onSelect(): void;
}

/** The citizen's first non-empty line: enough to triage at a glance. */
function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0]?.trim() ?? '';
}

export function QueueRow({ request, selected, onSelect }: Props) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const line = firstLine(request.text);
  return (
    <div
      className="queue-row"
      role="option"
      aria-selected={selected}
      data-testid="queue-row"
      data-request-id={request.id}
      data-status={request.status}
      onMouseDown={onSelect}
    >
      <div className="queue-row-top">
        <ChannelBadge channel={request.channel} />
        <span className="queue-row-citizen">{request.citizen.name ?? t('detail.anonymous')}</span>
        {request.pending > 0 && <span className="pending-dot" title={t('queue.pending')} aria-label={t('queue.pending')} />}
        <time className="queue-row-time" dateTime={request.receivedAt}>
          {formatReceived(request.receivedAt, locale)}
        </time>
      </div>
      <div className="queue-row-bottom">
        <span className={line ? 'queue-row-text' : 'queue-row-text muted'}>{line || t('queue.noText')}</span>
        <StatusChip status={request.status} />
      </div>
    </div>
  );
}
