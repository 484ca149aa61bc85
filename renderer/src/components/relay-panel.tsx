import type { Request } from '../../../shared/model';
import { replyWindow, type ReplyWindowReason } from '../../../shared/replies/reply-window';
import { useT } from '../i18n/use-t';
import { relayOf } from '../triage/plan';
import { useKeyOf } from './key-hints';
import { useNow } from './use-now';

type Closed = Exclude<ReplyWindowReason, 'open' | 'mention-once'>;

/**
 * What Enter does with what the unit sent back, said before the key is pressed: passed on to the citizen
 * on their channel (and closed, for an answer); or, when the channel can no longer reach them (WeChat's
 * 48 hours, a Weibo @mention already answered), that it cannot, with the other routes and their keys.
 */
export function RelayPanel({ request }: { request: Request }) {
  const t = useT();
  const now = useNow(30_000);
  const keys = {
    enter: useKeyOf('acceptSuggestion'),
    edit: useKeyOf('editReply'),
    phone: useKeyOf('relayByPhone'),
    public: useKeyOf('relayPublicly'),
    reject: useKeyOf('rejectAnswer'),
  };
  const relay = relayOf(request);
  if (!relay) return null;
  const window = replyWindow(request.channel, request.contact, now);
  const channel = t(`channel.${request.channel}`);
  return (
    <section className="relay" data-testid="relay" data-open={window.open ? 'true' : 'false'}>
      {window.open ? (
        <p data-testid="relay-enter">
          {t(relay.kind === 'answered' ? 'relay.enterAnswered' : 'relay.enterProgress', { ...keys, channel })}
        </p>
      ) : (
        <p className="relay-closed" role="alert" data-testid="relay-closed" data-reason={window.reason}>
          {t('relay.closed', { ...keys, channel, why: t(`relay.why.${window.reason as Closed}`) })}
        </p>
      )}
      <ul className="relay-routes">
        <li>
          <kbd>{keys.phone}</kbd> {t('relay.phone')}
        </li>
        <li>
          <kbd>{keys.public}</kbd> {t('relay.public')}
        </li>
        {relay.kind === 'answered' && (
          <li>
            <kbd>{keys.reject}</kbd> {t('relay.reject')}
          </li>
        )}
      </ul>
    </section>
  );
}
