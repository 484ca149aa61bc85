import { useT } from '../i18n/use-t';
import { useDirectory } from '../store/directory-store';
import { currentRequest } from '../store/queue-store';
import { useTriage } from '../store/triage-store';
import { useUi } from '../store/ui-store';
import { planFor } from '../triage/plan';
import { TextDialog } from './text-dialog';

/** The decision schema's limit on a reply. */
const MAX_REPLY = 2000;

/** r r: write the reply Enter will send, starting from the template's text. */
export function ReplyBox() {
  const t = useT();
  const close = useUi((s) => s.close);
  const request = currentRequest();
  if (!request) return null;
  const { contexts, drafts } = useTriage.getState();
  const unitsById = useDirectory.getState().unitsById;
  const plan = planFor(
    request,
    contexts.get(request.id) ?? null,
    drafts.get(request.id) ?? {},
    (id) => unitsById.get(id)?.name ?? null,
  );
  return (
    <TextDialog
      testId="reply"
      title={t('reply.title')}
      placeholder={t('reply.placeholder')}
      initial={plan.replyText ?? ''}
      max={MAX_REPLY}
      onCancel={close}
      onSubmit={(text) => {
        close();
        useTriage.getState().change(request.id, { replyText: text });
      }}
    />
  );
}
