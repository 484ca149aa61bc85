import { useEffect } from 'react';
import { CategoryPicker } from '../components/category-picker';
import { HelpOverlay } from '../components/help-overlay';
import { QueueList } from '../components/queue-list';
import { ReplyBox } from '../components/reply-box';
import { RequestDetail } from '../components/request-detail';
import { StatusBar } from '../components/status-bar';
import { UnitPicker } from '../components/unit-picker';
import { ViewTabs } from '../components/view-tabs';
import { useT } from '../i18n/use-t';
import { useGlobalKeys } from '../keyboard/use-global-keys';
import { useDirectory } from '../store/directory-store';
import { useQueue } from '../store/queue-store';
import { useSync } from '../store/sync-store';
import { useUi } from '../store/ui-store';

/** The signed-in workstation: queue on the left, the selected request on the right. */
export function WorkstationScreen() {
  const t = useT();
  const mode = useUi((s) => s.mode);
  useGlobalKeys();

  useEffect(() => {
    void useDirectory.getState().load();
    void useSync.getState().load();
    useQueue.getState().refresh();
  }, []);

  return (
    <div className="workstation">
      <header className="top-bar">
        <span className="brand">{t('app.title')}</span>
        <ViewTabs />
        <span className="top-hint muted">
          <kbd>?</kbd>
        </span>
      </header>
      <main className="panes">
        <QueueList />
        <RequestDetail />
      </main>
      <StatusBar />
      {mode === 'category-picker' && <CategoryPicker />}
      {mode === 'unit-picker' && <UnitPicker />}
      {mode === 'reply' && <ReplyBox />}
      {mode === 'help' && <HelpOverlay />}
    </div>
  );
}
