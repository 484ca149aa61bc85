import { unitNews } from '../../../shared/queue/unit-news';
import { templateInSlot } from '../../../shared/replies/reply-templates';
import { mediaHashesIn } from '../../../shared/sync/media-address';
import { categoryOptions, firstLevel } from '../pickers/category-search';
import { useDirectory } from '../store/directory-store';
import { useMarks } from '../store/marks-store';
import { notify } from '../store/notice-store';
import { currentRequest, useQueue } from '../store/queue-store';
import { useSession } from '../store/session-store';
import { useSync } from '../store/sync-store';
import { useTemplates } from '../store/templates-store';
import { useTriage } from '../store/triage-store';
import { useUi, type UiMode } from '../store/ui-store';
import type { WorkView } from '../store/view-list';
import { acceptSuggestion } from '../triage/accept-suggestion';
import { decisionForKey } from '../triage/dispatch';
import { relayOf } from '../triage/plan';
import { decide, undo } from '../triage/send-decisions';
import type { KeyAction } from './keymap';

/** What each key action does; the keymap says which key, this says what happens. */
export function runAction(action: KeyAction): void {
  const queue = useQueue.getState();
  const ui = useUi.getState();
  const decision = decisionForKey(action, queue.view, Date.now());
  if (decision) return decide(decision.plan, { advance: decision.advance });
  const category = /^category(\d)$/.exec(action);
  if (category) return setCategoryBySlot(Number(category[1]));
  const template = /^template(\d+)$/.exec(action);
  if (template) {
    const chosen = templateInSlot(useTemplates.getState().templates, Number(template[1]));
    // A key past the centre's last template does nothing rather than clear the reply.
    return chosen ? changeDraft({ templateId: chosen.id, replyText: null }) : undefined;
  }
  switch (action) {
    case 'next':
      return queue.move(1);
    case 'previous':
      return queue.move(-1);
    case 'acceptSuggestion':
      return acceptSuggestion();
    case 'classify':
      return openForCurrent('category-picker');
    case 'transfer':
      return openForCurrent('unit-picker');
    case 'noReply':
      return changeDraft({ templateId: null, replyText: null });
    case 'editReply':
      return openForCurrent('reply');
    case 'rejectAnswer':
      return openForAnswered();
    case 'relayByPhone':
      return openForRelay('relay-phone');
    case 'relayPublicly':
      return openForRelay('relay-public');
    case 'recordCallback':
      return openForClosed();
    case 'merge':
      return openForCurrent('merge-picker');
    case 'linkCitizen':
      return openForCurrent('link-picker');
    case 'note':
      return openForCurrent('note');
    case 'viewImage':
      return viewImage();
    case 'undo':
      return undo();
    case 'toggleSelect':
      return toggleMark();
    case 'selectDown':
      return extendMarks(1);
    case 'selectUp':
      return extendMarks(-1);
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
    case 'auditLog':
      return openAuditLog();
    case 'signOut':
      return ui.open('sign-out');
  }
}

/** The supervisors' view is for supervisors and admins; the server refuses anyone else anyway. */
function openSupervision(): void {
  const role = useSession.getState().session?.operator?.role;
  if (role === 'supervisor' || role === 'admin') return useUi.getState().open('supervision');
  notify('supervisorsOnly');
}

/** The audit log is the admins'; the server refuses anyone else anyway. */
function openAuditLog(): void {
  if (useSession.getState().session?.operator?.role === 'admin') return useUi.getState().open('audit');
  notify('adminsOnly');
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
  useMarks.getState().clear();
}

/** x: marks the current request, or unmarks it. */
function toggleMark(): void {
  const request = currentRequest();
  if (request) useMarks.getState().toggle(request);
}

/** Shift+J / Shift+K: marks the current request and the one the cursor moves to. */
function extendMarks(delta: number): void {
  const request = currentRequest();
  if (!request) return;
  useQueue.getState().move(delta);
  const next = currentRequest();
  useMarks.getState().add(next ? [request, next] : [request]);
}

function changeDraft(patch: Parameters<ReturnType<typeof useTriage.getState>['change']>[1]): void {
  const request = currentRequest();
  if (!request) return notify('noSelection');
  useTriage.getState().change(request.id, patch);
}

function setCategoryBySlot(slot: number): void {
  const option = firstLevel(categoryOptions(useDirectory.getState().categories))[slot - 1];
  if (option) changeDraft({ categoryId: option.category.id });
}

/** i: the current request's pictures, large; only when it has one fetched. */
function viewImage(): void {
  const request = currentRequest();
  if (!request) return notify('noSelection');
  if (mediaHashesIn(request.attachments, ['image']).length === 0) return notify('noImage');
  useUi.getState().open('media-viewer');
}

/** u: only a request with its unit's answer on it can send the answer back. */
function openForAnswered(): void {
  const request = currentRequest();
  if (!request) return notify('noSelection');
  if (unitNews(request) !== 'answered') return notify('noUnitAnswer');
  useUi.getState().open('reject-answer');
}

/** p, Shift+P: what the unit sent back, passed on another way than the channel. */
function openForRelay(mode: 'relay-phone' | 'relay-public'): void {
  const request = currentRequest();
  if (!request) return notify('noSelection');
  if (!relayOf(request)) return notify('nothingToRelay');
  useUi.getState().open(mode);
}

/** v: a phone callback (电话回访) rates a closed request. */
function openForClosed(): void {
  const request = currentRequest();
  if (!request) return notify('noSelection');
  if (request.status !== 'closed') return notify('notClosed');
  useUi.getState().open('callback');
}

/** Overlays that act on a request only open when there is one. */
function openForCurrent(mode: UiMode): void {
  if (!currentRequest()) return notify('noSelection');
  useUi.getState().open(mode);
}
