import { useT } from '../i18n/use-t';
import type { KeyAction } from '../keyboard/keymap';
import { useMarks } from '../store/marks-store';
import { useQueue } from '../store/queue-store';
import { useSync } from '../store/sync-store';
import { useUi } from '../store/ui-store';
import type { WorkView } from '../store/view-list';
import { useKeyOf } from './key-hints';

const TABS: readonly { view: WorkView; action: KeyAction }[] = [
  { view: 'queue', action: 'goQueue' },
  { view: 'junk', action: 'goJunk' },
  { view: 'done', action: 'goDone' },
];

/** The views with their keys (the conflicts view last); also clickable. */
export function ViewTabs() {
  const t = useT();
  const current = useQueue((s) => s.view);
  const count = useQueue((s) => s.lists[s.view].total);
  const marked = useMarks((s) => s.marked.size);
  const setView = useQueue((s) => s.setView);
  const inConflicts = useUi((s) => s.mode === 'conflicts');
  const conflicts = useSync((s) => s.status?.conflicts ?? 0);
  return (
    <nav className="view-tabs" role="tablist">
      {TABS.map(({ view, action }) => (
        <button
          key={view}
          type="button"
          role="tab"
          aria-selected={view === current && !inConflicts}
          className="view-tab"
          tabIndex={-1}
          onClick={() => {
            useUi.getState().close();
            setView(view);
          }}
        >
          {t(`view.${view}`)}
          <TabKey action={action} />
        </button>
      ))}
      <button
        type="button"
        role="tab"
        aria-selected={inConflicts}
        className="view-tab"
        data-testid="conflicts-tab"
        tabIndex={-1}
        onClick={() => useUi.getState().open('conflicts')}
      >
        {t('conflicts.title')}
        {conflicts > 0 && <span className="tag tag-warn">{conflicts}</span>}
        <TabKey action="goConflicts" />
      </button>
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

/** The key that opens a view, as remapped. */
function TabKey({ action }: { action: KeyAction }) {
  return <kbd>{useKeyOf(action)}</kbd>;
}
