import { DEMO_ALIPAY_PLATFORM_PRIVATE_KEY } from '../server/channels/alipay/demo-keys';
import iconv from 'iconv-lite';
import { alipayRsa2, alipayStringToSign } from './platform-signing';

export interface AlipayDeliveryOptions {
  /** The form's charset; Alipay's is historically GBK. */
  charset?: string;
  /** Alipay's own signing key: only the demo one is known, which the demo account trusts. */
  alipayPrivateKey?: string;
}

/** What the gateway receives besides what Alipay adds (charset, sign_type, sign). */
export interface AlipayPost {
  service: 'alipay.service.check' | 'alipay.mobile.public.message.notify';
  biz_content: string;
}

/** A gateway post ready for postDelivery: the form's bytes, no query. */
export interface AlipayDelivery {
  channel: 'alipay';
  contentType: string;
  query: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

/**
 * Builds one gateway post as Alipay's servers would: charset and sign_type added, RSA2-signed
 * over the sorted parameters, each name and value percent-encoded as bytes in the charset.
 */
export function buildAlipayDelivery(post: AlipayPost, options: AlipayDeliveryOptions = {}): AlipayDelivery {
  const charsetName = options.charset ?? 'GBK';
  const params: Record<string, string> = { ...post, charset: charsetName, sign_type: 'RSA2' };
  params.sign = alipayRsa2(
    alipayStringToSign(params, true),
    charsetName,
    options.alipayPrivateKey ?? DEMO_ALIPAY_PLATFORM_PRIVATE_KEY,
  );
  const inCharset = (text: string) => percentEncode(iconv.encode(text, charsetName));
  const form = Object.entries(params)
    .map(([name, value]) => `${inCharset(name)}=${inCharset(value)}`)
    .join('&');
  return {
    channel: 'alipay',
    contentType: `application/x-www-form-urlencoded; charset=${charsetName}`,
    query: {},
    body: Buffer.from(form, 'latin1'),
  };
}

/** Every byte outside the unreserved set as %XX, as browsers and Java's URLEncoder do (space as %20). */
export function percentEncode(bytes: Buffer): string {
  let out = '';
  for (const byte of bytes)
    out += /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}
