import { useT } from '../i18n/use-t';
import { useQueue, type WorkView } from '../store/queue-store';

const TABS: readonly { view: WorkView; keys: string }[] = [
  { view: 'queue', keys: 'g q' },
  { view: 'junk', keys: 'g j' },
  { view: 'done', keys: 'g d' },
];

/** The three views with their keys; also clickable. */
export function ViewTabs() {
  const t = useT();
  const current = useQueue((s) => s.view);
  const count = useQueue((s) => s.lists[s.view].total);
  const marked = useQueue((s) => s.selection.size);
  const setView = useQueue((s) => s.setView);
  return (
    <nav className="view-tabs" role="tablist">
      {TABS.map(({ view, keys }) => (
        <button
          key={view}
          type="button"
          role="tab"
          aria-selected={view === current}
          className="view-tab"
          tabIndex={-1}
          onClick={() => setView(view)}
        >
          {t(`view.${view}`)}
          <kbd>{keys}</kbd>
        </button>
      ))}
      <span className="view-count muted" data-testid="view-count" data-count={count}>
        {t('queue.count', { n: count })}
      </span>
      {marked > 0 && (
        <span className="view-marked" data-testid="marked-count" data-count={marked}>
          {t('queue.markedCount', { n: marked })}
        </span>
      )}
    </nav>
  );
}
