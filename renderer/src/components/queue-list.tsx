import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/use-t';
import { useQueue } from '../store/queue-store';
import { QueueRow } from './queue-row';

const ROW_HEIGHT = 60;

/** The merged queue of the current view; only the rows in sight are in the DOM. */
export function QueueList() {
  const t = useT();
  const view = useQueue((s) => s.view);
  const list = useQueue((s) => s.lists[s.view]);
  const select = useQueue((s) => s.select);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: list.items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });

  useEffect(() => {
    if (list.items.length > 0) virtualizer.scrollToIndex(list.selectedIndex, { align: 'auto' });
  }, [virtualizer, list.selectedIndex, list.items.length]);

  return (
    <div className="queue" ref={scrollRef} role="listbox" aria-label={t(`view.${view}`)} data-testid="queue" tabIndex={-1}>
      {list.loaded && list.items.length === 0 ? (
        <div className="empty-state">
          <div>{t('queue.empty')}</div>
          <div className="muted">{t('queue.emptyHint')}</div>
        </div>
      ) : (
        <div className="queue-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const request = list.items[row.index];
            if (!request) return null;
            return (
              <div key={request.id} className="queue-slot" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
                <QueueRow request={request} selected={row.index === list.selectedIndex} onSelect={() => select(row.index)} />
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
