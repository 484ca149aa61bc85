import { buildAlipayBizContent } from '../../shared/channels/alipay/biz-content';
import { isoToWeiboTime } from '../../shared/channels/weibo/created-at';
import { buildWechatXml } from '../../shared/channels/wechat/xml';
import { DEMO_ALIPAY_ACCOUNT, DEMO_WECHAT_ACCOUNT, DEMO_WEIBO_ACCOUNT } from '../../server/channels/demo-accounts';
import type { Channel } from '../../shared/model';
import { buildAlipayDelivery, percentEncode } from '../../simulator/alipay-delivery';
import { platformSha1, wechatEncrypt } from '../../simulator/platform-signing';

/**
 * Generated deliveries that no webhook may store: forged or missing signatures, stale and future
 * timestamps, and — correctly signed, so they get past the signature — bodies that are malformed,
 * truncated, oversized, nested, typed wrongly, misrouted or carry entity declarations. Each must be
 * refused (4xx) or acknowledged and ignored (an unsupported type), never stored and never a 5xx.
 * Deterministic for a seed, so a failure can be replayed.
 */
export interface RawDelivery {
  channel: Channel;
  accountKey: string;
  query: Record<string, string>;
  body: Buffer;
  contentType: string;
  /** What the generator did, for a failure message. */
  what: string;
}

export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  return { next, int, pick, bytes };
}
type Random = ReturnType<typeof random>;

/** Strings citizens' hostile neighbours like: markup, control characters, lone surrogates, huge numbers, prototype keys. */
const NASTY = [
  '<script>alert(1)</script>',
  ']]>',
  '\u0000',
  '\uD800',
  '\u202E',
  '%00',
  '../../etc/passwd',
  '${7*7}',
  '9'.repeat(400),
  '__proto__',
  '&x;',
  '\r\n',
  '😀'.repeat(50),
  "' OR 1=1 --",
];

const nowSeconds = () => String(Math.floor(Date.now() / 1000));

function mutate(r: Random, body: Buffer): Buffer {
  const out = Buffer.from(body);
  switch (r.int(4)) {
    case 0:
      return out.subarray(0, r.int(out.length));
    case 1:
      for (let i = 0; i < 1 + r.int(8); i++) out[r.int(out.length)] = r.int(256);
      return out;
    case 2:
      return Buffer.concat([
        out.subarray(0, r.int(out.length)),
        Buffer.from(r.pick(NASTY)),
        out.subarray(r.int(out.length)),
      ]);
    default:
      return r.bytes(r.int(2000));
  }
}

// ── WeChat ──────────────────────────────────────────────────────────────────────────────────────────
const WX = DEMO_WECHAT_ACCOUNT;

function wechatSigned(timestamp = nowSeconds(), nonce = String(Math.random()).slice(2, 10)) {
  return { signature: platformSha1(WX.token, timestamp, nonce), timestamp, nonce, openid: 'oFuzz' };
}

function wechatValidXml(r: Random): string {
  return buildWechatXml({
    ToUserName: WX.originalId,
    FromUserName: `oFuzz${r.int(1e9)}`,
    CreateTime: nowSeconds(),
    MsgType: 'text',
    Content: r.pick(NASTY),
    MsgId: String(1e15 + r.int(1e9)),
  });
}

const WECHAT_SIGNED_BAD_BODIES: ((r: Random) => [string, string])[] = [
  (r) => ['truncated', wechatValidXml(r).slice(0, 10 + r.int(100))],
  (r) => ['no MsgType', wechatValidXml(r).replace(/<MsgType>.*?<\/MsgType>/, '')],
  (r) => ['no FromUserName', wechatValidXml(r).replace(/<FromUserName>.*?<\/FromUserName>/, '')],
  (r) => [
    'MsgId not a number',
    wechatValidXml(r).replace(
      /<MsgId>\d+<\/MsgId>/,
      `<MsgId>${r.pick(['-1', '1e9', 'abc', '99999999999999999999999'])}</MsgId>`,
    ),
  ],
  (r) => [
    'CreateTime garbage',
    wechatValidXml(r).replace(
      /<CreateTime>\d+<\/CreateTime>/,
      `<CreateTime>${r.pick(['-5', 'now', '1.5', '123456789012345'])}</CreateTime>`,
    ),
  ],
  (r) => ['other account', wechatValidXml(r).replace(WX.originalId, `gh_other${r.int(1000)}`)],
  (r) => [
    'DOCTYPE',
    `<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]>${wechatValidXml(r).replace('</xml>', '<Content>&e;</Content></xml>')}`,
  ],
  () => [
    'billion laughs',
    `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(10)}"><!ENTITY b "&a;&a;&a;&a;">]><xml><Content>&b;</Content></xml>`,
  ],
  (r) => ['deep nesting', `${'<a>'.repeat(200 + r.int(2000))}${'</a>'.repeat(200)}`],
  (r) => ['repeated field', wechatValidXml(r).replace('</xml>', '<MsgType>image</MsgType></xml>')],
  (r) => ['not xml', r.pick(['{}', 'null', '[]', 'success', ' ', '<>', '<xml>', '<?xml version="1.0"?>'])],
  (r) => ['random bytes', r.bytes(1 + r.int(3000)).toString('latin1')],
  (r) => [
    'location out of range',
    buildWechatXml({
      ToUserName: WX.originalId,
      FromUserName: 'oFuzz',
      CreateTime: nowSeconds(),
      MsgType: 'location',
      Location_X: r.pick(['91', 'NaN', '1e400', '']),
      Location_Y: '120',
      Scale: '1',
      Label: 'x',
      MsgId: '1',
    }),
  ],
  (r) => [
    'image without MediaId',
    buildWechatXml({
      ToUserName: WX.originalId,
      FromUserName: 'oFuzz',
      CreateTime: nowSeconds(),
      MsgType: 'image',
      PicUrl: 'http://x',
      MsgId: String(r.int(1e9)),
    }),
  ],
  (r) => [
    'unsupported type',
    buildWechatXml({
      ToUserName: WX.originalId,
      FromUserName: 'oFuzz',
      CreateTime: nowSeconds(),
      MsgType: r.pick(['file', 'miniprogrampage', '__proto__', 'constructor']),
      MsgId: String(r.int(1e9)),
    }),
  ],
  (r) => [
    'platform event',
    buildWechatXml({
      ToUserName: WX.originalId,
      FromUserName: 'oFuzz',
      CreateTime: nowSeconds(),
      MsgType: 'event',
      Event: r.pick(['TEMPLATESENDJOBFINISH', 'MASSSENDJOBFINISH', 'toString']),
    }),
  ],
];

export function hostileWechat(r: Random): RawDelivery {
  const base = { channel: 'wechat' as const, accountKey: WX.key, contentType: 'text/xml' };
  switch (r.int(8)) {
    case 0: {
      const query = wechatSigned();
      return {
        ...base,
        what: 'forged signature',
        query: { ...query, signature: r.bytes(20).toString('hex') },
        body: Buffer.from(wechatValidXml(r)),
      };
    }
    case 1: {
      const skew = r.pick([-1, 1]) * (400 + r.int(1e7));
      return {
        ...base,
        what: 'stale or future timestamp',
        query: wechatSigned(String(Number(nowSeconds()) + skew)),
        body: Buffer.from(wechatValidXml(r)),
      };
    }
    case 2: {
      const { signature: _s, ...query } = wechatSigned();
      const drop = r.pick(['signature', 'timestamp', 'nonce']);
      return {
        ...base,
        what: `missing ${drop}`,
        query: Object.fromEntries(Object.entries({ ...query, signature: _s }).filter(([k]) => k !== drop)),
        body: Buffer.from(wechatValidXml(r)),
      };
    }
    case 3:
      return {
        ...base,
        what: 'mutated, unsigned',
        query: { ...wechatSigned(), signature: 'x' },
        body: mutate(r, Buffer.from(wechatValidXml(r))),
      };
    case 4:
      return { ...base, what: 'oversized', query: wechatSigned(), body: Buffer.alloc(65 * 1024 + r.int(1e5), 'a') };
    case 5: {
      // Safe mode with a correct msg_signature over garbage, or a wrong one over a real ciphertext.
      const query = wechatSigned();
      const real = r.next() < 0.5;
      const encrypt = real
        ? wechatEncrypt(WX.encodingAesKey!, WX.appId, wechatValidXml(r))
        : r.bytes(16 * (1 + r.int(20))).toString('base64');
      const msgSignature = real
        ? r.bytes(20).toString('hex')
        : platformSha1(WX.token, query.timestamp, query.nonce, encrypt);
      return {
        ...base,
        what: real ? 'safe mode, forged msg_signature' : 'safe mode, garbage ciphertext',
        query: { ...query, encrypt_type: 'aes', msg_signature: msgSignature },
        body: Buffer.from(buildWechatXml({ ToUserName: WX.originalId, Encrypt: encrypt })),
      };
    }
    case 6:
      return {
        ...base,
        what: 'unknown account',
        accountKey: r.pick(['nobody', '..', '%2e%2e', 'demo2']),
        query: wechatSigned(),
        body: Buffer.from(wechatValidXml(r)),
      };
    default: {
      const [what, body] = r.pick(WECHAT_SIGNED_BAD_BODIES)(r);
      return { ...base, what: `signed, ${what}`, query: wechatSigned(), body: Buffer.from(body) };
    }
  }
}

// ── Weibo ───────────────────────────────────────────────────────────────────────────────────────────
const WB = DEMO_WEIBO_ACCOUNT;

function weiboSigned(timestamp = nowSeconds(), nonce = String(Math.random()).slice(2, 10)) {
  return { signature: platformSha1(WB.appSecret, timestamp, nonce), timestamp, nonce };
}

function weiboPush(r: Random): Record<string, unknown> {
  return {
    type: 'text',
    receiver_id: WB.uid,
    sender_id: String(1e9 + r.int(1e9)),
    created_at: isoToWeiboTime(new Date()),
    text: r.pick(NASTY),
    data: {},
  };
}

const WEIBO_SIGNED_BAD_BODIES: ((r: Random) => [string, string])[] = [
  (r) => ['malformed JSON', JSON.stringify(weiboPush(r)).slice(0, r.int(80))],
  (r) => ['not an object', r.pick(['[]', 'null', '1', '"x"', 'true', '[{}]'])],
  (r) => [
    'created_at garbage',
    JSON.stringify({
      ...weiboPush(r),
      created_at: r.pick(['Mon Feb 30 10:00:00 +0800 2025', 'yesterday', 1700000000, '', null]),
    }),
  ],
  (r) => [
    'sender not a uid',
    JSON.stringify({ ...weiboPush(r), sender_id: r.pick(['-1', '0', 'abc', '1'.repeat(30), { a: 1 }, null, '12 34']) }),
  ],
  (r) => ['other receiver', JSON.stringify({ ...weiboPush(r), receiver_id: String(1 + r.int(1e9)) })],
  (r) => ['text not a string', JSON.stringify({ ...weiboPush(r), text: r.pick([1, {}, [], true]) })],
  (r) => ['data not an object', JSON.stringify({ ...weiboPush(r), data: r.pick([[], 'x', 5]) })],
  (r) => [
    'position out of range',
    JSON.stringify({
      ...weiboPush(r),
      type: 'position',
      data: { latitude: r.pick(['91', 'x', '1e999', '']), longitude: '1' },
    }),
  ],
  (r) => ['image without file id', JSON.stringify({ ...weiboPush(r), type: 'image', data: { vfid: '1' } })],
  (r) => [
    'unknown type',
    JSON.stringify({ ...weiboPush(r), type: r.pick(['sticker', '__proto__', 'constructor', 'toString', '']) }),
  ],
  (r) => [
    'platform event',
    JSON.stringify({ ...weiboPush(r), type: 'event', data: { subtype: r.pick(['verify', 'hasOwnProperty', 'x']) } }),
  ],
  (r) => [
    'prototype pollution',
    `{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},${JSON.stringify(weiboPush(r)).slice(1).replace('"type":"text"', '"type":"nope"')}`,
  ],
  (r) => ['deep nesting', `${'['.repeat(5000 + r.int(5000))}`],
  () => ['XML format', '<xml><MsgType>text</MsgType></xml>'],
  (r) => ['random bytes', r.bytes(1 + r.int(3000)).toString('latin1')],
];

export function hostileWeibo(r: Random): RawDelivery {
  const base = { channel: 'weibo' as const, accountKey: WB.key, contentType: 'application/json' };
  const valid = () => Buffer.from(JSON.stringify(weiboPush(r)));
  switch (r.int(7)) {
    case 0:
      return {
        ...base,
        what: 'forged signature',
        query: { ...weiboSigned(), signature: r.bytes(20).toString('hex') },
        body: valid(),
      };
    case 1:
      return {
        ...base,
        what: 'stale or future timestamp',
        query: weiboSigned(String(Number(nowSeconds()) + r.pick([-1, 1]) * (400 + r.int(1e7)))),
        body: valid(),
      };
    case 2:
      return { ...base, what: 'mutated, unsigned', query: {}, body: mutate(r, valid()) };
    case 3:
      return { ...base, what: 'oversized', query: weiboSigned(), body: Buffer.alloc(65 * 1024 + r.int(1e5), '{') };
    case 4:
      return {
        ...base,
        what: 'unknown account',
        accountKey: r.pick(['nobody', 'DEMO', 'demo%00']),
        query: weiboSigned(),
        body: valid(),
      };
    default: {
      const [what, body] = r.pick(WEIBO_SIGNED_BAD_BODIES)(r);
      return { ...base, what: `signed, ${what}`, query: weiboSigned(), body: Buffer.from(body) };
    }
  }
}

// ── Alipay ──────────────────────────────────────────────────────────────────────────────────────────
const AP = DEMO_ALIPAY_ACCOUNT;
const NOTIFY = 'alipay.mobile.public.message.notify';

function alipayFields(r: Random): Record<string, string> {
  return {
    AppId: AP.appId,
    FromAlipayUserId: `2088${1e11 + r.int(1e11)}`,
    CreateTime: String(Date.now()),
    MsgType: 'text',
    'Text.Content': r.pick(NASTY).replaceAll('\u0000', '?').replaceAll('\uD800', '?'),
    MsgId: String(1e15 + r.int(1e9)),
  };
}

/** Correctly signed by the demo "Alipay" key: only the content is wrong. RSA signing is slow, so these are a few of many. */
const ALIPAY_SIGNED_BAD: ((r: Random) => [string, string])[] = [
  (r) => ['malformed biz_content', buildAlipayBizContent(alipayFields(r)).slice(0, 5 + r.int(60))],
  () => [
    'DOCTYPE',
    `<!DOCTYPE XML [<!ENTITY x SYSTEM "file:///etc/passwd">]><XML><MsgType>text</MsgType><Text><Content>&x;</Content></Text></XML>`,
  ],
  (r) => ['other AppId', buildAlipayBizContent({ ...alipayFields(r), AppId: String(2e15 + r.int(1e9)) })],
  (r) => [
    'no sender',
    buildAlipayBizContent(
      Object.fromEntries(Object.entries(alipayFields(r)).filter(([k]) => k !== 'FromAlipayUserId')),
    ),
  ],
  (r) => [
    'CreateTime garbage',
    buildAlipayBizContent({ ...alipayFields(r), CreateTime: r.pick(['0', 'x', '1e12', '-1']) }),
  ],
  (r) => ['MsgId garbage', buildAlipayBizContent({ ...alipayFields(r), MsgId: r.pick(['a', '-1', '1'.repeat(40)]) })],
  () => ['deeper nesting', `<XML><Text><Content><B>x</B></Content></Text><MsgType>text</MsgType></XML>`],
  (r) => [
    'unsupported type',
    buildAlipayBizContent({ ...alipayFields(r), MsgType: r.pick(['video', '__proto__', 'constructor']) }),
  ],
];

export function hostileAlipay(r: Random): RawDelivery {
  const base = {
    channel: 'alipay' as const,
    accountKey: AP.key,
    query: {},
    contentType: 'application/x-www-form-urlencoded',
  };
  const signedValid = () =>
    Buffer.from(buildAlipayDelivery({ service: NOTIFY, biz_content: buildAlipayBizContent(alipayFields(r)) }).body);
  const form = (params: Record<string, string>) =>
    Buffer.from(
      Object.entries(params)
        .map(([k, v]) => `${percentEncode(Buffer.from(k))}=${percentEncode(Buffer.from(v))}`)
        .join('&'),
      'latin1',
    );
  const roll = r.int(100);
  if (roll < 4) {
    const [what, biz] = r.pick(ALIPAY_SIGNED_BAD)(r);
    return {
      ...base,
      what: `signed, ${what}`,
      body: Buffer.from(buildAlipayDelivery({ service: NOTIFY, biz_content: biz }, { charset: 'UTF-8' }).body),
    };
  }
  if (roll < 8) {
    // A signed delivery changed after signing: the content no longer matches the signature.
    const wire = signedValid().toString('latin1');
    return {
      ...base,
      what: 'tampered after signing',
      body: Buffer.from(
        wire.replace(/(biz_content=)([^&]{10})/, (_m, k: string, v: string) => `${k}${v.split('').reverse().join('')}`),
        'latin1',
      ),
    };
  }
  switch (r.int(7)) {
    case 0:
      return {
        ...base,
        what: 'forged sign',
        body: form({
          service: NOTIFY,
          charset: 'UTF-8',
          sign_type: 'RSA2',
          biz_content: buildAlipayBizContent(alipayFields(r)),
          sign: r.bytes(256).toString('base64'),
        }),
      };
    case 1:
      return {
        ...base,
        what: 'no sign',
        body: form({
          service: NOTIFY,
          charset: 'UTF-8',
          sign_type: 'RSA2',
          biz_content: buildAlipayBizContent(alipayFields(r)),
        }),
      };
    case 2:
      return {
        ...base,
        what: 'bad escapes or charset',
        body: Buffer.from(
          r.pick([
            'biz_content=%ZZ',
            'charset=Shift_JIS&x=1',
            'charset=GBK&a=%FF%FF',
            'a=1&a=2',
            '%',
            '&&&=',
            'charset=',
          ]),
          'latin1',
        ),
      };
    case 3:
      return { ...base, what: 'oversized', body: Buffer.alloc(65 * 1024 + r.int(1e5), 'a') };
    case 4:
      return {
        ...base,
        what: 'unknown service or sign_type',
        body: form({
          service: r.pick(['alipay.trade.pay', '', '__proto__']),
          charset: 'UTF-8',
          sign_type: r.pick(['RSA', 'RSA2', 'MD5']),
          sign: 'AAAA',
          biz_content: '<XML/>',
        }),
      };
    case 5:
      return { ...base, what: 'unknown account', accountKey: r.pick(['nobody', 'demo ', 'Demo']), body: signedValid() };
    default:
      return { ...base, what: 'random bytes', body: mutate(r, Buffer.from('service=x&biz_content=<XML/>&sign=AAAA')) };
  }
}

export const HOSTILE: Record<Channel, (r: Random) => RawDelivery> = {
  wechat: hostileWechat,
  weibo: hostileWeibo,
  alipay: hostileAlipay,
};
