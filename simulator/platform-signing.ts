import { createCipheriv, createHash, createSign, randomBytes, type KeyLike } from 'node:crypto';
import iconv from 'iconv-lite';

/**
 * How the platforms sign and encrypt what they push, written here from their documentation
 * (../shared/CHANNELS.md) and never taken from the server: the simulator is what tests the
 * server's verifiers, and a bug shared by both sides would pass unseen.
 */

/**
 * WeChat's `signature` and `msg_signature`, and Weibo's `signature`: the parts (token or App
 * Secret, timestamp, nonce, and in safe mode the Encrypt text) sorted as strings, joined, sha1 in hex.
 */
export function platformSha1(...parts: string[]): string {
  const joined = parts.slice().sort().join('');
  return createHash('sha1').update(joined, 'utf8').digest('hex');
}

/**
 * WeChat safe mode's Encrypt text: AES-256-CBC, key = the EncodingAESKey with '=' read as base64,
 * IV = the key's first 16 bytes, over 16 random bytes, the message length (4 bytes, big-endian),
 * the message and the AppID, padded PKCS#7-style to a multiple of 32 bytes; in base64.
 */
export function wechatEncrypt(encodingAesKey: string, appId: string, xml: string): string {
  const key = Buffer.from(encodingAesKey + '=', 'base64');
  const message = Buffer.from(xml, 'utf8');
  const header = Buffer.alloc(20);
  randomBytes(16).copy(header);
  header.writeUInt32BE(message.length, 16);
  const unpadded = Buffer.concat([header, message, Buffer.from(appId, 'utf8')]);
  const padCount = 32 - (unpadded.length % 32);
  const padded = Buffer.concat([unpadded, Buffer.alloc(padCount, padCount)]);
  const aes = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  aes.setAutoPadding(false);
  return Buffer.concat([aes.update(padded), aes.final()]).toString('base64');
}

/**
 * Alipay's RSA2: every non-empty parameter but `sign` (and `sign_type` when told), sorted by name,
 * `name=value` joined by '&' with raw values, the text in the post's charset signed SHA256withRSA.
 */
export function alipayStringToSign(params: Readonly<Record<string, string>>, withSignType: boolean): string {
  const names = Object.keys(params).filter(
    (name) => params[name] !== '' && name !== 'sign' && !(name === 'sign_type' && !withSignType),
  );
  return names
    .sort()
    .map((name) => name + '=' + params[name])
    .join('&');
}

export function alipayRsa2(text: string, charset: string, privateKey: KeyLike): string {
  return createSign('sha256WithRSAEncryption').update(iconv.encode(text, charset)).sign(privateKey).toString('base64');
}
