import type { DecisionAction } from '../../../shared/model';
import { useT } from '../i18n/use-t';
import { useDirectory } from '../store/directory-store';
import { currentRequest } from '../store/queue-store';
import { useTemplates } from '../store/templates-store';
import { useUi } from '../store/ui-store';
import { relayDraft, relayOf } from '../triage/plan';
import { decide } from '../triage/send-decisions';
import { TextDialog } from './text-dialog';

/** The decision schema's limits on a note and a reason. */
const MAX_NOTE = 3900;
const MAX_REASON = 2000;

/**
 * p, Shift+P: what the unit sent back, passed on another way when the channel cannot (a phone call, a
 * public answer): recorded as a note, and an answer so passed on closes the request.
 */
export function RelayOtherBox({ route }: { route: 'phone' | 'public' }) {
  const t = useT();
  const close = useUi((s) => s.close);
  const request = currentRequest();
  const relay = request ? relayOf(request) : null;
  if (!request || !relay) return null;
  const unitsById = useDirectory.getState().unitsById;
  const initial = relayDraft(request, (id) => unitsById.get(id)?.name ?? null, useTemplates.getState().templates) ?? '';
  return (
    <TextDialog
      testId={`relay-${route}`}
      title={t(route === 'phone' ? 'relay.phoneTitle' : 'relay.publicTitle')}
      placeholder=""
      initial={initial}
      max={MAX_NOTE}
      onCancel={close}
      onSubmit={(text) => {
        close();
        const note = t(route === 'phone' ? 'relay.phoneNote' : 'relay.publicNote', { text });
        const actions: DecisionAction[] = [{ kind: 'note', text: note }];
        if (relay.kind === 'answered') actions.push({ kind: 'close' });
        decide((r) => (r.id === request.id ? actions : null), { advance: true });
      }}
    />
  );
}

/** u: the unit's answer does not answer the citizen (答复不满意 / 未实质答复): back to the unit with the reason. */
export function RejectAnswerBox() {
  const t = useT();
  const close = useUi((s) => s.close);
  const request = currentRequest();
  if (!request?.unitId) return null;
  const unitId = request.unitId;
  return (
    <TextDialog
      testId="reject-answer"
      title={t('rejectAnswer.title')}
      placeholder={t('rejectAnswer.placeholder')}
      initial={t('rejectAnswer.initial')}
      max={MAX_REASON}
      onCancel={close}
      onSubmit={(reason) => {
        close();
        decide((r) => (r.id === request.id ? [{ kind: 'reject-answer', unitId, reason }] : null), { advance: true });
      }}
    />
  );
}
