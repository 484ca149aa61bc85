import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';
import { useNow } from './use-now';
import { useMarks } from '../store/marks-store';
import { itemAt } from '../store/view-list';
import { useQueue } from '../store/queue-store';
import { QueueRow } from './queue-row';

const ROW_HEIGHT = 60;

/** The merged queue of the current view; only the rows in sight are in the DOM, and only a window of the view is held. */
export function QueueList() {
  const t = useT();
  const view = useQueue((s) => s.view);
  const list = useQueue((s) => s.lists[s.view]);
  const marked = useMarks((s) => s.marked);
  const select = useQueue((s) => s.select);
  const showRange = useQueue((s) => s.showRange);
  // Deadlines count down while the operator works; once a minute is as fine as the labels go, but never
  // behind the moment the order is for, so a row that moved up as overdue says so at once.
  const now = Math.max(useNow(30_000), list.at);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: list.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? 0;

  useEffect(() => {
    if (list.total > 0) virtualizer.scrollToIndex(list.selectedIndex, { align: 'auto' });
  }, [virtualizer, list.selectedIndex, list.total]);

  useEffect(() => {
    if (list.loaded && list.total > 0) showRange(first, last);
  }, [showRange, first, last, list.loaded, list.total]);

  return (
    <div
      className="queue"
      ref={scrollRef}
      role="listbox"
      aria-label={t(`view.${view}`)}
      aria-multiselectable="true"
      data-testid="queue"
      data-total={list.total}
      tabIndex={-1}
    >
      {list.loaded && list.total === 0 ? (
        <div className="empty-state">
          <div>{t('queue.empty')}</div>
          <div className="muted">{t('queue.emptyHint')}</div>
        </div>
      ) : (
        <div className="queue-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const request = itemAt(list, row.index);
            return (
              <div
                key={request?.id ?? `slot-${row.index}`}
                className="queue-slot"
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              >
                {request ? (
                  <QueueRow
                    request={request}
                    now={now}
                    selected={row.index === list.selectedIndex}
                    marked={marked.has(request.id)}
                    onSelect={() => select(row.index)}
                  />
                ) : (
                  <div className="queue-row queue-row-loading" aria-hidden="true" />
                )}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
