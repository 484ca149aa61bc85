import { z } from 'zod';

/** The platforms citizens write through. */
export const Channel = z.enum(['wechat', 'weibo', 'alipay']);
export type Channel = z.infer<typeof Channel>;

/** What a message carries besides its text. Media are fetched by the server later; until then `url` may be absent. */
export const Attachment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('image'), mediaId: z.string().nullable(), url: z.string().nullable() }),
  z.object({
    kind: z.literal('voice'),
    mediaId: z.string().nullable(),
    format: z.string().nullable(),
    recognition: z.string().nullable(),
    /** Where the server stored it once fetched (/api/media/<sha256>); absent while pending. */
    url: z.string().nullable().optional(),
  }),
  z.object({ kind: z.literal('video'), mediaId: z.string().nullable(), thumbMediaId: z.string().nullable() }),
  z.object({
    kind: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    scale: z.number().nullable(),
    label: z.string().nullable(),
  }),
  z.object({ kind: z.literal('link'), title: z.string(), description: z.string().nullable(), url: z.string() }),
]);
export type Attachment = z.infer<typeof Attachment>;

/**
 * One message as it arrived, normalised from a channel's wire format.
 * `dedupeKey` is what the platform's retries share (WeChat MsgId; for events sender+time+event),
 * so a retried delivery is recognised and stored once.
 */
export const InboundMessage = z.object({
  channel: Channel,
  /** The channel account the citizen wrote to (WeChat: the gh_ original id). */
  account: z.string().min(1),
  /** The citizen's identity on that channel (WeChat: OpenID). */
  citizenChannelId: z.string().min(1),
  dedupeKey: z.string().min(1),
  kind: z.enum(['text', 'image', 'voice', 'video', 'location', 'link', 'event']),
  /** Event name for kind 'event' (subscribe, unsubscribe, CLICK, SCAN …), else null. */
  event: z.string().nullable(),
  text: z.string(),
  attachments: z.array(Attachment),
  /** When the citizen sent it, per the platform. */
  sentAt: z.iso.datetime({ offset: false }),
});
export type InboundMessage = z.infer<typeof InboundMessage>;
