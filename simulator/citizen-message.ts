import { buildAlipayBizContent, type AlipayFields } from '../shared/channels/alipay/biz-content';
import { isoToWeiboTime } from '../shared/channels/weibo/created-at';
import type { WechatFields } from '../shared/channels/wechat/xml';
import type { Channel } from '../shared/model';
import type { ChannelsConfig } from '../server/channels/accounts';
import { buildAlipayDelivery } from './alipay-delivery';
import type { Delivery } from './post-delivery';
import { buildWechatDelivery } from './wechat-delivery';
import { nextMsgId } from './wechat-fields';
import { buildWeiboDelivery, type WeiboPush } from './weibo-delivery';

/** What a citizen does on a channel, in the simulator's words; each channel's builder turns it into its wire format. */
export interface CitizenMessage {
  channel: Channel;
  /** OpenID, Weibo uid or Alipay user id. */
  citizen: string;
  kind: 'text' | 'image' | 'voice' | 'location' | 'follow' | 'mention';
  text: string;
  /** When the citizen sent it (the platform's CreateTime / created_at). */
  sentAt: Date;
  /** For image and voice. */
  mediaId?: string;
}

export interface BuildOptions {
  /** WeChat safe mode; by default as the account's mode (encrypted when it has an EncodingAESKey). */
  encrypt?: boolean;
  /** The push's own time (its signature's timestamp); now by default. */
  now?: Date;
}

export type ChannelDelivery = Delivery & { channel: Channel; accountKey: string };

let alipayMsgIds = BigInt(Date.now()) * 1000n;

/** Builds the signed delivery the channel's servers would post for the message, to the channel's first account. */
export function deliveryOf(
  channels: ChannelsConfig,
  message: CitizenMessage,
  options: BuildOptions = {},
): ChannelDelivery {
  switch (message.channel) {
    case 'wechat': {
      const account = first(channels.wechat, 'WeChat');
      const common = {
        ToUserName: account.originalId,
        FromUserName: message.citizen,
        CreateTime: String(Math.floor(message.sentAt.getTime() / 1000)),
      };
      const msgId = nextMsgId(Date.now());
      const fields: WechatFields =
        message.kind === 'follow'
          ? { ...common, MsgType: 'event', Event: 'subscribe' }
          : message.kind === 'image'
            ? {
                ...common,
                MsgType: 'image',
                PicUrl: `http://mmbiz.qpic.cn/sim/${message.mediaId}/0`,
                MediaId: message.mediaId ?? 'sim-media',
                MsgId: msgId,
              }
            : message.kind === 'voice'
              ? { ...common, MsgType: 'voice', MediaId: message.mediaId ?? 'sim-voice', Format: 'amr', MsgId: msgId }
              : message.kind === 'location'
                ? {
                    ...common,
                    MsgType: 'location',
                    Location_X: '30.274085',
                    Location_Y: '120.155070',
                    Scale: '15',
                    Label: message.text,
                    MsgId: msgId,
                  }
                : { ...common, MsgType: 'text', Content: message.text, MsgId: msgId };
      return { ...buildWechatDelivery(account, fields, options), channel: 'wechat', accountKey: account.key };
    }
    case 'weibo': {
      const account = first(channels.weibo, 'Weibo');
      const media = { vfid: '821804459', tovfid: message.mediaId ?? '821804469' };
      const [type, data]: [string, Record<string, string>] =
        message.kind === 'follow'
          ? ['event', { subtype: 'follow' }]
          : message.kind === 'image' || message.kind === 'voice'
            ? [message.kind, media]
            : message.kind === 'location'
              ? ['position', { longitude: '116.308586', latitude: '39.982525' }]
              : [message.kind, {}];
      const push: WeiboPush = {
        type,
        receiver_id: account.uid,
        sender_id: message.citizen,
        created_at: isoToWeiboTime(message.sentAt),
        text: message.text,
        data,
      };
      return { ...buildWeiboDelivery(account, push, options), accountKey: account.key };
    }
    case 'alipay': {
      const account = first(channels.alipay, 'Alipay');
      const common = {
        AppId: account.appId,
        FromAlipayUserId: message.citizen,
        CreateTime: String(message.sentAt.getTime()),
      };
      const msgId = String(alipayMsgIds++);
      const fields: AlipayFields =
        message.kind === 'follow'
          ? { ...common, MsgType: 'event', EventType: 'follow', ActionParam: '' }
          : message.kind === 'image' || message.kind === 'voice'
            ? {
                ...common,
                MsgType: 'image',
                'Image.MediaId': message.mediaId ?? 'sim-media',
                'Image.Format': 'jpg',
                MsgId: msgId,
              }
            : message.kind === 'location'
              ? {
                  ...common,
                  MsgType: 'location',
                  Latitude: '30.274085',
                  Longitude: '120.155070',
                  Label: message.text,
                  MsgId: msgId,
                }
              : { ...common, MsgType: 'text', 'Text.Content': message.text, MsgId: msgId };
      return {
        ...buildAlipayDelivery({
          service: 'alipay.mobile.public.message.notify',
          biz_content: buildAlipayBizContent(fields),
        }),
        accountKey: account.key,
      };
    }
  }
}

function first<T>(accounts: readonly T[], name: string): T {
  const account = accounts[0];
  if (!account) throw new Error(`no ${name} account configured`);
  return account;
}
