import { createSign, createVerify, generateKeyPairSync } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AlipayCharsetError, decodeStrict } from '../../server/channels/alipay/charset';
import { DEMO_APP_PUBLIC_KEY_BASE64 } from '../../server/channels/alipay/demo-keys';
import { AlipayFormError, parseAlipayForm } from '../../server/channels/alipay/form';
import { signedResponse, verifygwContent } from '../../server/channels/alipay/response';
import { verifyAlipayParams } from '../../server/channels/alipay/rsa2';
import { DEMO_ALIPAY_ACCOUNT } from '../../server/channels/demo-accounts';
import { buildAlipayDelivery } from '../../simulator/alipay-delivery';

// A key pair made here, and signatures made here with node:crypto directly, so the gateway's
// verification is checked against an independent signer, not against its own signing code.
const alipay = generateKeyPairSync('rsa', { modulusLength: 2048 });
const alipayPublicPem = alipay.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const BIZ =
  '<XML><AppId><![CDATA[2016000000000000]]></AppId><Text><Content><![CDATA[你好，路灯坏了 & <危险>]]></Content></Text></XML>';

function independentlySigned(withSignType: boolean, charset = 'GBK') {
  const params: Record<string, string> = {
    biz_content: BIZ,
    charset,
    service: 'alipay.mobile.public.message.notify',
    sign_type: 'RSA2',
  };
  // Written out by hand: sorted a→z, raw values, joined with '&'.
  const content = withSignType
    ? `biz_content=${BIZ}&charset=${charset}&service=alipay.mobile.public.message.notify&sign_type=RSA2`
    : `biz_content=${BIZ}&charset=${charset}&service=alipay.mobile.public.message.notify`;
  const sign = createSign('RSA-SHA256').update(iconv.encode(content, charset)).sign(alipay.privateKey, 'base64');
  return { ...params, sign };
}

describe('verifyAlipayParams (RSA2)', () => {
  it('accepts a signature over the GBK bytes including sign_type (the life-account spec)', () => {
    expect(verifyAlipayParams(independentlySigned(true), 'gbk', alipayPublicPem)).toBe(true);
  });

  it('accepts one made without sign_type, as alipay-sdk retries', () => {
    expect(verifyAlipayParams(independentlySigned(false), 'gbk', alipayPublicPem)).toBe(true);
  });

  it('accepts UTF-8 forms signed over UTF-8 bytes', () => {
    expect(verifyAlipayParams(independentlySigned(true, 'UTF-8'), 'utf-8', alipayPublicPem)).toBe(true);
  });

  it('skips empty parameters', () => {
    expect(verifyAlipayParams({ ...independentlySigned(true), app_id: '' }, 'gbk', alipayPublicPem)).toBe(true);
  });

  it.each([
    ['a changed value', (p: Record<string, string>) => ({ ...p, biz_content: p.biz_content!.replace('路灯', '水管') })],
    ['an added parameter', (p: Record<string, string>) => ({ ...p, extra: '1' })],
    ['bytes verified in another charset', (p: Record<string, string>) => p],
    ['no sign', ({ sign: _omit, ...p }: Record<string, string>) => p],
    ['a sign that is not base64', (p: Record<string, string>) => ({ ...p, sign: '!!!' })],
  ])('refuses %s', (what, change) => {
    const charset = what.includes('another charset') ? 'utf-8' : 'gbk';
    expect(verifyAlipayParams(change(independentlySigned(true)), charset, alipayPublicPem)).toBe(false);
  });

  it('refuses a signature by another key', () => {
    expect(verifyAlipayParams(independentlySigned(true), 'gbk', DEMO_ALIPAY_ACCOUNT.alipayPublicKey)).toBe(false);
  });

  it('the simulator’s posts verify with the demo account’s Alipay public key', () => {
    const delivery = buildAlipayDelivery({ service: 'alipay.mobile.public.message.notify', biz_content: BIZ });
    const { params, charset } = parseAlipayForm(Buffer.from(delivery.body));
    expect(verifyAlipayParams(params, charset, DEMO_ALIPAY_ACCOUNT.alipayPublicKey)).toBe(true);
  });
});

describe('parseAlipayForm and GBK', () => {
  it('round-trips GBK: percent-escaped GBK bytes decode to the text that was encoded', () => {
    const delivery = buildAlipayDelivery({ service: 'alipay.mobile.public.message.notify', biz_content: BIZ });
    const wire = Buffer.from(delivery.body).toString('latin1');
    expect(wire).toContain('%C4%E3%BA%C3'); // 你好 in GBK
    expect(parseAlipayForm(Buffer.from(delivery.body)).params).toMatchObject({
      biz_content: BIZ,
      charset: 'GBK',
      sign_type: 'RSA2',
    });
  });

  it('reads raw GBK bytes, + as space, and UTF-8 forms', () => {
    const raw = Buffer.concat([Buffer.from('charset=gbk&a=x+y&b='), iconv.encode('中文', 'gbk')]);
    expect(parseAlipayForm(raw).params).toMatchObject({ a: 'x y', b: '中文' });
    expect(parseAlipayForm(Buffer.from(`charset=utf-8&b=${encodeURIComponent('中文')}`)).params.b).toBe('中文');
  });

  it('defaults to GBK without a charset parameter', () => {
    expect(parseAlipayForm(Buffer.from('b=%D6%D0')).charset).toBe('gbk');
  });

  it.each([
    // Many UTF-8 byte runs are also valid GBK (and are then caught by the signature); this one is not.
    ['UTF-8 bytes declared as GBK', `charset=GBK&b=${encodeURIComponent('你好。')}`, AlipayCharsetError],
    ['GBK bytes declared as UTF-8', 'charset=UTF-8&b=%D6%D0%CE%C4', AlipayCharsetError],
    ['an unsupported charset', 'charset=EBCDIC&b=x', AlipayCharsetError],
    ['a broken escape', 'charset=GBK&b=%G1', AlipayFormError],
    ['a repeated parameter', 'charset=GBK&sign=a&sign=b', AlipayFormError],
  ])('refuses %s', (_what, body, error) => {
    expect(() => parseAlipayForm(Buffer.from(body, 'latin1'))).toThrow(error);
  });

  it('decodeStrict refuses bytes that do not survive the round trip', () => {
    expect(() => decodeStrict(Buffer.from([0xff, 0xff]), 'gbk')).toThrow(AlipayCharsetError);
    expect(decodeStrict(iconv.encode('办证难', 'gb18030'), 'gb18030')).toBe('办证难');
  });
});

describe('signedResponse', () => {
  it('signs the <response> content with the app private key; the app public key verifies it', () => {
    const content = verifygwContent(true, DEMO_APP_PUBLIC_KEY_BASE64);
    const xml = iconv.decode(signedResponse(content, DEMO_ALIPAY_ACCOUNT.appPrivateKey), 'gbk');
    expect(xml.startsWith('<?xml version="1.0" encoding="GBK"?><alipay><response><success>true</success>')).toBe(true);
    const sign = /<sign>([^<]+)<\/sign>/.exec(xml)![1]!;
    const appPublicPem = `-----BEGIN PUBLIC KEY-----\n${DEMO_APP_PUBLIC_KEY_BASE64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    expect(createVerify('RSA-SHA256').update(iconv.encode(content, 'gbk')).verify(appPublicPem, sign, 'base64')).toBe(
      true,
    );
    expect(xml).toContain('<sign_type>RSA2</sign_type>');
  });
});
