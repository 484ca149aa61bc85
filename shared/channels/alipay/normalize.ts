import type { InboundMessage } from '../../model';
import type { AlipayFields } from './biz-content';

/** A required field is missing or malformed: the delivery is refused. */
export class AlipayMessageError extends Error {
  override readonly name = 'AlipayMessageError';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** Events that come from a citizen's own action; verifygw and the like are the platform's. */
const CITIZEN_EVENTS = new Set(['follow', 'unfollow', 'click', 'enter']);

/** The citizen: FromAlipayUserId (2088…) since 2016, else the older FromUserId — opaque strings either way. */
export function alipaySender(fields: AlipayFields): string | null {
  return optional(fields, 'FromAlipayUserId') ?? optional(fields, 'FromUserId');
}

/**
 * Turns the biz_content of an `alipay.mobile.public.message.notify` into an InboundMessage, or
 * null for a type or event Yiwang does not take in (acknowledged, not stored).
 *
 * Shapes: text `<Text><Content>`; image `<Image><MediaId>` (or MediaId at the top, as older
 * integrations read it) with Format; location — not in the material found — is read as top-level
 * Latitude/Longitude with an optional Label, like WeChat's.
 */
export function normalizeAlipayMessage(fields: AlipayFields): InboundMessage | null {
  const msgType = required(fields, 'MsgType');
  const citizen = alipaySender(fields);
  if (citizen === null) throw new AlipayMessageError('FromAlipayUserId', 'missing');
  const createTime = required(fields, 'CreateTime').trim();
  if (!/^\d{10,14}$/.test(createTime)) throw new AlipayMessageError('CreateTime', 'not Unix milliseconds');
  const base = {
    channel: 'alipay' as const,
    account: required(fields, 'AppId'),
    citizenChannelId: citizen,
    sentAt: new Date(Number(createTime)).toISOString(),
  };
  const eventType = optional(fields, 'EventType');
  const msgId = optional(fields, 'MsgId');
  if (msgId !== null && !/^\d{1,32}$/.test(msgId)) throw new AlipayMessageError('MsgId', 'not a decimal id');
  // Events carry no MsgId: the sender, the time and the event recognise their retries.
  const dedupeKey = msgId ?? `${citizen}|${createTime}|${eventType ?? msgType}`;
  const message = { ...base, dedupeKey, event: null };

  switch (msgType) {
    case 'text':
      return { ...message, kind: 'text', text: required(fields, 'Text.Content'), attachments: [] };
    case 'image': {
      const mediaId = optional(fields, 'Image.MediaId') ?? optional(fields, 'MediaId');
      if (mediaId === null) throw new AlipayMessageError('MediaId', 'missing');
      return { ...message, kind: 'image', text: '', attachments: [{ kind: 'image', mediaId, url: null }] };
    }
    case 'location': {
      const label = optional(fields, 'Label');
      return {
        ...message,
        kind: 'location',
        text: label ?? '',
        attachments: [
          {
            kind: 'location',
            latitude: coordinate(fields, 'Latitude', 90),
            longitude: coordinate(fields, 'Longitude', 180),
            scale: null,
            label,
          },
        ],
      };
    }
    case 'event':
      if (eventType === null || !CITIZEN_EVENTS.has(eventType)) return null;
      return { ...base, dedupeKey, kind: 'event', event: eventType, text: '', attachments: [] };
    default:
      return null;
  }
}

function required(fields: AlipayFields, name: string): string {
  const value = fields[name];
  if (value === undefined || value.trim() === '') throw new AlipayMessageError(name, 'missing');
  return value;
}

function optional(fields: AlipayFields, name: string): string | null {
  const value = fields[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

function coordinate(fields: AlipayFields, name: string, limit: number): number {
  const text = required(fields, name).trim();
  if (!/^-?\d{1,3}(\.\d+)?$/.test(text)) throw new AlipayMessageError(name, 'not a number');
  const value = Number(text);
  if (Math.abs(value) > limit) throw new AlipayMessageError(name, 'out of range');
  return value;
}
