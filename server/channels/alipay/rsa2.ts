import { createSign, createVerify, type KeyLike } from 'node:crypto';
import { encodeIn, type AlipayCharset } from './charset';

/**
 * The text Alipay signs: every parameter except `sign` (and except `sign_type` when asked), with a
 * value, sorted by name, `name=value` joined with '&', values raw (not URL-encoded) — rsaCheckV2.
 */
export function alipaySignContent(params: Readonly<Record<string, string>>, withSignType: boolean): string {
  return Object.keys(params)
    .filter((name) => name !== 'sign' && (withSignType || name !== 'sign_type') && params[name] !== '')
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join('&');
}

/**
 * Verifies an RSA2 (SHA256withRSA) `sign` over the params with Alipay's public key. Tried with
 * `sign_type` in the content (the life-account spec, §9.3) and then without it (payment-notify
 * style), as the official alipay-sdk does.
 */
export function verifyAlipayParams(
  params: Readonly<Record<string, string>>,
  charset: AlipayCharset,
  alipayPublicKey: KeyLike,
): boolean {
  const sign = params.sign;
  if (!sign || !/^[A-Za-z0-9+/]+={0,2}$/.test(sign)) return false;
  return [true, false].some((withSignType) =>
    createVerify('RSA-SHA256')
      .update(encodeIn(alipaySignContent(params, withSignType), charset))
      .verify(alipayPublicKey, sign, 'base64'),
  );
}

/** SHA256withRSA over the text encoded in the charset, base64 — how both sides sign. */
export function rsa2Sign(content: string, charset: AlipayCharset, privateKey: KeyLike): string {
  return createSign('RSA-SHA256').update(encodeIn(content, charset)).sign(privateKey, 'base64');
}
