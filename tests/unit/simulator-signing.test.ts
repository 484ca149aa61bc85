import { createPublicKey, createVerify } from 'node:crypto';
import WXBizMsgCrypt from 'wechat-crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_WECHAT_ACCOUNT as WX } from '../../server/channels/demo-accounts';
import {
  DEMO_ALIPAY_PLATFORM_PRIVATE_KEY,
  DEMO_ALIPAY_PLATFORM_PUBLIC_KEY,
} from '../../server/channels/alipay/demo-keys';
import { alipayRsa2, alipayStringToSign, platformSha1, wechatEncrypt } from '../../simulator/platform-signing';

/**
 * The simulator signs with its own code, so it checks the server rather than agreeing with it; this
 * holds that code to a third party: node-webot's wechat-crypto and Node's RSA verifier.
 */
describe("the simulator's platform signing", () => {
  const theirs = new WXBizMsgCrypt(WX.token, WX.encodingAesKey!, WX.appId);
  const xml = '<xml><Content><![CDATA[路灯不亮 & <b>已两周</b>]]></Content></xml>';

  it('encrypts what wechat-crypto decrypts, for the AppID', () => {
    expect(theirs.decrypt(wechatEncrypt(WX.encodingAesKey!, WX.appId, xml))).toEqual({ message: xml, id: WX.appId });
  });

  it('computes the msg_signature wechat-crypto computes', () => {
    const encrypt = wechatEncrypt(WX.encodingAesKey!, WX.appId, xml);
    expect(platformSha1(WX.token, '1700000000', '424242', encrypt)).toBe(
      theirs.getSignature('1700000000', '424242', encrypt),
    );
  });

  it('signs Alipay posts over the sorted non-empty parameters, in their charset', () => {
    const params = {
      service: 'alipay.service.check',
      biz_content: '<XML>井盖</XML>',
      charset: 'GBK',
      sign_type: 'RSA2',
      empty: '',
    };
    const text = alipayStringToSign(params, true);
    expect(text).toBe('biz_content=<XML>井盖</XML>&charset=GBK&service=alipay.service.check&sign_type=RSA2');
    const sign = alipayRsa2(text, 'GBK', DEMO_ALIPAY_PLATFORM_PRIVATE_KEY);
    // The same text's GBK bytes, written out so no encoder of ours comes into it (井 BEAE, 盖 B8C7).
    const verified = createVerify('RSA-SHA256')
      .update(
        Buffer.from(
          '62697a5f636f6e74656e743d3c584d4c3ebeaeb8c73c2f584d4c3e26636861727365743d47424b26736572766963653d616c697061792e736572766963652e636865636b267369676e5f747970653d52534132',
          'hex',
        ),
      )
      .verify(createPublicKey(DEMO_ALIPAY_PLATFORM_PUBLIC_KEY), sign, 'base64');
    expect(verified).toBe(true);
  });
});
