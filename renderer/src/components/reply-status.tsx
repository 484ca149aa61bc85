import type { Request } from '../../../shared/model';
import { replyWindow } from '../../../shared/replies/reply-window';
import { useT } from '../i18n/use-t';
import { useNow } from './use-now';

const MINUTE = 60_000;

/**
 * The request's reply window as a countdown (the platform's 48 hours, or the one reply an @mention
 * allows), saying plainly when a reply can no longer go through the channel; and what became of
 * the latest reply the server sent.
 */
export function ReplyStatus({ request }: { request: Request }) {
  const t = useT();
  const now = useNow(30_000);
  const window = replyWindow(request.channel, request.contact, now);
  const channel = t(`channel.${request.channel}`);
  const delivery = request.replyDelivery;
  let windowText: string;
  if (window.open) {
    const minutes = Math.max(0, Math.round((Date.parse(window.closesAt!) - now) / MINUTE));
    const span = minutes < 60 ? t('due.minutes', { n: minutes }) : t('due.hours', { n: Math.floor(minutes / 60) });
    windowText = t(window.reason === 'mention-once' ? 'reply.mentionOnce' : 'reply.open', { span });
  } else {
    windowText = t(`reply.closed.${window.reason as Exclude<typeof window.reason, 'open' | 'mention-once'>}`, {
      channel,
    });
  }
  return (
    <>
      <dt>{t('reply.window')}</dt>
      <dd
        data-testid="reply-window"
        data-open={window.open ? 'true' : 'false'}
        className={window.open ? undefined : 'reply-closed'}
      >
        {windowText}
      </dd>
      {delivery && (
        <>
          <dt>{t('reply.delivery')}</dt>
          <dd data-testid="reply-delivery" data-status={delivery.status}>
            {delivery.status === 'queued' && delivery.errorCode
              ? t('reply.delivery.retrying', { code: delivery.errorCode })
              : t(`reply.delivery.${delivery.status}`, { code: delivery.errorCode ?? '' })}
          </dd>
        </>
      )}
      {request.junkReason && (
        <>
          <dt>{t('detail.status')}</dt>
          <dd data-testid="junk-reason">{t('junk.reason', { reason: request.junkReason })}</dd>
        </>
      )}
    </>
  );
}
