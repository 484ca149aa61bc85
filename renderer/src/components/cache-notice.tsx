import { useState } from 'react';
import type { CacheNotice } from '../../../shared/api/workstation-api';
import { useT } from '../i18n/use-t';

/**
 * What happened to a damaged or stale cache, in one sentence with the counts; the details (why,
 * where the old file went) behind a link. SQLite's own words never reach the operator.
 */
export function CacheNoticeLine({ notice }: { notice: CacheNotice }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const kept = notice.keptFromFile + notice.keptFromLog;
  const lost = notice.unreadable ?? 0;
  const sentence =
    notice.kind === 'behind' && notice.serverAhead > 0
      ? t('cache.behindServer', { ahead: notice.serverAhead, renumbered: notice.renumbered, lost })
      : notice.kind === 'behind'
        ? t('cache.behind', { kept, lost })
        : notice.unreadable === null
          ? t('cache.damagedUncounted', { kept })
          : t('cache.damaged', { kept, lost });
  const details =
    notice.kind === 'behind'
      ? t('cache.detailsBehind', {
          fromLog: notice.keptFromLog,
          ahead: notice.serverAhead,
          renumbered: notice.renumbered,
        })
      : t('cache.detailsDamaged', {
          reason: t(notice.reason === 'foreign' ? 'cache.reason.foreign' : 'cache.reason.corrupt'),
          movedTo: notice.movedTo ?? '',
          fromFile: notice.keptFromFile,
          fromLog: notice.keptFromLog,
        });
  return (
    <span className="status-error" data-testid="cache-notice" data-kind={notice.kind} data-kept={kept}>
      {sentence}{' '}
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('cache.details')}
      </button>
      {open && <span data-testid="cache-notice-details"> {details}</span>}
    </span>
  );
}
