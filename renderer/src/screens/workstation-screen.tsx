import { AuditView } from '../components/audit-view';
import { useEffect } from 'react';
import { CategoryPicker } from '../components/category-picker';
import { CommandPalette } from '../components/command-palette';
import { ConflictsView } from '../components/conflicts-view';
import { SignOutDialog } from '../components/sign-out-dialog';
import { TakeOverDialog } from '../components/take-over-dialog';
import { useClaimCurrent } from '../claims/use-claim-current';
import { useHandoverOnSignIn } from '../shift/use-handover-on-sign-in';
import { LinkPicker } from '../components/link-picker';
import { MergePicker } from '../components/merge-picker';
import { NoteBox } from '../components/note-box';
import { SettingsOverlay } from '../components/settings-overlay';
import { HelpOverlay } from '../components/help-overlay';
import { MediaViewer } from '../components/media-viewer';
import { HandoverPanel } from '../components/handover-panel';
import { LedgerExportDialog } from '../components/ledger-export-dialog';
import { SupervisionView } from '../components/supervision-view';
import { QueueList } from '../components/queue-list';
import { CallbackDialog } from '../components/callback-dialog';
import { RejectAnswerBox, RelayOtherBox } from '../components/relay-boxes';
import { ReplyBox } from '../components/reply-box';
import { RequestDetail } from '../components/request-detail';
import { StatusBar } from '../components/status-bar';
import { UnitPicker } from '../components/unit-picker';
import { ViewTabs } from '../components/view-tabs';
import { useT } from '../i18n/use-t';
import { useGlobalKeys } from '../keyboard/use-global-keys';
import { useDirectory } from '../store/directory-store';
import { useQueue } from '../store/queue-store';
import { useStats } from '../store/stats-store';
import { useSync } from '../store/sync-store';
import { useTemplates } from '../store/templates-store';
import { useUi } from '../store/ui-store';

/** The signed-in workstation: queue on the left, the selected request on the right. */
export function WorkstationScreen() {
  const t = useT();
  const mode = useUi((s) => s.mode);
  useGlobalKeys();
  useClaimCurrent();
  useHandoverOnSignIn();

  useEffect(() => {
    void useDirectory.getState().load();
    void useTemplates.getState().load();
    void useSync.getState().load();
    useQueue.getState().load();
    useStats.getState().load();
  }, []);

  return (
    <div className="workstation">
      <header className="top-bar">
        <span className="brand">{t('app.title')}</span>
        <ViewTabs />
        <span className="top-hint muted">
          <kbd>Ctrl+K</kbd> <kbd>/</kbd> <kbd>?</kbd>
        </span>
      </header>
      {mode === 'conflicts' ? (
        <ConflictsView />
      ) : (
        <main className="panes">
          <QueueList />
          <RequestDetail />
        </main>
      )}
      <StatusBar />
      {mode === 'category-picker' && <CategoryPicker />}
      {mode === 'unit-picker' && <UnitPicker />}
      {mode === 'reply' && <ReplyBox />}
      {mode === 'note' && <NoteBox />}
      {mode === 'reject-answer' && <RejectAnswerBox />}
      {mode === 'relay-phone' && <RelayOtherBox route="phone" />}
      {mode === 'relay-public' && <RelayOtherBox route="public" />}
      {mode === 'callback' && <CallbackDialog />}
      {mode === 'merge-picker' && <MergePicker />}
      {mode === 'link-picker' && <LinkPicker />}
      {mode === 'palette' && <CommandPalette requestsOnly={false} />}
      {mode === 'search' && <CommandPalette requestsOnly />}
      {mode === 'settings' && <SettingsOverlay />}
      {mode === 'help' && <HelpOverlay />}
      {mode === 'media-viewer' && <MediaViewer />}
      {mode === 'ledger-export' && <LedgerExportDialog />}
      {mode === 'supervision' && <SupervisionView />}
      {mode === 'handover' && <HandoverPanel />}
      {mode === 'take-over' && <TakeOverDialog />}
      {mode === 'audit' && <AuditView />}
      {mode === 'sign-out' && <SignOutDialog />}
    </div>
  );
}
