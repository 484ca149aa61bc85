import { failureWords } from '../i18n/failure-words';
import { formatAge } from '../i18n/format-time';
import { noticeText } from '../i18n/notice-text';
import { useT } from '../i18n/use-t';
import { useNotices } from '../store/notice-store';
import { useQueue } from '../store/queue-store';
import { useSession } from '../store/session-store';
import { useStats } from '../store/stats-store';
import { useSync } from '../store/sync-store';
import { useUi } from '../store/ui-store';
import { CacheNoticeLine } from './cache-notice';
import { CatchUpProgress } from './catch-up-progress';
import { useNow } from './use-now';

/** Connection, outbox and shift at a glance, plus the last notice. */
export function StatusBar() {
  const t = useT();
  const status = useSync((s) => s.status);
  const operator = useSession((s) => s.session?.operator ?? null);
  const view = useQueue((s) => s.view);
  const notice = useNotices((s) => s.notice);
  const openMode = useUi((s) => s.open);
  const today = useStats((s) => s.today);
  const now = useNow(1000);
  const online = status?.online ?? false;
  const outbox = status?.outbox ?? 0;
  const outboxRequests = status?.outboxRequests ?? 0;

  return (
    <footer className="status-bar">
      <span
        className="sync-status"
        data-testid="sync-status"
        data-online={String(online)}
        data-outbox={String(outbox)}
        data-outbox-requests={String(outboxRequests)}
      >
        <span className={online ? 'dot dot-online' : 'dot dot-offline'} aria-hidden="true" />
        {online ? t('sync.online') : t('sync.offline')}
        <span
          className={outbox > 0 ? 'outbox outbox-waiting' : 'outbox'}
          data-testid="outbox-count"
          title={t('sync.outboxDecisions', { n: outbox })}
        >
          {t('sync.outbox', { n: outboxRequests })}
        </span>
        <span className="muted">
          {status?.lastSyncAt ? t('sync.ago', { age: formatAge(status.lastSyncAt, t, now) }) : t('sync.never')}
        </span>
      </span>
      {status?.catchUp && <CatchUpProgress received={status.catchUp.received} total={status.catchUp.total} />}
      {status && status.conflicts > 0 && (
        <button
          type="button"
          className="link-button tag tag-warn"
          data-testid="conflict-badge"
          data-count={status.conflicts}
          onClick={() => openMode('conflicts')}
        >
          {t('conflicts.badge', { n: status.conflicts })}
        </button>
      )}
      {status?.notice && <CacheNoticeLine notice={status.notice} />}
      {status?.lastFailure && (
        <span className="status-error" data-testid="sync-error" data-code={status.lastFailure}>
          {t('sync.error', { message: failureWords(t, status.lastFailure) })}
        </span>
      )}
      <span className={`notice ${notice?.tone === 'error' ? 'notice-error' : ''}`} role="status">
        {notice ? noticeText(t, notice) : ''}
      </span>
      <span
        className="today-counter"
        data-testid="today-counter"
        data-handled={today?.handled ?? 0}
        data-median={today?.medianSeconds ?? ''}
      >
        {t('counter.today', { n: today?.handled ?? 0 })}
        {today?.medianSeconds != null && (
          <span className="muted"> · {t('counter.median', { s: today.medianSeconds })}</span>
        )}
      </span>
      <span className="status-right">
        <span data-testid="view-name" data-view={view}>
          {t(`view.${view}`)}
        </span>
        {operator && <span>{t('sync.operator', { name: operator.displayName })}</span>}
        <button type="button" className="link-button" onClick={() => openMode('sign-out')}>
          {t('sync.signOut')}
        </button>
      </span>
    </footer>
  );
}
