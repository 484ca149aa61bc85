import type { Channel } from '../model';
import { fillTemplate, MAX_TEMPLATE_TEXT } from './reply-templates';

/**
 * The longest reply each channel takes, in characters (code points, so 汉字 count one each). Weibo's from
 * CHANNELS.md §2.4 (text < 300 汉字). For WeChat's customer-service message and Alipay's custom send,
 * CHANNELS.md gives no figure, so they take what a reply decision carries (MAX_TEMPLATE_TEXT).
 */
export const REPLY_LIMITS: Readonly<Record<Channel, number>> = {
  weibo: 299,
  wechat: MAX_TEMPLATE_TEXT,
  alipay: MAX_TEMPLATE_TEXT,
};

export function replyLength(text: string): number {
  return [...text].length;
}

/** A reply's length against its channel's limit. */
export interface LengthCheck {
  length: number;
  limit: number;
  over: boolean;
}

export function checkReply(text: string, channel: Channel): LengthCheck {
  const length = replyLength(text);
  const limit = REPLY_LIMITS[channel];
  return { length, limit, over: length > limit };
}

/**
 * Details long enough to judge a template by before it meets a request: a long unit name, a full request
 * number, a due time. The citizen's name and the unit's answer vary too much to guess, so the check counts
 * the template without them (the reply box checks the real reply).
 */
const SAMPLE = {
  citizen: '',
  number: 'YW-20261203-0001',
  unit: '市人力资源和社会保障局',
  deadline: '2026-12-05T09:30:00.000Z',
  answer: '',
};

/** A template's length on each channel as its editor types it, with those sample details. */
export function templateLengths(text: string): Record<Channel, LengthCheck> {
  const filled = fillTemplate(text, SAMPLE);
  return {
    wechat: checkReply(filled, 'wechat'),
    weibo: checkReply(filled, 'weibo'),
    alipay: checkReply(filled, 'alipay'),
  };
}
