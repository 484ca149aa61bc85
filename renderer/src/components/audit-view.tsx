import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditExport } from '../../../shared/api/workstation-api';
import { AUDIT_ACTIONS, type AuditEntry } from '../../../shared/audit/audit-log';
import { call, failureCode } from '../bridge/call';
import { downloadExport } from '../bridge/export-download';
import { failureWords } from '../i18n/failure-words';
import { formatInstant } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import type { MessageId } from '../i18n/zh-cn';
import { useKeyScope } from '../keyboard/key-scope';
import { useUi } from '../store/ui-store';
import { KeyHints } from './key-hints';
import { useListHighlight } from './use-list-highlight';

/** The action in the admin's words; an action a newer server records shows under its own name. */
function actionWords(t: (id: MessageId) => string, action: string): string {
  return (AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`audit.action.${action}` as MessageId) : action;
}

/**
 * g e, admins: the server's audit log (sign-ins and failures, account and admin changes, exports), newest
 * first, a page at a time; o fetches older entries, e writes the whole log as CSV. Online only.
 */
export function AuditView() {
  const t = useT();
  const close = useUi((s) => s.close);
  const locale = useUi((s) => s.locale);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [end, setEnd] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<{ file: AuditExport; downloaded: boolean } | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async (before?: string) => {
    setError(null);
    try {
      const page = await call('audit.list', before ? { before } : {});
      setEntries((shown) => (before ? [...(shown ?? []), ...page.entries] : page.entries));
      setEnd(page.entries.length === 0);
    } catch (failure) {
      setError(failureCode(failure));
    }
  }, []);
  useEffect(() => {
    panelRef.current?.focus();
    void load();
  }, [load]);

  const list = entries ?? [];
  const { index, highlight, next, previous } = useListHighlight(list.length, panelRef);

  const exportAll = async () => {
    setError(null);
    try {
      const file = await call('audit.export', {});
      setExported({ file, downloaded: downloadExport(file.fileName) });
    } catch (failure) {
      setError(failureCode(failure));
    }
  };

  useKeyScope('audit', {
    run: (action) => {
      if (action === 'close') return close();
      if (action === 'next') return next();
      if (action === 'previous') return previous();
      if (action === 'auditOlder' && !end) return void load(list[list.length - 1]?.id);
      if (action === 'auditExport') return void exportAll();
    },
  });

  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div
        className="help audit-view"
        role="dialog"
        aria-modal="true"
        aria-label={t('audit.title')}
        data-testid="audit-view"
        data-loaded={entries ? 'true' : undefined}
        data-count={list.length}
        tabIndex={-1}
        ref={panelRef}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="picker-title">{t('audit.title')}</div>
        {error && (
          <div className="status-error" role="alert" data-testid="audit-error" data-failure={error}>
            {t('notice.failed', { message: failureWords(t, error) })}
          </div>
        )}
        <table className="audit-table">
          <thead>
            <tr>
              <th>{t('audit.at')}</th>
              <th>{t('audit.actor')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.target')}</th>
              <th>{t('audit.address')}</th>
            </tr>
          </thead>
          <tbody role="listbox" aria-label={t('audit.title')}>
            {list.map((entry, i) => (
              <tr
                key={entry.id}
                role="option"
                aria-selected={i === index}
                data-testid="audit-entry"
                data-action={entry.action}
                data-target={entry.target ?? ''}
                onMouseDown={() => highlight(i)}
              >
                <td className="mono">{formatInstant(entry.at, locale)}</td>
                <td>
                  {entry.actorName || t(`audit.actorKind.${entry.actorKind === 'system' ? 'system' : 'anonymous'}`)}
                </td>
                <td>{actionWords(t, entry.action)}</td>
                <td className="mono">{entry.target ?? ''}</td>
                <td className="mono">{entry.address ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries && list.length === 0 && <div className="muted">{t('audit.none')}</div>}
        {end && list.length > 0 && <div className="muted">{t('audit.end')}</div>}
        {exported && (
          <div data-testid="audit-exported" data-file={exported.file.fileName} data-entries={exported.file.entries}>
            {t(exported.downloaded ? 'audit.downloaded' : 'audit.saved', { n: exported.file.entries })}
            <div className="mono small">{exported.file.path}</div>
          </div>
        )}
        <div className="picker-hint">
          <KeyHints scope="audit" />
        </div>
      </div>
    </div>
  );
}
