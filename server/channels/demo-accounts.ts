import type { AlipayAccount, ChannelsConfig, WechatAccount, WeiboAccount } from './accounts';
import { DEMO_ALIPAY_PLATFORM_PUBLIC_KEY, DEMO_APP_PRIVATE_KEY, DEMO_APP_PUBLIC_KEY_BASE64 } from './alipay/demo-keys';

/** The demo account `npm start` and the simulator use out of the box. Not a secret: never use it in production. */
export const DEMO_WECHAT_ACCOUNT: WechatAccount = {
  key: 'demo',
  originalId: 'gh_yiwang_demo',
  appId: 'wx0000000000demo',
  appSecret: 'demo-app-secret',
  token: 'yiwangdemotoken',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};

/** The demo Weibo account: the App Secret is public, so anyone can sign pushes for it. */
export const DEMO_WEIBO_ACCOUNT: WeiboAccount = {
  key: 'demo',
  uid: '1902538057',
  appKey: '0000000000',
  appSecret: 'demo-weibo-app-secret',
  accessToken: 'demo-weibo-access-token',
};

/** The demo Alipay life account, with the public demo keys of ./alipay/demo-keys. */
export const DEMO_ALIPAY_ACCOUNT: AlipayAccount = {
  key: 'demo',
  appId: '2016000000000000',
  alipayPublicKey: DEMO_ALIPAY_PLATFORM_PUBLIC_KEY,
  appPrivateKey: DEMO_APP_PRIVATE_KEY,
  appPublicKey: DEMO_APP_PUBLIC_KEY_BASE64,
};

/** One demo account per channel, as a demo server serves them and the simulator plays them. */
export const DEMO_CHANNELS: ChannelsConfig = {
  wechat: [DEMO_WECHAT_ACCOUNT],
  weibo: [DEMO_WEIBO_ACCOUNT],
  alipay: [DEMO_ALIPAY_ACCOUNT],
};
