import { REPLY_LIMITS } from '../../../shared/replies/channel-limits';
import { useT } from '../i18n/use-t';
import { useDirectory } from '../store/directory-store';
import { currentRequest } from '../store/queue-store';
import { useTriage } from '../store/triage-store';
import { useTemplates } from '../store/templates-store';
import { useUi } from '../store/ui-store';
import { planFor } from '../triage/plan';
import { TextDialog } from './text-dialog';

/** r r: write the reply Enter will send, starting from the template's text, within the channel's length limit. */
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
    useTemplates.getState().templates,
  );
  const max = REPLY_LIMITS[request.channel];
  return (
    <TextDialog
      testId="reply"
      title={t('reply.title')}
      placeholder={t('reply.placeholder')}
      initial={plan.replyText ?? ''}
      max={max}
      tooLong={t('reply.tooLongFor', { channel: t(`channel.${request.channel}`), max })}
      onCancel={close}
      onSubmit={(text) => {
        close();
        useTriage.getState().change(request.id, { replyText: text });
      }}
    />
  );
}
