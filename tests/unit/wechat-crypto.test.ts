import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import WXBizMsgCrypt from 'wechat-crypto';
import { describe, expect, it } from 'vitest';
import { createWechatCipher, WechatCryptoError } from '../../server/channels/wechat/crypto';
import { wechatSignature } from '../../server/channels/wechat/signature';

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP_ID = 'wxb11529c136998cb6';

/** The algorithm written out again with Node's crypto, step by step, as CHANNELS.md §1.4 states it. */
function referenceEncrypt(encodingAesKey: string, appId: string, message: string, random: Buffer): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const msg = Buffer.from(message, 'utf8');
  const len = Buffer.from([msg.length >>> 24, (msg.length >>> 16) & 255, (msg.length >>> 8) & 255, msg.length & 255]);
  const plain = Buffer.concat([random, len, msg, Buffer.from(appId)]);
  const padCount = 32 - (plain.length % 32);
  const padded = Buffer.concat([plain, Buffer.alloc(padCount, padCount)]);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

function referenceDecryptRaw(encodingAesKey: string, encrypted: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
}

/** Encrypts arbitrary (possibly malformed) padded plaintext with the key, to build bad ciphertexts. */
function encryptRaw(encodingAesKey: string, padded: Buffer): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

// WeChat's published sample vectors, from the official WXBizMsgCrypt samples (Java WXBizMsgCryptTest,
// Python Sample.py, C++ Sample.cpp, the third-party-platform "消息推送" doc) as transcribed in public ports.
const OFFICIAL = {
  a: {
    random: 'aaaabbbbccccdddd',
    message: '我是中文abcd123',
    encrypted: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
    message2:
      '<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>',
    encrypted2:
      'jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb',
  },
  /** Python Sample.py: a compatible-mode push to gh_10f6c3c3ac5a, with its msg_signature. */
  python: {
    token: 'spamtest',
    appId: 'wx2c2769f8efd9abc2',
    timestamp: '1409735669',
    nonce: '1320562132',
    msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
    encrypted:
      'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
    message:
      '<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>\n<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>\n<CreateTime>1409735668</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[abcdteT]]></Content>\n<MsgId>6054768590064713728</MsgId>\n</xml>',
  },
  /** C++ Sample.cpp. */
  cpp: {
    timestamp: '1410349438',
    nonce: '298025754',
    msgSignature: '003fee52ecc56afb46c00b5c7721be87860ce785',
    encrypted:
      'mfBCs65c67CeJw22u4VT2TD73q5H06+ocrAIxswCaeZ/d/Lw0msSZFHY0teqgSYiI1zR2gD2DKrB3TIrmX/liNSDrGqS8jSI/WPeKB5VPr7Ezr7gomZAyGCwJSgT1TRFWPfONGJMxuj2nk4faTuspAuVIFQ6SHwZuJBZC7mcJp7Cgr9cUhATQWDbOPaE7ukZBTV2YqyzH+UI2AK+J1S47cE79k1RX8t0hcTz/O0hlK8DGXKnvYv88qKQcI7z4iaajqHfRVZKBNyOODabs+It+ZfM3dWTeFcPgDbGtIEnpt/EDtuuA/zMvtkaKdHdswPnVZQ+xdwbYr3ldGvfT8HlEYEgkgKaThxTFobVlwzu2ZkXCjicbP3xdr15Iq48ObgzPpqYuZ3IEoyggZDKClquk0u0orMck4GTF/XyE8yGzc4=',
  },
  /** Third-party platform doc: a key of 43 'A's (an all-zero AES key) and an encrypted passive reply. */
  zeroKey: {
    token: 'AAAAA',
    appId: 'wx134c8103faa5a59e',
    timestamp: '1715943329',
    nonce: '1590219412',
    msgSignature: '6c12a4205838198b8fa631b3220723bb07f1015c',
    encrypted:
      'D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==',
    messageBytes: 292,
    reply: '<xml><demo_resp>[CDATA[good luck]]</demo_resp></xml>',
    replyRandom: '999951349e8ee746',
    replyEncrypted:
      'hE8R6mGXHkJJjU72KxzKUd1GEkKJaEZq7vRL8XgK3o+00k8JGq6+pZJUIlTSyhsX+bxIBQ72g3GyvDdIZcr6+3HAZbSvPT9t/o11MI7d6WELwqrGd7jMnV0zv3Zc9Nq7',
    replyTimestamp: '1713424427',
    replyNonce: '415670741',
    replySignature: '03e0812039325c2712ef5f0f980fd14c70d6e307',
  },
};

describe('WeChat safe-mode cipher: official sample vectors', () => {
  it('encrypts as the Java sample does with a fixed random prefix', () => {
    const cipher = createWechatCipher(KEY, APP_ID);
    const random = Buffer.from(OFFICIAL.a.random);
    expect(cipher.encrypt(OFFICIAL.a.message, random)).toBe(OFFICIAL.a.encrypted);
    expect(cipher.encrypt(OFFICIAL.a.message2, random)).toBe(OFFICIAL.a.encrypted2);
    expect(cipher.decrypt(OFFICIAL.a.encrypted2)).toBe(OFFICIAL.a.message2);
  });

  it('decrypts the Python sample push byte for byte, newlines kept', () => {
    const p = OFFICIAL.python;
    expect(wechatSignature(p.token, p.timestamp, p.nonce, p.encrypted)).toBe(p.msgSignature);
    expect(createWechatCipher(KEY, p.appId).decrypt(p.encrypted)).toBe(p.message);
  });

  it('decrypts the C++ sample push', () => {
    const c = OFFICIAL.cpp;
    expect(wechatSignature('spamtest', c.timestamp, c.nonce, c.encrypted)).toBe(c.msgSignature);
    const message = createWechatCipher(KEY, OFFICIAL.python.appId).decrypt(c.encrypted);
    expect(message).toContain('<MsgId>6057404712141979648</MsgId>');
  });

  it('handles the all-zero key of the third-party platform sample, both ways', () => {
    const z = OFFICIAL.zeroKey;
    const cipher = createWechatCipher('A'.repeat(43), z.appId);
    expect(wechatSignature(z.token, z.timestamp, z.nonce, z.encrypted)).toBe(z.msgSignature);
    const message = cipher.decrypt(z.encrypted);
    expect(Buffer.byteLength(message)).toBe(z.messageBytes);
    expect(message).toContain('<Event><![CDATA[debug_demo]]></Event>');
    const reply = cipher.encrypt(z.reply, Buffer.from(z.replyRandom));
    expect(reply).toBe(z.replyEncrypted);
    expect(wechatSignature(z.token, z.replyTimestamp, z.replyNonce, reply)).toBe(z.replySignature);
  });
});

describe('WeChat safe-mode cipher: against an independent build with Node crypto', () => {
  const messages = [
    '',
    'a',
    'x'.repeat(7),
    'y'.repeat(8),
    '市民来信：路灯坏了',
    '<xml><Content><![CDATA[]]]]><![CDATA[>]]></Content></xml>',
    'z'.repeat(5000),
  ];

  it.each(messages.map((m) => [m.length, m] as const))(
    'message of %i characters encrypts identically and round-trips',
    (_len, message) => {
      const random = randomBytes(16);
      const cipher = createWechatCipher(KEY, APP_ID);
      const ours = cipher.encrypt(message, random);
      expect(ours).toBe(referenceEncrypt(KEY, APP_ID, message, random));
      expect(cipher.decrypt(ours)).toBe(message);
    },
  );

  it('pads to 32-byte blocks, a full block when already aligned', () => {
    // 16 random + 4 length + 8 message + 4 appid = 32 bytes: a whole 32-byte block of padding follows.
    const encrypted = createWechatCipher(KEY, 'wx01').encrypt('12345678', randomBytes(16));
    const raw = referenceDecryptRaw(KEY, encrypted);
    expect(raw.length).toBe(64);
    expect([...raw.subarray(32)]).toEqual(Array(32).fill(32));
  });

  it('uses a fresh random prefix each time', () => {
    const cipher = createWechatCipher(KEY, APP_ID);
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });
});

describe('WeChat safe-mode cipher: interoperability with wechat-crypto (node-webot)', () => {
  const TOKEN = 'yiwangdemotoken';
  const theirs = new WXBizMsgCrypt(TOKEN, KEY, APP_ID);
  const ours = createWechatCipher(KEY, APP_ID);
  const message =
    '<xml><ToUserName><![CDATA[gh_yiwang_demo]]></ToUserName><Content><![CDATA[井盖丢了 & <b>危险</b>]]></Content></xml>';

  it('decrypts what wechat-crypto encrypts', () => {
    expect(ours.decrypt(theirs.encrypt(message))).toBe(message);
  });

  it('makes what wechat-crypto decrypts, with the same AppID', () => {
    expect(theirs.decrypt(ours.encrypt(message))).toEqual({ message, id: APP_ID });
  });

  it('computes the same msg_signature', () => {
    const encrypted = ours.encrypt(message);
    expect(wechatSignature(TOKEN, '1700000000', '424242', encrypted)).toBe(
      theirs.getSignature('1700000000', '424242', encrypted),
    );
  });
});

describe('WeChat safe-mode cipher: refusals', () => {
  const cipher = createWechatCipher(KEY, APP_ID);

  function layout(message: Buffer, appId: Buffer, padCount: number, padByte = padCount): Buffer {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(message.length);
    return Buffer.concat([randomBytes(16), len, message, appId, Buffer.alloc(padCount, padByte)]);
  }

  it('refuses a ciphertext made for another AppID', () => {
    const other = createWechatCipher(KEY, 'wx_someone_else').encrypt('<xml/>');
    expect(() => cipher.decrypt(other)).toThrow(new WechatCryptoError('ciphertext was made for another AppID'));
  });

  it('refuses a ciphertext made with another key (its padding does not check out)', () => {
    const other = createWechatCipher('ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut', APP_ID).encrypt('<xml>hello</xml>');
    expect(() => cipher.decrypt(other)).toThrow(WechatCryptoError);
  });

  it('refuses inconsistent PKCS#7 padding', () => {
    // 16 + 4 + 4 + 18 = 42 bytes; 22 bytes of padding where one byte is off.
    const bad = layout(Buffer.from('abcd'), Buffer.from(APP_ID), 22);
    bad[bad.length - 5] = 21;
    expect(() => cipher.decrypt(encryptRaw(KEY, bad))).toThrow('bad padding');
    const zero = layout(Buffer.from('abcd'), Buffer.from(APP_ID), 22, 0);
    expect(() => cipher.decrypt(encryptRaw(KEY, zero))).toThrow('bad padding');
  });

  it('refuses a length prefix longer than the plaintext', () => {
    const plain = layout(Buffer.from('abcd'), Buffer.from(APP_ID), 22);
    plain.writeUInt32BE(1000, 16);
    expect(() => cipher.decrypt(encryptRaw(KEY, plain))).toThrow('message length exceeds the plaintext');
  });

  it('refuses a message that is not UTF-8', () => {
    const plain = layout(Buffer.from([0xff, 0xfe, 0xfd, 0xfc]), Buffer.from(APP_ID), 22);
    expect(() => cipher.decrypt(encryptRaw(KEY, plain))).toThrow('not valid UTF-8');
  });

  it.each([
    ['not base64', '!!!not-base64!!!'],
    ['empty', ''],
    ['not a whole AES block', 'YWJj'],
  ])('refuses a ciphertext that is %s', (_what, text) => {
    expect(() => cipher.decrypt(text)).toThrow(WechatCryptoError);
  });

  it('refuses an EncodingAESKey that is not 43 letters and digits', () => {
    expect(() => createWechatCipher('abcde', APP_ID)).toThrow(WechatCryptoError);
    expect(() => createWechatCipher(`${KEY.slice(0, 42)}+`, APP_ID)).toThrow(WechatCryptoError);
  });
});
