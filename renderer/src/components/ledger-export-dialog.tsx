import { useEffect, useRef, useState } from 'react';
import type { LedgerExport, LedgerFormat } from '../../../shared/api/workstation-api';
import { beijingDayNumber, dateKeyOf } from '../../../shared/deadline';
import { mayMissLines } from '../../../shared/ledger/format';
import { call, failureCode } from '../bridge/call';
import { failureWords } from '../i18n/failure-words';
import { downloadExport } from '../bridge/export-download';
import { formatInstant } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { useKeyScope } from '../keyboard/key-scope';
import type { KeyAction } from '../keyboard/keymap';
import { useUi } from '../store/ui-store';
import { KeyHints, useKeyOf } from './key-hints';

type Scope = 'me' | 'centre';
/** The action that picks each format. */
const FORMAT_ACTIONS: Record<LedgerFormat, KeyAction> = { xlsx: 'formatXlsx', csv: 'formatCsv', pdf: 'formatPdf' };
const FORMATS = Object.keys(FORMAT_ACTIONS) as LedgerFormat[];

/**
 * g l: the work ledger (工作台账) from the centre's server (from this workstation's cache offline), by keys only: ←/→ the day (today first),
 * s my lines or the centre's, x/c/p the format, Enter exports. Says where the file went and whether
 * other operators' lines may be missing.
 */
export function LedgerExportDialog() {
  const t = useT();
  const close = useUi((s) => s.close);
  const locale = useUi((s) => s.locale);
  const today = beijingDayNumber(Date.now());
  const [day, setDay] = useState(today);
  const [scope, setScope] = useState<Scope>('me');
  const [format, setFormat] = useState<LedgerFormat>('xlsx');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ file: LedgerExport; downloaded: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  useEffect(() => panelRef.current?.focus(), []);

  const exportNow = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await call('ledger.export', { format, scope, day: dateKeyOf(day) });
      setResult({ file, downloaded: downloadExport(file.fileName) });
    } catch (failure) {
      setError(failureCode(failure));
    } finally {
      setBusy(false);
    }
  };

  useKeyScope('ledger', {
    run: (action) => {
      const chosen = FORMATS.find((f) => FORMAT_ACTIONS[f] === action);
      if (chosen) setFormat(chosen);
      else if (action === 'close') close();
      else if (action === 'dayEarlier') setDay((d) => d - 1);
      else if (action === 'dayLater') setDay((d) => Math.min(d + 1, today));
      else if (action === 'dayToday') setDay(today);
      else if (action === 'ledgerScope') setScope((s) => (s === 'me' ? 'centre' : 'me'));
      else if (action === 'ledgerRun' && !busy) void exportNow();
    },
  });
  const keyOf = {
    earlier: useKeyOf('dayEarlier'),
    later: useKeyOf('dayLater'),
    today: useKeyOf('dayToday'),
    scope: useKeyOf('ledgerScope'),
    xlsx: useKeyOf('formatXlsx'),
    csv: useKeyOf('formatCsv'),
    pdf: useKeyOf('formatPdf'),
  };

  return (
    <div className="overlay-backdrop" onMouseDown={close}>
      <div
        className="help ledger-export"
        role="dialog"
        aria-modal="true"
        aria-label={t('ledger.title')}
        data-testid="ledger-export"
        data-busy={busy ? 'true' : undefined}
        tabIndex={-1}
        ref={panelRef}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="picker-title">{t('ledger.title')}</div>
        <dl className="detail-fields">
          <dt>{t('ledger.day')}</dt>
          <dd data-testid="ledger-day" data-value={dateKeyOf(day)}>
            {dateKeyOf(day)} {day === today && <span className="muted">{t('ledger.today')}</span>}{' '}
            <kbd>{keyOf.earlier}</kbd> <kbd>{keyOf.later}</kbd> <kbd>{keyOf.today}</kbd>
          </dd>
          <dt>{t('ledger.scope')}</dt>
          <dd data-testid="ledger-scope" data-value={scope}>
            {t(scope === 'me' ? 'ledger.scope.me' : 'ledger.scope.centre')} <kbd>{keyOf.scope}</kbd>
          </dd>
          <dt>{t('ledger.format')}</dt>
          <dd data-testid="ledger-format" data-value={format}>
            {FORMATS.map((f) => (
              <span key={f} className={f === format ? 'tag tag-selected' : 'tag'}>
                {f.toUpperCase()} <kbd>{keyOf[f]}</kbd>
              </span>
            ))}
          </dd>
        </dl>
        {busy && <div className="muted">{t('ledger.busy')}</div>}
        {error && (
          <div className="status-error" role="alert" data-testid="ledger-error">
            {t('notice.failed', { message: failureWords(t, error) })}
          </div>
        )}
        {result && (
          <div
            className="ledger-result"
            data-testid="ledger-result"
            data-file={result.file.fileName}
            data-lines={result.file.lines}
          >
            <div>{t(result.downloaded ? 'ledger.downloaded' : 'ledger.saved', { n: result.file.lines })}</div>
            <div className="mono small">{result.file.path}</div>
            <div
              className={mayMissLines(result.file.completeness) ? 'status-error' : 'muted'}
              data-testid="ledger-completeness"
              data-kind={result.file.completeness.kind}
            >
              {result.file.completeness.kind === 'server'
                ? t('ledger.fromServer')
                : result.file.completeness.kind === 'complete'
                  ? t('ledger.complete')
                  : t('ledger.mayMiss', {
                      when: result.file.completeness.lastSyncAt
                        ? formatInstant(result.file.completeness.lastSyncAt, locale)
                        : t('sync.never'),
                    })}
            </div>
          </div>
        )}
        <div className="picker-hint">
          <KeyHints scope="ledger" />
        </div>
      </div>
    </div>
  );
}
