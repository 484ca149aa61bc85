import type { WechatFields } from '../shared/channels/wechat/xml';
import type { CorpusMessage } from './fixtures/wechat-corpus';

/** The XML fields WeChat would push for one corpus message (CHANNELS.md §1.2). Events carry no MsgId. */
export function wechatFields(message: CorpusMessage, toUser: string, createTime: number, msgId: string): WechatFields {
  const common = { ToUserName: toUser, FromUserName: message.openid, CreateTime: String(createTime) };
  switch (message.type) {
    case 'text':
      return { ...common, MsgType: 'text', Content: message.content, MsgId: msgId };
    case 'image':
      return { ...common, MsgType: 'image', PicUrl: message.picUrl, MediaId: message.mediaId, MsgId: msgId };
    case 'location':
      return {
        ...common,
        MsgType: 'location',
        Location_X: message.latitude.toFixed(6),
        Location_Y: message.longitude.toFixed(6),
        Scale: String(message.scale),
        Label: message.label,
        MsgId: msgId,
      };
    case 'subscribe':
      return { ...common, MsgType: 'event', Event: 'subscribe' };
  }
}

let lastMsgId = 0n;

/** A fresh 64-bit-looking MsgId (19 digits), increasing, so no two runs reuse one. Kept as a string: it exceeds 2^53. */
export function nextMsgId(now: number): string {
  const candidate = BigInt(now) * 1_000_000n;
  lastMsgId = candidate > lastMsgId ? candidate : lastMsgId + 1n;
  return lastMsgId.toString();
}
