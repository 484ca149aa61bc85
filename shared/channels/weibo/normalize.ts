import type { InboundMessage } from '../../model';
import { FNV_OFFSET, fnvStep, mix32 } from '../../text/hash';
import { weiboTimeToIso } from './created-at';

/** A required field is missing or malformed: the delivery is refused. */
export class WeiboMessageError extends Error {
  override readonly name = 'WeiboMessageError';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** What the push envelope carries (CHANNELS.md §2.2); ids arrive as strings from parseWeiboJson. */
type Envelope = Record<string, unknown>;

/** Events that come from a citizen's own action (CHANNELS.md §2.2). */
const CITIZEN_EVENTS = new Set(['follow', 'unfollow', 'subscribe', 'unsubscribe', 'scan', 'scan_follow', 'click']);

/**
 * Turns one parsed Weibo push into an InboundMessage, or null for a type or event subtype Yiwang
 * does not know — Weibo's docs ask receivers to ignore those, not to fail.
 *
 * A mention is filed as an event named 'mention' (Weibo lists it under event pushes) with the
 * post's text; its `data` is not documented, so it is not read.
 */
export function normalizeWeiboPush(envelope: unknown): InboundMessage | null {
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope))
    throw new WeiboMessageError('(body)', 'not a JSON object');
  const push = envelope as Envelope;
  const type = string(push, 'type');
  const createdAt = string(push, 'created_at');
  const sentAt = weiboTimeToIso(createdAt);
  if (sentAt === null) throw new WeiboMessageError('created_at', 'not a Weibo time');
  const text = optionalString(push, 'text');
  const data = push.data === undefined || push.data === null ? {} : push.data;
  if (typeof data !== 'object' || Array.isArray(data)) throw new WeiboMessageError('data', 'not an object');

  const base = {
    channel: 'weibo' as const,
    account: id(push, 'receiver_id'),
    citizenChannelId: id(push, 'sender_id'),
    sentAt,
  };
  // Weibo has no message id; its retries repeat sender, time and type. The content's fingerprint
  // keeps two different messages sent within one second apart.
  const dedupeKey = (what: string) => `${base.citizenChannelId}|${createdAt}|${what}|${fingerprint(text, data)}`;
  const content = { ...base, dedupeKey: dedupeKey(type), event: null };
  const fields = data as Envelope;

  switch (type) {
    case 'text':
      return { ...content, kind: 'text', text, attachments: [] };
    case 'position':
      return {
        ...content,
        kind: 'location',
        text,
        attachments: [
          {
            kind: 'location',
            latitude: coordinate(fields, 'latitude', 90),
            longitude: coordinate(fields, 'longitude', 180),
            scale: null,
            label: null,
          },
        ],
      };
    // Voice and image texts are Weibo's own captions ("发了一张图片"), not the citizen's words.
    case 'voice':
      return {
        ...content,
        kind: 'voice',
        text: '',
        attachments: [{ kind: 'voice', mediaId: mediaId(fields), format: null, recognition: null }],
      };
    case 'image':
      return {
        ...content,
        kind: 'image',
        text: '',
        attachments: [{ kind: 'image', mediaId: mediaId(fields), url: null }],
      };
    case 'event': {
      const subtype = string(fields, 'subtype');
      if (!CITIZEN_EVENTS.has(subtype)) return null;
      return {
        ...base,
        dedupeKey: dedupeKey(`event:${subtype}`),
        kind: 'event',
        event: subtype,
        text: '',
        attachments: [],
      };
    }
    case 'mention':
      return { ...base, dedupeKey: dedupeKey(type), kind: 'event', event: 'mention', text, attachments: [] };
    default:
      return null;
  }
}

function string(fields: Envelope, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value.trim() === '') throw new WeiboMessageError(name, 'missing');
  return value;
}

function optionalString(fields: Envelope, name: string): string {
  const value = fields[name];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new WeiboMessageError(name, 'not a string');
  return value;
}

/** A uid: a positive decimal int64, kept as its string. */
function id(fields: Envelope, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || !/^[1-9]\d{0,18}$/.test(value)) throw new WeiboMessageError(name, 'not a uid');
  return value;
}

/** The receiver's file id (tovfid): what the account's access token may download (CHANNELS.md §2.2). */
function mediaId(fields: Envelope): string {
  return id(fields, 'tovfid');
}

function coordinate(fields: Envelope, name: string, limit: number): number {
  const value = fields[name];
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^-?\d{1,3}(\.\d+)?$/.test(text.trim()))
    throw new WeiboMessageError(name, 'not a number');
  const number = Number(text);
  if (Math.abs(number) > limit) throw new WeiboMessageError(name, 'out of range');
  return number;
}

/** A short hash of what the citizen sent; the same in Node and the browser. */
function fingerprint(text: string, data: object): string {
  let hash = FNV_OFFSET;
  for (const char of `${text}\u0000${JSON.stringify(data)}`) hash = fnvStep(hash, char.codePointAt(0)!);
  return mix32(hash).toString(16).padStart(8, '0');
}
