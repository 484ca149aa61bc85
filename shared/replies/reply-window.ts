import type { Channel, InboundMessage, ReplyContact } from '../model';

/** How long after the citizen's last message a channel takes replies (CHANNELS.md §1.5, §2.4). */
export const REPLY_WINDOW_MS = 48 * 60 * 60 * 1000;

/**
 * Why a reply can or cannot go through the channel now.
 *   open           within 48 hours of the citizen's last message: any number of replies
 *   mention-once   Weibo: within 48 hours of an @mention that has not been answered yet: one reply
 *   expired        the last message is more than 48 hours old
 *   mention-answered  the @mention's one reply went out already
 *   unfollowed     the citizen unfollowed after writing
 *   no-contact     the citizen never wrote (an event-only request)
 */
export type ReplyWindowReason = 'open' | 'mention-once' | 'expired' | 'mention-answered' | 'unfollowed' | 'no-contact';

export interface ReplyWindow {
  open: boolean;
  /** When the window closes (or closed); null when there never was one. */
  closesAt: string | null;
  reason: ReplyWindowReason;
}

const at = (iso: string | null): number => (iso === null ? -Infinity : Date.parse(iso));

/**
 * The platform rules, one function for the server (which enforces them before sending) and the
 * workstation (which counts down). Alipay's window is not documented (CHANNELS.md §3.4): it is
 * treated like WeChat's, 48 hours, so nothing is sent that the platform may refuse.
 */
export function replyWindow(channel: Channel, contact: ReplyContact, now: number): ReplyWindow {
  const lastMessage = at(contact.lastMessageAt);
  const lastMention = channel === 'weibo' ? at(contact.lastMentionAt) : -Infinity;
  if (lastMessage === -Infinity && lastMention === -Infinity)
    return { open: false, closesAt: null, reason: 'no-contact' };
  if (at(contact.unfollowedAt) >= Math.max(lastMessage, lastMention))
    return { open: false, closesAt: contact.unfollowedAt, reason: 'unfollowed' };

  const messageCloses = lastMessage + REPLY_WINDOW_MS;
  if (now < messageCloses) return { open: true, closesAt: new Date(messageCloses).toISOString(), reason: 'open' };
  if (lastMention !== -Infinity) {
    const mentionCloses = new Date(lastMention + REPLY_WINDOW_MS).toISOString();
    if (at(contact.lastReplySentAt) >= lastMention)
      return { open: false, closesAt: mentionCloses, reason: 'mention-answered' };
    if (now < lastMention + REPLY_WINDOW_MS) return { open: true, closesAt: mentionCloses, reason: 'mention-once' };
  }
  const closedAt = Math.max(messageCloses, lastMention + REPLY_WINDOW_MS);
  return { open: false, closesAt: new Date(closedAt).toISOString(), reason: 'expired' };
}

/** Events by which a citizen leaves the account (WeChat unsubscribe, Weibo unfollow/unsubscribe, Alipay unfollow). */
const LEAVING = new Set(['unsubscribe', 'unfollow']);

/**
 * The contact after one more message from the citizen. The platform's own time counts (the window
 * runs from when they wrote), but never later than we received it, so a skewed clock cannot stretch it.
 */
export function contactAfter(
  contact: ReplyContact,
  message: Pick<InboundMessage, 'kind' | 'event' | 'sentAt'>,
  receivedAt: string,
): ReplyContact {
  const when = message.sentAt < receivedAt ? message.sentAt : receivedAt;
  const later = (previous: string | null) => (previous === null || when > previous ? when : previous);
  if (message.kind === 'event' && message.event !== null && LEAVING.has(message.event))
    return { ...contact, unfollowedAt: later(contact.unfollowedAt) };
  if (message.kind === 'event' && message.event === 'mention')
    return { ...contact, lastMentionAt: later(contact.lastMentionAt) };
  return { ...contact, lastMessageAt: later(contact.lastMessageAt) };
}
