import { REPLY_TEMPLATES } from '../../../shared/replies/reply-templates';
import { mediaHashesIn } from '../../../shared/sync/media-address';
import { categoryOptions, firstLevel } from '../pickers/category-search';
import { useDirectory } from '../store/directory-store';
import { currentRequest, useQueue, type WorkView } from '../store/queue-store';
import { useSession } from '../store/session-store';
import { useSync } from '../store/sync-store';
import { useTriage } from '../store/triage-store';
import { useUi, type UiMode } from '../store/ui-store';
import { acceptSuggestion } from '../triage/accept-suggestion';
import type { KeyAction } from './keymap';

/** How long s puts a request aside. */
const SNOOZE_MS = 60 * 60_000;

/** What each key action does; the keymap says which key, this says what happens. */
export function runAction(action: KeyAction): void {
  const queue = useQueue.getState();
  const ui = useUi.getState();
  const category = /^category(\d)$/.exec(action);
  if (category) return setCategoryBySlot(Number(category[1]));
  const template = /^template(\d+)$/.exec(action);
  if (template)
    return changeDraft({
      templateId: REPLY_TEMPLATES.find((t) => t.slot === Number(template[1]))?.id ?? null,
      replyText: null,
    });
  switch (action) {
    case 'next':
      return queue.move(1);
    case 'previous':
      return queue.move(-1);
    case 'acceptSuggestion':
      return acceptSuggestion();
    case 'accept':
      return queue.decide((r) => (r.status === 'new' ? [{ kind: 'accept' }] : null), { advance: false });
    case 'classify':
      return openForCurrent('category-picker');
    case 'transfer':
      return openForCurrent('unit-picker');
    case 'noReply':
      return changeDraft({ templateId: null, replyText: null });
    case 'editReply':
      return openForCurrent('reply');
    case 'junk':
      // In the junk view the same key takes a false positive back out.
      return queue.decide(() => [queue.view === 'junk' ? { kind: 'restore' } : { kind: 'junk' }]);
    case 'merge':
      return openForCurrent('merge-picker');
    case 'linkCitizen':
      return openForCurrent('link-picker');
    case 'escalate':
      return queue.decide((r) => (r.escalated ? null : [{ kind: 'escalate', note: null }]), { advance: true });
    case 'snooze':
      return queue.decide(() => [{ kind: 'snooze', until: new Date(Date.now() + SNOOZE_MS).toISOString() }]);
    case 'note':
      return openForCurrent('note');
    case 'viewImage':
      return viewImage();
    case 'undo':
      return queue.undo();
    case 'toggleSelect':
      return queue.toggleSelect();
    case 'selectDown':
      return queue.extendSelection(1);
    case 'selectUp':
      return queue.extendSelection(-1);
    case 'palette':
      return ui.open('palette');
    case 'search':
      return ui.open('search');
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
    case 'settings':
      return ui.open('settings');
    case 'close':
      return closeSomething();
    case 'toggleTheme':
      return ui.toggleTheme();
    case 'toggleLocale':
      return ui.toggleLocale();
    case 'ledgerExport':
      return ui.open('ledger-export');
    case 'supervision':
      return openSupervision();
    case 'handover':
      return ui.open('handover');
    case 'goConflicts':
      return ui.open('conflicts');
    case 'signOut':
      return ui.open('sign-out');
  }
}

/** The supervisors' view is for supervisors and admins; the server refuses anyone else anyway. */
function openSupervision(): void {
  const role = useSession.getState().session?.operator?.role;
  if (role === 'supervisor' || role === 'admin') return useUi.getState().open('supervision');
  useUi.getState().notify({ id: 'notice.supervisorsOnly', tone: 'info' });
}

function goTo(view: WorkView): void {
  useQueue.getState().setView(view);
}

/** Esc: the overlay first, then a request opened from search, then the marks. */
function closeSomething(): void {
  const ui = useUi.getState();
  const queue = useQueue.getState();
  if (ui.mode !== 'normal') return ui.close();
  if (queue.opened) return queue.closeOpened();
  queue.clearSelection();
}

function changeDraft(patch: Parameters<ReturnType<typeof useTriage.getState>['change']>[1]): void {
  const request = currentRequest();
  if (!request) return useUi.getState().notify({ id: 'notice.noSelection', tone: 'info' });
  useTriage.getState().change(request.id, patch);
}

function setCategoryBySlot(slot: number): void {
  const option = firstLevel(categoryOptions(useDirectory.getState().categories))[slot - 1];
  if (option) changeDraft({ categoryId: option.category.id });
}

/** i: the current request's pictures, large; only when it has one fetched. */
function viewImage(): void {
  const request = currentRequest();
  if (!request) return useUi.getState().notify({ id: 'notice.noSelection', tone: 'info' });
  if (mediaHashesIn(request.attachments, ['image']).length === 0)
    return useUi.getState().notify({ id: 'notice.noImage', tone: 'info' });
  useUi.getState().open('media-viewer');
}

/** Overlays that act on a request only open when there is one. */
function openForCurrent(mode: UiMode): void {
  if (!currentRequest()) {
    useUi.getState().notify({ id: 'notice.noSelection', tone: 'info' });
    return;
  }
  useUi.getState().open(mode);
}
