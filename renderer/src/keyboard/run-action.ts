import { useQueue, type WorkView } from '../store/queue-store';
import { useSync } from '../store/sync-store';
import { useUi, type UiMode } from '../store/ui-store';
import type { KeyAction } from './keymap';

/** What each key action does; the keymap says which key, this says what happens. */
export function runAction(action: KeyAction): void {
  const queue = useQueue.getState();
  const ui = useUi.getState();
  switch (action) {
    case 'next':
      return queue.move(1);
    case 'previous':
      return queue.move(-1);
    case 'accept':
      return queue.decide({ kind: 'accept' });
    case 'classify':
      return openForSelection('category-picker');
    case 'transfer':
      return openForSelection('unit-picker');
    case 'reply':
      return openForSelection('reply');
    case 'junk':
      // In the junk view the same key takes a false positive back out.
      return queue.decide(queue.view === 'junk' ? { kind: 'restore' } : { kind: 'junk' });
    case 'undo':
      return queue.undo();
    case 'syncNow':
      return void useSync.getState().syncNow();
    case 'goQueue':
      return goTo('queue');
    case 'goJunk':
      return goTo('junk');
    case 'goDone':
      return goTo('done');
    case 'help':
      return ui.toggleHelp();
    case 'close':
      return ui.close();
    case 'toggleTheme':
      return ui.toggleTheme();
    case 'toggleLocale':
      return ui.toggleLocale();
  }
}

function goTo(view: WorkView): void {
  useQueue.getState().setView(view);
}

/** Overlays that act on a request only open when one is selected. */
function openForSelection(mode: UiMode): void {
  const { lists, view } = useQueue.getState();
  const list = lists[view];
  if (!list.items[list.selectedIndex]) {
    useUi.getState().notify({ id: 'notice.noSelection', tone: 'info' });
    return;
  }
  useUi.getState().open(mode);
}
