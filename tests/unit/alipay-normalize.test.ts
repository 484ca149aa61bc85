import { describe, expect, it } from 'vitest';
import {
  buildAlipayBizContent,
  parseAlipayBizContent,
  type AlipayFields,
} from '../../shared/channels/alipay/biz-content';
import { AlipayMessageError, normalizeAlipayMessage } from '../../shared/channels/alipay/normalize';
import { XmlError } from '../../shared/channels/safe-xml';

const common = {
  AppId: '2016022201155812',
  FromAlipayUserId: '2088402125991030',
  CreateTime: '1457426646396',
  FromUserId: '20880037081313300931049260316403',
};
const normalize = (fields: AlipayFields) =>
  normalizeAlipayMessage(parseAlipayBizContent(buildAlipayBizContent(fields)));

describe('parseAlipayBizContent', () => {
  it('reads the integrators’ captured text message, nesting as a dotted name', () => {
    const xml =
      '<XML><Text><Content><![CDATA[push]]></Content></Text><FromAlipayUserId><![CDATA[2088402125991030]]></FromAlipayUserId><AppId><![CDATA[2016022201155812]]></AppId>' +
      '<MsgType><![CDATA[text]]></MsgType><CreateTime><![CDATA[1457426646396]]></CreateTime><MsgId><![CDATA[160308464406000001]]></MsgId>' +
      '<UserInfo><![CDATA[{"logon_id":"516***@qq.com","user_name":"*克楠"}]]></UserInfo></XML>';
    expect(parseAlipayBizContent(xml)).toMatchObject({
      'Text.Content': 'push',
      MsgId: '160308464406000001',
      CreateTime: '1457426646396',
    });
  });

  it('reads the verifygw event with empty fields', () => {
    const xml =
      '<?xml version="1.0" encoding="gbk"?><XML><AppId><![CDATA[2014010300073039]]></AppId><FromUserId></FromUserId><CreateTime><![CDATA[1389171239298]]></CreateTime><MsgType><![CDATA[event]]></MsgType><EventType><![CDATA[verifygw]]></EventType><ActionParam></ActionParam><AccountNo></AccountNo></XML>';
    expect(parseAlipayBizContent(xml)).toMatchObject({ EventType: 'verifygw', FromUserId: '' });
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE XML [<!ENTITY x SYSTEM "file:///etc/passwd">]><XML><A>&x;</A></XML>', /DOCTYPE/],
    ['malformed XML', '<XML><A>1</XML>', /malformed/],
    ['another root', '<xmlx><A>1</A></xmlx>', /single <XML>/],
    ['two levels of nesting', '<XML><A><B><C>1</C></B></A></XML>', /appear once/],
    ['a repeated field', '<XML><A>1</A><A>2</A></XML>', /appear once/],
  ])('refuses %s', (_what, xml, message) => {
    expect(() => parseAlipayBizContent(xml)).toThrow(XmlError);
    expect(() => parseAlipayBizContent(xml)).toThrow(message);
  });

  it('builds what it parses, including "]]>" inside text', () => {
    const fields = { ...common, MsgType: 'text', 'Text.Content': 'a ]]> b <c>' };
    expect(parseAlipayBizContent(buildAlipayBizContent(fields))).toEqual(fields);
  });
});

describe('normalizeAlipayMessage', () => {
  it('text: MsgId is the dedupe key, CreateTime is milliseconds, the citizen is FromAlipayUserId', () => {
    expect(
      normalize({ ...common, MsgType: 'text', 'Text.Content': '办证太难了', MsgId: '160308464406000001' }),
    ).toEqual({
      channel: 'alipay',
      account: '2016022201155812',
      citizenChannelId: '2088402125991030',
      dedupeKey: '160308464406000001',
      kind: 'text',
      event: null,
      text: '办证太难了',
      attachments: [],
      sentAt: '2016-03-08T08:44:06.396Z',
    });
  });

  it('falls back to FromUserId when FromAlipayUserId is absent', () => {
    const { FromAlipayUserId: _omit, ...old } = common;
    expect(normalize({ ...old, MsgType: 'text', 'Text.Content': 'x', MsgId: '1' })!.citizenChannelId).toBe(
      common.FromUserId,
    );
  });

  it('image, nested or flat MediaId', () => {
    const image = [{ kind: 'image', mediaId: 'M1', url: null }];
    expect(
      normalize({ ...common, MsgType: 'image', 'Image.MediaId': 'M1', 'Image.Format': 'jpg', MsgId: '2' }),
    ).toMatchObject({ kind: 'image', attachments: image });
    expect(normalize({ ...common, MsgType: 'image', MediaId: 'M1', Format: 'jpg', MsgId: '3' })).toMatchObject({
      kind: 'image',
      attachments: image,
    });
  });

  it('location', () => {
    expect(
      normalize({
        ...common,
        MsgType: 'location',
        Latitude: '30.274085',
        Longitude: '120.155070',
        Label: '西湖区',
        MsgId: '4',
      }),
    ).toMatchObject({
      kind: 'location',
      text: '西湖区',
      attachments: [{ kind: 'location', latitude: 30.274085, longitude: 120.15507, scale: null, label: '西湖区' }],
    });
  });

  it.each(['follow', 'unfollow', 'click', 'enter'])(
    'event %s: deduplicated by sender|CreateTime|EventType',
    (eventType) => {
      expect(normalize({ ...common, MsgType: 'event', EventType: eventType, ActionParam: 'menu-1' })).toMatchObject({
        kind: 'event',
        event: eventType,
        dedupeKey: `2088402125991030|1457426646396|${eventType}`,
      });
    },
  );

  it('unsupported types and platform events are null (acknowledged, not stored)', () => {
    expect(normalize({ ...common, MsgType: 'event', EventType: 'verifygw' })).toBeNull();
    expect(normalize({ ...common, MsgType: 'video', MsgId: '5' })).toBeNull();
  });

  it.each([
    [
      'no sender',
      { AppId: '1', CreateTime: '1457426646396', MsgType: 'text', 'Text.Content': 'x', MsgId: '1' },
      'FromAlipayUserId',
    ],
    [
      'seconds instead of ms',
      { ...common, CreateTime: '14574266', MsgType: 'text', 'Text.Content': 'x', MsgId: '1' },
      'CreateTime',
    ],
    ['no text', { ...common, MsgType: 'text', MsgId: '1' }, 'Text.Content'],
    ['a bad MsgId', { ...common, MsgType: 'text', 'Text.Content': 'x', MsgId: '1|2' }, 'MsgId'],
    [
      'latitude out of range',
      { ...common, MsgType: 'location', Latitude: '91', Longitude: '1', MsgId: '1' },
      'Latitude',
    ],
  ])('refuses %s', (_what, fields, field) => {
    expect(() => normalize(fields)).toThrow(AlipayMessageError);
    expect(() => normalize(fields)).toThrow(new RegExp(`^${field.replace('.', '\\.')}:`));
  });
});
