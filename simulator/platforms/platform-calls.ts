import type { Channel } from '../../shared/model';

/** One call Yiwang made to a simulated platform API, as the platform saw it. */
export interface PlatformCall {
  channel: Channel;
  api: 'token' | 'send' | 'media';
  at: string;
  /** The credentials checked out: a valid token, the account's access token, a good RSA2 signature. */
  authorised: boolean;
  /** The channel account the call was made for (AppID, Weibo uid, Alipay app id). */
  account: string | null;
  recipient: string | null;
  text: string | null;
  /** What the platform answered: 0 / "10000" for success, else its error code. */
  answer: string;
}

/** Errors to answer instead of taking calls, per channel: for retries and refusals in tests. */
export interface Faults {
  /** Answer the next `count` sends of the channel with `code` (WeChat errcode, Weibo error_code, Alipay code/sub_code). */
  failNextSends(channel: Channel, count: number, code: string): void;
  /** Answer the next `count` media downloads of the channel with a server error. */
  failNextMedia(channel: Channel, count: number): void;
  /** Answer every send of the channel `ms` late, after recording it (0: at once): a call in flight to kill a server in. */
  delaySends(channel: Channel, ms: number): void;
}
