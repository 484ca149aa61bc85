import { describe, expect, it } from 'vitest';
import { NO_CONTACT } from '../../shared/model';
import { contactAfter, REPLY_WINDOW_MS, replyWindow } from '../../shared/replies/reply-window';

const T0 = Date.parse('2026-11-28T02:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3600_000;

describe('replyWindow', () => {
  it('is open for 48 hours after the last message, on every channel', () => {
    for (const channel of ['wechat', 'weibo', 'alipay'] as const) {
      const contact = { ...NO_CONTACT, lastMessageAt: iso(T0) };
      expect(replyWindow(channel, contact, T0 + 47 * HOUR)).toEqual({
        open: true,
        closesAt: iso(T0 + REPLY_WINDOW_MS),
        reason: 'open',
      });
      expect(replyWindow(channel, contact, T0 + REPLY_WINDOW_MS)).toMatchObject({ open: false, reason: 'expired' });
    }
  });

  it('allows one reply to a Weibo @mention, and only on Weibo', () => {
    const mentioned = { ...NO_CONTACT, lastMentionAt: iso(T0) };
    expect(replyWindow('weibo', mentioned, T0 + HOUR)).toMatchObject({ open: true, reason: 'mention-once' });
    expect(replyWindow('weibo', { ...mentioned, lastReplySentAt: iso(T0 + HOUR) }, T0 + 2 * HOUR)).toMatchObject({
      open: false,
      reason: 'mention-answered',
    });
    expect(replyWindow('wechat', mentioned, T0 + HOUR)).toMatchObject({ open: false, reason: 'no-contact' });
    // A private message in the window lifts the one-reply limit.
    expect(
      replyWindow('weibo', { ...mentioned, lastMessageAt: iso(T0), lastReplySentAt: iso(T0 + HOUR) }, T0 + 2 * HOUR),
    ).toMatchObject({ open: true, reason: 'open' });
  });

  it('is closed once the citizen unfollowed, until they write again', () => {
    const left = { ...NO_CONTACT, lastMessageAt: iso(T0), unfollowedAt: iso(T0 + HOUR) };
    expect(replyWindow('wechat', left, T0 + 2 * HOUR)).toMatchObject({ open: false, reason: 'unfollowed' });
    expect(replyWindow('wechat', { ...left, lastMessageAt: iso(T0 + 3 * HOUR) }, T0 + 4 * HOUR)).toMatchObject({
      open: true,
    });
  });
});

describe('contactAfter', () => {
  const message = (kind: 'text' | 'event', event: string | null, sentAt: number) => ({
    kind,
    event,
    sentAt: iso(sentAt),
  });

  it('records messages, mentions and unfollows, each at the latest', () => {
    let contact = contactAfter(NO_CONTACT, message('text', null, T0), iso(T0));
    contact = contactAfter(contact, message('event', 'mention', T0 + HOUR), iso(T0 + HOUR));
    contact = contactAfter(contact, message('text', null, T0 - HOUR), iso(T0 + 2 * HOUR)); // late, older
    contact = contactAfter(contact, message('event', 'unsubscribe', T0 + 3 * HOUR), iso(T0 + 3 * HOUR));
    expect(contact).toEqual({
      lastMessageAt: iso(T0),
      lastMentionAt: iso(T0 + HOUR),
      unfollowedAt: iso(T0 + 3 * HOUR),
      lastReplySentAt: null,
    });
  });

  it('never dates a message later than it was received, so a skewed platform clock cannot stretch the window', () => {
    expect(contactAfter(NO_CONTACT, message('text', null, T0 + 100 * HOUR), iso(T0)).lastMessageAt).toBe(iso(T0));
  });
});
