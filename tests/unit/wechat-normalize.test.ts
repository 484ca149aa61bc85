import { describe, expect, it } from 'vitest';
import { InboundMessage } from '../../shared/model';
import {
  normalizeWechatMessage,
  WechatMessageError,
  WechatUnsupportedError,
} from '../../shared/channels/wechat/normalize';
import { buildWechatXml, parseWechatXml, WechatXmlError, type WechatFields } from '../../shared/channels/wechat/xml';

const common = { ToUserName: 'gh_yiwang_demo', FromUserName: 'oYw3a1KfQ7pL2mX9rT4vB8nC6dE0', CreateTime: '1348831860' };
const SENT_AT = '2012-09-28T11:31:00.000Z';

/** Every message goes through the wire format, so the parser and the normaliser are tested together. */
function viaXml(xml: string) {
  const message = normalizeWechatMessage(parseWechatXml(xml));
  expect(InboundMessage.parse(message)).toEqual(message);
  return message;
}

describe('normalizeWechatMessage: ordinary messages', () => {
  it('text (the documented sample)', () => {
    const xml = `<xml>
  <ToUserName><![CDATA[gh_yiwang_demo]]></ToUserName>
  <FromUserName><![CDATA[fromUser]]></FromUserName>
  <CreateTime>1348831860</CreateTime>
  <MsgType><![CDATA[text]]></MsgType>
  <Content><![CDATA[this is a test]]></Content>
  <MsgId>1234567890123456</MsgId>
</xml>`;
    expect(viaXml(xml)).toEqual({
      channel: 'wechat',
      account: 'gh_yiwang_demo',
      citizenChannelId: 'fromUser',
      dedupeKey: '1234567890123456',
      kind: 'text',
      event: null,
      text: 'this is a test',
      attachments: [],
      sentAt: SENT_AT,
    });
  });

  it('keeps a 64-bit MsgId exact, as a string', () => {
    // 2^63 + 7 and the Python sample's id: both beyond 2^53, where a JS number would round them.
    for (const id of ['9223372036854775815', '6054768590064713728', '18446744073709551615']) {
      const message = viaXml(buildWechatXml({ ...common, MsgType: 'text', Content: 'x', MsgId: id }));
      expect(message.dedupeKey).toBe(id);
      expect(String(Number(id))).not.toBe(id);
    }
  });

  it('keeps citizen text verbatim: markup, entities, CDATA terminators, spaces and newlines', () => {
    const content = '  <script>alert(1)</script> &amp; &lt; ]]> 路灯坏了\n第二行  ';
    const message = viaXml(buildWechatXml({ ...common, MsgType: 'text', Content: content, MsgId: '1' }));
    expect(message.text).toBe(content);
  });

  it('decodes XML character references in non-CDATA text, once', () => {
    const xml = `<xml><ToUserName>gh_yiwang_demo</ToUserName><FromUserName>u</FromUserName><CreateTime>1348831860</CreateTime><MsgType>text</MsgType><Content>a &lt; b &#20013;&#x6587; &amp;#20013;</Content><MsgId>5</MsgId></xml>`;
    expect(viaXml(xml).text).toBe('a < b 中文 &#20013;');
  });

  it('image', () => {
    const message = viaXml(
      buildWechatXml({
        ...common,
        MsgType: 'image',
        PicUrl: 'http://mmbiz.qpic.cn/x/0',
        MediaId: 'media_1',
        MsgId: '11',
      }),
    );
    expect(message).toMatchObject({ kind: 'image', text: '', dedupeKey: '11', sentAt: SENT_AT });
    expect(message.attachments).toEqual([{ kind: 'image', mediaId: 'media_1', url: 'http://mmbiz.qpic.cn/x/0' }]);
  });

  it('voice with speech recognition: the recognised text is the message text', () => {
    const message = viaXml(
      buildWechatXml({
        ...common,
        MsgType: 'voice',
        MediaId: 'v1',
        Format: 'amr',
        Recognition: '我要投诉噪音',
        MsgId: '12',
      }),
    );
    expect(message).toMatchObject({ kind: 'voice', text: '我要投诉噪音' });
    expect(message.attachments).toEqual([{ kind: 'voice', mediaId: 'v1', format: 'amr', recognition: '我要投诉噪音' }]);
  });

  it('voice without recognition', () => {
    const message = viaXml(
      buildWechatXml({ ...common, MsgType: 'voice', MediaId: 'v2', Format: 'speex', MsgId: '13' }),
    );
    expect(message.text).toBe('');
    expect(message.attachments).toEqual([{ kind: 'voice', mediaId: 'v2', format: 'speex', recognition: null }]);
  });

  it.each(['video', 'shortvideo'])('%s', (msgType) => {
    const message = viaXml(
      buildWechatXml({ ...common, MsgType: msgType, MediaId: 'm', ThumbMediaId: 't', MsgId: '14' }),
    );
    expect(message).toMatchObject({ kind: 'video', text: '' });
    expect(message.attachments).toEqual([{ kind: 'video', mediaId: 'm', thumbMediaId: 't' }]);
  });

  it('location: Location_X is latitude, Location_Y longitude; the label is the text', () => {
    const message = viaXml(
      buildWechatXml({
        ...common,
        MsgType: 'location',
        Location_X: '23.134521',
        Location_Y: '113.358803',
        Scale: '20',
        Label: '位置信息',
        MsgId: '15',
      }),
    );
    expect(message).toMatchObject({ kind: 'location', text: '位置信息' });
    expect(message.attachments).toEqual([
      { kind: 'location', latitude: 23.134521, longitude: 113.358803, scale: 20, label: '位置信息' },
    ]);
  });

  it('link', () => {
    const message = viaXml(
      buildWechatXml({
        ...common,
        MsgType: 'link',
        Title: '小区违建',
        Description: '请看这篇报道',
        Url: 'https://example.org/a',
        MsgId: '16',
      }),
    );
    expect(message).toMatchObject({ kind: 'link', text: '小区违建' });
    expect(message.attachments).toEqual([
      { kind: 'link', title: '小区违建', description: '请看这篇报道', url: 'https://example.org/a' },
    ]);
  });
});

describe('normalizeWechatMessage: events', () => {
  const event = (name: string, extra: WechatFields = {}) =>
    viaXml(buildWechatXml({ ...common, MsgType: 'event', Event: name, ...extra }));

  it.each(['subscribe', 'unsubscribe', 'SCAN', 'CLICK', 'VIEW'])(
    '%s, deduplicated by sender|CreateTime|Event',
    (name) => {
      const message = event(name, { EventKey: 'qrscene_1' });
      expect(message).toEqual({
        channel: 'wechat',
        account: 'gh_yiwang_demo',
        citizenChannelId: common.FromUserName,
        dedupeKey: `${common.FromUserName}|1348831860|${name}`,
        kind: 'event',
        event: name,
        text: '',
        attachments: [],
        sentAt: SENT_AT,
      });
    },
  );

  it('LOCATION report carries the position', () => {
    const message = event('LOCATION', { Latitude: '23.137466', Longitude: '113.352425', Precision: '119.385040' });
    expect(message.attachments).toEqual([
      { kind: 'location', latitude: 23.137466, longitude: 113.352425, scale: null, label: null },
    ]);
  });

  it('platform reports are not citizen messages', () => {
    expect(() => event('TEMPLATESENDJOBFINISH')).toThrow(WechatUnsupportedError);
  });
});

describe('normalizeWechatMessage: refusals', () => {
  const text = { ...common, MsgType: 'text', Content: 'hi', MsgId: '1' };
  const without = (name: string): WechatFields => Object.fromEntries(Object.entries(text).filter(([k]) => k !== name));

  it.each(['ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'Content', 'MsgId'])(
    'names the missing %s',
    (field) => {
      expect(() => normalizeWechatMessage(without(field))).toThrow(new WechatMessageError(field, 'missing'));
    },
  );

  it.each([
    ['MsgId', { MsgId: '12e3' }],
    ['MsgId', { MsgId: '123456789012345678901' }],
    ['CreateTime', { CreateTime: '2012-09-28' }],
    ['CreateTime', { CreateTime: '-5' }],
  ])('refuses a malformed %s', (field, change) => {
    expect(() => normalizeWechatMessage({ ...text, ...change })).toThrow(
      expect.objectContaining({ name: 'WechatMessageError', field }),
    );
  });

  it('refuses a location outside the globe or not a number', () => {
    const location = { ...common, MsgType: 'location', Location_X: '91', Location_Y: '113', MsgId: '2' };
    expect(() => normalizeWechatMessage(location)).toThrow('Location_X: out of range');
    expect(() => normalizeWechatMessage({ ...location, Location_X: 'NaN' })).toThrow('Location_X: not a number');
  });

  it('an event needs its Event', () => {
    expect(() => normalizeWechatMessage({ ...common, MsgType: 'event' })).toThrow(
      new WechatMessageError('Event', 'missing'),
    );
  });

  it('an unknown MsgType is unsupported, named safely', () => {
    expect(() => normalizeWechatMessage({ ...text, MsgType: 'file<x>' })).toThrow(
      new WechatUnsupportedError('unsupported MsgType: file?x?'),
    );
  });
});

describe('parseWechatXml', () => {
  it('returns the root fields as exact strings', () => {
    expect(
      parseWechatXml(
        '<?xml version="1.0" encoding="UTF-8"?><xml><CreateTime>0012</CreateTime><Scale>20.50</Scale></xml>',
      ),
    ).toEqual({
      CreateTime: '0012',
      Scale: '20.50',
    });
  });

  it.each([
    [
      'a DOCTYPE (XXE)',
      '<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>',
    ],
    [
      'entity expansion',
      '<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><xml><Content>&b;</Content></xml>',
    ],
    ['a lower-case doctype', '<!doctype xml><xml/>'],
    ['unclosed tags', '<xml><Content>hi</xml>'],
    ['trailing garbage', '<xml><Content>hi</Content></xml>junk'],
    ['no XML at all', 'hello'],
    ['another root', '<root><Content>hi</Content></root>'],
    ['two roots', '<xml><a>1</a></xml><xml><a>2</a></xml>'],
    ['a repeated field', '<xml><MsgId>1</MsgId><MsgId>2</MsgId></xml>'],
    ['a nested field', '<xml><Content><b>hi</b></Content></xml>'],
    ['loose text', '<xml>hello<a>1</a></xml>'],
    ['a prototype-polluting name', '<xml><__proto__>x</__proto__></xml>'],
    ['an entity XML does not predefine', '<xml><Content>&nbsp;</Content></xml>'],
    ['a stray ampersand', '<xml><Content>a & b</Content></xml>'],
    ['a character reference to NUL', '<xml><Content>&#0;</Content></xml>'],
    ['an unterminated CDATA section', '<xml><Content><![CDATA[hi</Content></xml>'],
    ['an unterminated comment', '<xml><!-- <Content>hi</Content></xml>'],
    ['attributes', '<xml><Content lang="zh">hi</Content></xml>'],
    ['an XML declaration after the start', '<xml></xml><?xml version="1.0"?>'],
  ])('refuses %s', (_what, xml) => {
    expect(() => parseWechatXml(xml)).toThrow(WechatXmlError);
  });

  it('accepts "<!DOCTYPE" typed by a citizen inside CDATA', () => {
    expect(parseWechatXml('<xml><Content><![CDATA[<!DOCTYPE html> 是什么]]></Content></xml>')).toEqual({
      Content: '<!DOCTYPE html> 是什么',
    });
  });

  it('skips comments and reads every line end as \\n, as XML does', () => {
    expect(
      parseWechatXml('<xml>\r\n<!-- push -->\r\n<Content><![CDATA[第一行\r\n第二行\r第三行]]></Content>\r\n</xml>'),
    ).toEqual({ Content: '第一行\n第二行\n第三行' });
  });

  it('an empty root has no fields', () => {
    expect(parseWechatXml('<xml></xml>')).toEqual({});
  });
});

describe('buildWechatXml', () => {
  it('writes numbers bare and strings in CDATA, as WeChat does', () => {
    expect(buildWechatXml({ ToUserName: 'gh_a', CreateTime: '1348831860', Content: 'a]]>b' })).toBe(
      '<xml><ToUserName><![CDATA[gh_a]]></ToUserName><CreateTime>1348831860</CreateTime><Content><![CDATA[a]]]]><![CDATA[>b]]></Content></xml>',
    );
  });

  it('refuses a field name that is not an XML name', () => {
    expect(() => buildWechatXml({ 'a><b': 'x' })).toThrow(WechatXmlError);
  });
});
