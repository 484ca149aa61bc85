import type { SendResult } from '../../platforms/send-result';

/** A reply as a sender needs it: which channel account sends what to whom. */
export interface OutgoingReply {
  /** The account the citizen wrote to, as stored on the request (gh_ id, Weibo uid, Alipay app id). */
  account: string;
  /** The citizen's id on the channel. */
  recipient: string;
  text: string;
}

export type ReplySender = (reply: OutgoingReply) => Promise<SendResult>;

/** The reply's account is no longer configured: nothing can send it, now or later. */
export const NO_ACCOUNT: SendResult = { outcome: 'failed', errorCode: 'no-account' };
