import { describe, expect, it } from 'vitest';
import { isoToWeiboTime, weiboTimeToIso } from '../../shared/channels/weibo/created-at';
import { normalizeWeiboPush, WeiboMessageError } from '../../shared/channels/weibo/normalize';
import { parseWeiboJson, WeiboJsonError } from '../../shared/channels/weibo/push-json';

const envelope = (type: string, text: string, data: string) =>
  `{"type":"${type}","receiver_id":1902538057,"sender_id":9007199254740993,"created_at":"Mon Jul 16 18:09:20 +0800 2012","text":${JSON.stringify(text)},"data":${data}}`;
const normalize = (body: string) => normalizeWeiboPush(parseWeiboJson(body));

describe('weibo created_at', () => {
  it('reads the Twitter-style time with its offset', () => {
    expect(weiboTimeToIso('Mon Jul 16 18:09:20 +0800 2012')).toBe('2012-07-16T10:09:20.000Z');
    expect(weiboTimeToIso('Tue Jan 01 01:30:00 -0530 2030')).toBe('2030-01-01T07:00:00.000Z');
  });

  it.each([
    '2012-07-16T10:09:20Z',
    'Mon Feb 30 10:00:00 +0800 2024',
    'Mon Jul 16 24:00:00 +0800 2012',
    'Mon Foo 16 18:09:20 +0800 2012',
    '',
  ])('refuses %j', (text) => {
    expect(weiboTimeToIso(text)).toBeNull();
  });

  it('round-trips with the simulator’s writer', () => {
    const date = new Date('2025-03-04T05:06:07.000Z');
    expect(isoToWeiboTime(date)).toBe('Tue Mar 04 13:06:07 +0800 2025');
    expect(weiboTimeToIso(isoToWeiboTime(date))).toBe(date.toISOString());
  });
});

describe('normalizeWeiboPush', () => {
  it('text: ids kept exact beyond 2^53, account = receiver uid', () => {
    const message = normalize(envelope('text', '纯文本消息 <script>', '{}'));
    expect(message).toMatchObject({
      channel: 'weibo',
      account: '1902538057',
      citizenChannelId: '9007199254740993',
      kind: 'text',
      event: null,
      text: '纯文本消息 <script>',
      attachments: [],
      sentAt: '2012-07-16T10:09:20.000Z',
    });
    expect(message!.dedupeKey).toMatch(/^9007199254740993\|Mon Jul 16 18:09:20 \+0800 2012\|text\|[0-9a-f]{8}$/);
  });

  it('the dedupe key repeats for a retry and differs for another message in the same second', () => {
    const a = normalize(envelope('text', '一', '{}'))!.dedupeKey;
    expect(normalize(envelope('text', '一', '{}'))!.dedupeKey).toBe(a);
    expect(normalize(envelope('text', '二', '{}'))!.dedupeKey).not.toBe(a);
  });

  it('position', () => {
    expect(
      normalize(
        envelope('position', '我在这里: http://t.cn/zQgLLYO', '{"longitude":"116.308586","latitude":"39.982525"}'),
      ),
    ).toMatchObject({
      kind: 'location',
      text: '我在这里: http://t.cn/zQgLLYO',
      attachments: [{ kind: 'location', latitude: 39.982525, longitude: 116.308586, scale: null, label: null }],
    });
  });

  it('voice and image keep the receiver’s file id and drop Weibo’s caption', () => {
    expect(normalize(envelope('voice', '发了一个语音消息', '{"vfid":821804459,"tovfid":821804469}'))).toMatchObject({
      kind: 'voice',
      text: '',
      attachments: [{ kind: 'voice', mediaId: '821804469', format: null, recognition: null }],
    });
    expect(
      normalize(envelope('image', '发了一张图片', '{"vfid":821804459,"tovfid":9223372036854775807}')),
    ).toMatchObject({
      kind: 'image',
      attachments: [{ kind: 'image', mediaId: '9223372036854775807', url: null }],
    });
  });

  it.each(['follow', 'unfollow', 'subscribe', 'unsubscribe', 'scan', 'scan_follow', 'click'])('event %s', (subtype) => {
    const message = normalize(envelope('event', '关注事件消息', `{"subtype":"${subtype}","key":"k"}`));
    expect(message).toMatchObject({ kind: 'event', event: subtype, text: '', attachments: [] });
    expect(message!.dedupeKey).toContain(`|event:${subtype}|`);
  });

  it('mention: an event named mention carrying the post’s text; data is opaque', () => {
    expect(normalize(envelope('mention', '@城市发布 路灯坏了', '{"anything":{"nested":[1,2]}}'))).toMatchObject({
      kind: 'event',
      event: 'mention',
      text: '@城市发布 路灯坏了',
    });
  });

  it('unknown types and event subtypes are ignorable: null', () => {
    expect(normalize(envelope('sticker', '', '{}'))).toBeNull();
    expect(normalize(envelope('event', '', '{"subtype":"weird"}'))).toBeNull();
  });

  it.each([
    [
      'no sender',
      '{"type":"text","receiver_id":1,"created_at":"Mon Jul 16 18:09:20 +0800 2012","text":"x"}',
      'sender_id',
    ],
    [
      'a fractional uid',
      '{"type":"text","receiver_id":1,"sender_id":1.5,"created_at":"Mon Jul 16 18:09:20 +0800 2012","text":"x"}',
      'sender_id',
    ],
    ['a bad time', '{"type":"text","receiver_id":1,"sender_id":2,"created_at":"yesterday","text":"x"}', 'created_at'],
    ['a latitude out of range', envelope('position', '', '{"longitude":"116.3","latitude":"99.1"}'), 'latitude'],
    ['an array', '[1,2]', '(body)'],
    ['text that is not a string', envelope('text', '', '{}').replace('"text":""', '"text":{"a":1}'), 'text'],
  ])('refuses %s', (_what, body, field) => {
    expect(() => normalize(body)).toThrow(WeiboMessageError);
    try {
      normalize(body);
    } catch (error) {
      expect((error as WeiboMessageError).field).toBe(field);
    }
  });

  it('refuses malformed JSON and the XML format', () => {
    expect(() => parseWeiboJson('{"type":')).toThrow(WeiboJsonError);
    expect(() => parseWeiboJson('<xml><MsgType>text</MsgType></xml>')).toThrow(/XML/);
  });

  it('an id-like key inside citizen text is not touched', () => {
    const body = envelope('text', 'say "sender_id": 5, ok', '{}');
    expect(normalize(body)).toMatchObject({ text: 'say "sender_id": 5, ok', citizenChannelId: '9007199254740993' });
  });
});
