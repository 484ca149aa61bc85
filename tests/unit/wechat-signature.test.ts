import { createHash } from 'node:crypto';
import WXBizMsgCrypt from 'wechat-crypto';
import { describe, expect, it } from 'vitest';
import { signatureMatches, wechatSignature } from '../../server/channels/wechat/signature';

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('wechatSignature', () => {
  it('is sha1 of token, timestamp and nonce sorted lexicographically', () => {
    // Sorted: "1409304348" < "pamtest" < "xxxxxx".
    expect(wechatSignature('pamtest', '1409304348', 'xxxxxx')).toBe(sha1('1409304348pamtestxxxxxx'));
    // The token does not always sort first: here the nonce does.
    expect(wechatSignature('yiwangdemotoken', '1700000000', '0042')).toBe(sha1('00421700000000yiwangdemotoken'));
  });

  it('adds the Encrypt text for msg_signature', () => {
    expect(wechatSignature('tok', '1700000000', 'n1', 'AbC+/=')).toBe(sha1('1700000000AbC+/=n1tok'));
  });

  it("matches WeChat's published URL-verification sample (WeCom, msg_signature over echostr)", () => {
    const echostr = 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
    expect(wechatSignature('QDG6eK', '1409659589', '263014780', echostr)).toBe(
      '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    );
  });

  it('agrees with wechat-crypto (node-webot) on msg_signature', () => {
    const theirs = new WXBizMsgCrypt(
      'yiwangdemotoken',
      'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
      'wx0000000000demo',
    );
    const encrypt = theirs.encrypt('<xml/>');
    expect(wechatSignature('yiwangdemotoken', '1712345678', '987654321', encrypt)).toBe(
      theirs.getSignature('1712345678', '987654321', encrypt),
    );
  });
});

describe('signatureMatches', () => {
  const good = wechatSignature('yiwangdemotoken', '1700000000', '1');

  it('accepts the expected signature, in either letter case', () => {
    expect(signatureMatches(good, good)).toBe(true);
    expect(signatureMatches(good, good.toUpperCase())).toBe(true);
  });

  it.each([
    ['a different signature', wechatSignature('yiwangdemotoken', '1700000001', '1')],
    ['a truncated one', good.slice(0, -1)],
    ['an empty one', ''],
    ['none', undefined],
    ['an array (repeated query parameter)', [good, good]],
  ])('refuses %s', (_what, received) => {
    expect(signatureMatches(good, received)).toBe(false);
  });
});
