import type { KeyLike } from 'node:crypto';
import { cdata } from '../../../shared/channels/safe-xml';
import { encodeIn } from './charset';
import { rsa2Sign } from './rsa2';

/**
 * Alipay's signed answer envelope: the content inside <response> is signed with the app private
 * key, and the whole document is sent in GBK as integrators' SDKs do (encryptAndSign / signResponse).
 */
export function signedResponse(content: string, appPrivateKey: KeyLike): Buffer {
  const sign = rsa2Sign(content, 'gbk', appPrivateKey);
  return encodeIn(
    `<?xml version="1.0" encoding="GBK"?><alipay><response>${content}</response><sign>${sign}</sign><sign_type>RSA2</sign_type></alipay>`,
    'gbk',
  );
}

/** The gateway check's answer (CHANNELS.md §3.3): success and the app public key, or VERIFY_FAILED. */
export function verifygwContent(success: boolean, appPublicKey: string): string {
  return success
    ? `<success>true</success><biz_content>${appPublicKey}</biz_content>`
    : `<success>false</success><error_code>VERIFY_FAILED</error_code><biz_content>${appPublicKey}</biz_content>`;
}

/** The acknowledgement of a message: Alipay takes it as "received, no passive reply". */
export function ackContent(toUserId: string, appId: string, nowMs: number): string {
  return `<XML><ToUserId>${cdata(toUserId)}</ToUserId><AppId>${cdata(appId)}</AppId><CreateTime>${nowMs}</CreateTime><MsgType>${cdata('ack')}</MsgType></XML>`;
}
