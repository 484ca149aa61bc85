import { useEffect, useState } from 'react';
import type { LocalRequest, RequestHistoryView } from '../../../shared/api/workstation-api';
import type { HistoryEvent, SatisfactionScore } from '../../../shared/model';
import { call } from '../bridge/call';
import { formatInstant } from '../i18n/format-time';
import { useT } from '../i18n/use-t';
import { useDirectory } from '../store/directory-store';
import { useUi, type Locale } from '../store/ui-store';
import { useDecisionWords } from './decision-words';

/**
 * The request's whole story in the detail pane: the citizen's messages and every decision, with who
 * (operator, unit, supervisor, the system), when, from which device, and the texts in full, as text.
 * Asked for again whenever the request changes; offline it says the timeline is this workstation's copy.
 */
export function RequestTimeline({ request }: { request: LocalRequest }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const describe = useDecisionWords();
  const unitsById = useDirectory((s) => s.unitsById);
  const [history, setHistory] = useState<{ id: string; view: RequestHistoryView } | null>(null);
  const { id, version, pending } = request;

  useEffect(() => {
    let current = true;
    call('request.history', { id })
      .then((view) => current && setHistory({ id, view }))
      .catch(() => current && setHistory(null));
    return () => {
      current = false;
    };
  }, [id, version, pending]);

  const view = history?.id === id ? history.view : null;
  // The first message is the request's own text, shown above the timeline: its step says when it came, not what again.
  const arrival = view?.events.find((event) => event.kind === 'message')?.id;
  const unitName = (unitId: string | null) => (unitId ? (unitsById.get(unitId)?.name ?? unitId) : null);
  const whoOf = (event: HistoryEvent) =>
    event.actor === 'unit' ? [unitName(event.unitId), event.who].filter(Boolean).join(' · ') : event.who;
  return (
    <section className="timeline" data-testid="timeline" data-source={view?.source}>
      <h2 className="section-title">{t('timeline.title')}</h2>
      {view?.source === 'cache' && (
        <div className="timeline-offline muted" data-testid="timeline-offline">
          {view.fetchedAt
            ? t('timeline.offlineAsOf', { when: formatInstant(view.fetchedAt, locale) })
            : t('timeline.offline')}
        </div>
      )}
      {!view && <div className="muted">{t('app.loading')}</div>}
      <ol className="timeline-list">
        {view?.events.map((event) => (
          <li
            key={event.id}
            className="timeline-event"
            data-testid="timeline-event"
            data-kind={event.kind}
            data-actor={event.actor}
          >
            <div className="timeline-top">
              <span className="timeline-when mono">{formatInstant(event.at, locale)}</span>
              <span className={`tag actor-${event.actor}`}>{t(`actor.${event.actor}`)}</span>
              <span className="timeline-who">{whoOf(event) || t(`actor.${event.actor}`)}</span>
              {event.deviceId && (
                <span className="timeline-device muted mono" title={t('timeline.device')}>
                  {event.deviceId}
                </span>
              )}
              {event.pending && <span className="tag tag-pending">{t('queue.pending')}</span>}
            </div>
            <div className="timeline-what" data-testid="timeline-what">
              {event.id === arrival
                ? t('timeline.arrived')
                : describe({
                    kind: event.kind,
                    unitId: event.actor === 'unit' ? null : event.unitId,
                    categoryId: event.categoryId,
                    ...(event.kind === 'merge' && event.detail ? { intoRequestId: event.detail } : {}),
                  })}
              {event.detail && event.kind !== 'merge' && (
                <span className="muted"> · {detailText(t, event, locale)}</span>
              )}
            </div>
            {event.text && event.id !== arrival && (
              <p className="timeline-text" data-testid="timeline-text">
                {event.text}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Working days of an extension, a snooze's end; anything else as the server gave it. */
function detailText(t: ReturnType<typeof useT>, event: HistoryEvent, locale: Locale): string {
  const detail = event.detail ?? '';
  if (event.kind === 'unit-extension-request' || event.kind === 'extension-grant')
    return t('timeline.workingDays', { n: detail });
  if (event.kind === 'snooze') return formatInstant(detail, locale);
  if (event.kind === 'record-callback' || event.kind === 'citizen-rating')
    return t(`rating.${detail as SatisfactionScore}`);
  return detail;
}
