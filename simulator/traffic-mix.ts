import { createHash } from 'node:crypto';
import type { Channel } from '../shared/model';
import type { CitizenMessage } from './citizen-message';
import type { CorpusMessage } from './fixtures/wechat-corpus';
import type { SimulatedChannel } from './options';

/** The realistic mix: Weibo brings most citizen requests, WeChat a good part, Alipay a few. */
const MIX: readonly [Channel, number][] = [
  ['weibo', 0.8],
  ['wechat', 0.15],
  ['alipay', 0.05],
];

/** What spammers and idle followers send; intake should keep all of it out of the main queue. */
export const JUNK_TEXTS: readonly string[] = [
  '加微信 yw88888 领取优惠券，日赚500不是梦',
  '真人荷官在线发牌，首充送88，存100送100',
  '兼职刷单日结，点击链接领取',
  '你好',
  '在吗？？',
  '贷款秒批免抵押，联系QQ:123456789',
];

export function pickChannel(choice: SimulatedChannel, random: () => number = Math.random): Channel {
  if (choice !== 'mix') return choice;
  let roll = random();
  for (const [channel, share] of MIX) {
    roll -= share;
    if (roll < 0) return channel;
  }
  return 'weibo';
}

/** The same corpus citizen has a stable id on each channel, shaped like that channel's. */
export function citizenOn(channel: Channel, openid: string): string {
  if (channel === 'wechat') return openid;
  const digits = BigInt(`0x${createHash('sha256').update(openid).digest('hex').slice(0, 12)}`)
    .toString()
    .padStart(11, '0')
    .slice(0, 11);
  return channel === 'weibo' ? `5${digits.slice(0, 9)}` : `2088${digits}`;
}

/** A corpus message as the citizen would send it on the channel. */
export function messageOn(channel: Channel, message: CorpusMessage, sentAt: Date): CitizenMessage {
  const citizen = citizenOn(channel, message.openid);
  switch (message.type) {
    case 'text':
      return { channel, citizen, kind: 'text', text: message.content, sentAt };
    case 'image':
      return {
        channel,
        citizen,
        kind: 'image',
        text: '',
        sentAt,
        mediaId: channel === 'weibo' ? citizenOn('weibo', message.mediaId) : message.mediaId,
      };
    case 'location':
      return { channel, citizen, kind: 'location', text: message.label, sentAt };
    case 'subscribe':
      return { channel, citizen, kind: 'follow', text: '', sentAt };
  }
}
