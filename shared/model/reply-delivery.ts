import { z } from 'zod';
import { Instant } from './ids';

/**
 * What became of the latest reply decided on a request, as the server's outbound queue knows it:
 * queued (waiting or being retried), sent, failed (with the platform's error code), or not-allowed
 * (the platform's reply window was closed, so nothing was sent).
 */
export const ReplyDeliveryStatus = z.enum(['queued', 'sent', 'failed', 'not-allowed']);
export type ReplyDeliveryStatus = z.infer<typeof ReplyDeliveryStatus>;

export const ReplyDelivery = z.object({
  status: ReplyDeliveryStatus,
  /** The platform's error code (WeChat errcode, Weibo error_code, Alipay sub_code), or the window rule for not-allowed. */
  errorCode: z.string().nullable(),
  /** When the status was reached. */
  at: Instant,
  /** The reply decision it belongs to. */
  decisionId: z.string(),
  attempts: z.number().int().nonnegative(),
});
export type ReplyDelivery = z.infer<typeof ReplyDelivery>;

/**
 * The citizen's contact with the channel account as far as the reply window cares
 * (shared/replies/reply-window.ts): set at intake from the request's messages, and by the
 * outbound queue when a reply goes out.
 */
export const ReplyContact = z.object({
  /** The latest message or own action (follow, menu click, scan …) that opens the 48-hour window. */
  lastMessageAt: Instant.nullable(),
  /** The latest @mention of the account (Weibo), which allows one reply within 48 hours. */
  lastMentionAt: Instant.nullable(),
  /** When the citizen unfollowed or unsubscribed; after it nothing can be sent until they write again. */
  unfollowedAt: Instant.nullable(),
  /** When a reply last went out through the channel. */
  lastReplySentAt: Instant.nullable(),
});
export type ReplyContact = z.infer<typeof ReplyContact>;

export const NO_CONTACT: ReplyContact = {
  lastMessageAt: null,
  lastMentionAt: null,
  unfollowedAt: null,
  lastReplySentAt: null,
};
