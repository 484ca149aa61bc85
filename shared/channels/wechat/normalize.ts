import type { Attachment, InboundMessage } from '../../model';
import type { WechatFields } from './xml';

/** A required field is missing or malformed: the delivery is refused. */
export class WechatMessageError extends Error {
  override readonly name = 'WechatMessageError';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/**
 * A well-formed delivery of a type Yiwang does not take in (a file, a mini-program card, a
 * template-send report …). It is acknowledged, not stored, so WeChat does not retry it.
 */
export class WechatUnsupportedError extends Error {
  override readonly name = 'WechatUnsupportedError';
}

/** The events that come from a citizen's own action; platform reports (TEMPLATESENDJOBFINISH …) are not requests. */
const CITIZEN_EVENTS = new Set(['subscribe', 'unsubscribe', 'SCAN', 'CLICK', 'VIEW', 'LOCATION']);

/** Turns the fields of one WeChat push (plain, or already decrypted) into an InboundMessage. */
export function normalizeWechatMessage(fields: WechatFields): InboundMessage {
  const msgType = required(fields, 'MsgType');
  const base = {
    channel: 'wechat' as const,
    account: required(fields, 'ToUserName'),
    citizenChannelId: required(fields, 'FromUserName'),
    sentAt: createTimeToIso(required(fields, 'CreateTime')),
  };
  if (msgType === 'event') return normalizeEvent(fields, base);
  const ordinary = { ...base, dedupeKey: msgId(fields), event: null };
  switch (msgType) {
    case 'text':
      return { ...ordinary, kind: 'text', text: required(fields, 'Content'), attachments: [] };
    case 'image':
      return {
        ...ordinary,
        kind: 'image',
        text: '',
        attachments: [{ kind: 'image', mediaId: required(fields, 'MediaId'), url: optional(fields, 'PicUrl') }],
      };
    case 'voice': {
      const recognition = optional(fields, 'Recognition');
      return {
        ...ordinary,
        kind: 'voice',
        // What speech recognition heard is the only text a voice message has.
        text: recognition ?? '',
        attachments: [
          { kind: 'voice', mediaId: required(fields, 'MediaId'), format: optional(fields, 'Format'), recognition },
        ],
      };
    }
    case 'video':
    case 'shortvideo':
      return {
        ...ordinary,
        kind: 'video',
        text: '',
        attachments: [
          { kind: 'video', mediaId: required(fields, 'MediaId'), thumbMediaId: optional(fields, 'ThumbMediaId') },
        ],
      };
    case 'location': {
      const label = optional(fields, 'Label');
      return {
        ...ordinary,
        kind: 'location',
        text: label ?? '',
        attachments: [
          {
            kind: 'location',
            latitude: coordinate(fields, 'Location_X', 90),
            longitude: coordinate(fields, 'Location_Y', 180),
            scale: optionalNumber(fields, 'Scale'),
            label,
          },
        ],
      };
    }
    case 'link': {
      const title = required(fields, 'Title');
      return {
        ...ordinary,
        kind: 'link',
        text: title,
        attachments: [
          { kind: 'link', title, description: optional(fields, 'Description'), url: required(fields, 'Url') },
        ],
      };
    }
    default:
      throw new WechatUnsupportedError(`unsupported MsgType: ${printable(msgType)}`);
  }
}

type Base = Pick<InboundMessage, 'channel' | 'account' | 'citizenChannelId' | 'sentAt'>;

function normalizeEvent(fields: WechatFields, base: Base): InboundMessage {
  const event = required(fields, 'Event');
  if (!CITIZEN_EVENTS.has(event)) throw new WechatUnsupportedError(`unsupported Event: ${printable(event)}`);
  const attachments: Attachment[] =
    event === 'LOCATION'
      ? [
          {
            kind: 'location',
            latitude: coordinate(fields, 'Latitude', 90),
            longitude: coordinate(fields, 'Longitude', 180),
            scale: null,
            label: null,
          },
        ]
      : [];
  return {
    ...base,
    // Events have no MsgId; WeChat recommends sender + CreateTime to recognise their retries.
    dedupeKey: `${base.citizenChannelId}|${required(fields, 'CreateTime')}|${event}`,
    kind: 'event',
    event,
    text: '',
    attachments,
  };
}

function required(fields: WechatFields, name: string): string {
  const value = fields[name];
  if (value === undefined || value.trim() === '') throw new WechatMessageError(name, 'missing');
  return value;
}

function optional(fields: WechatFields, name: string): string | null {
  const value = fields[name];
  return value === undefined || value === '' ? null : value;
}

/** MsgId is a 64-bit unsigned integer: kept as its decimal string, never as a JS number. */
function msgId(fields: WechatFields): string {
  const value = required(fields, 'MsgId').trim();
  if (!/^\d{1,20}$/.test(value)) throw new WechatMessageError('MsgId', 'not a decimal integer');
  return value;
}

/** CreateTime is Unix seconds. */
function createTimeToIso(value: string): string {
  const trimmed = value.trim();
  if (!/^\d{1,11}$/.test(trimmed)) throw new WechatMessageError('CreateTime', 'not Unix seconds');
  return new Date(Number(trimmed) * 1000).toISOString();
}

function coordinate(fields: WechatFields, name: string, limit: number): number {
  const value = number(required(fields, name), name);
  if (Math.abs(value) > limit) throw new WechatMessageError(name, 'out of range');
  return value;
}

function optionalNumber(fields: WechatFields, name: string): number | null {
  const value = optional(fields, name);
  return value === null ? null : number(value, name);
}

function number(text: string, name: string): number {
  const trimmed = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) throw new WechatMessageError(name, 'not a number');
  return Number(trimmed);
}

/** Names from the wire go into error messages and logs: cut short and limited to safe characters. */
function printable(value: string): string {
  return value.slice(0, 40).replace(/[^\w.-]/g, '?');
}
