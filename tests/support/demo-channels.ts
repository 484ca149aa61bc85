import { randomInt } from 'node:crypto';
import { DEMO_ALIPAY_ACCOUNT, DEMO_WECHAT_ACCOUNT, DEMO_WEIBO_ACCOUNT, type ChannelsConfig } from '../../server/config';
import type { Channel } from '../../shared/model';

/** The demo channel accounts the server serves by default; free of test-runner imports, so Vitest and Playwright tests both use it. */
export const DEMO_CHANNELS: ChannelsConfig = {
  wechat: [DEMO_WECHAT_ACCOUNT],
  weibo: [DEMO_WEIBO_ACCOUNT],
  alipay: [DEMO_ALIPAY_ACCOUNT],
};

/** A fresh citizen id shaped as the channel's: OpenID, Weibo uid, Alipay 2088… id. */
export function newCitizen(channel: Channel): string {
  if (channel === 'wechat') return `oYwSim${randomInt(1e9, 1e10 - 1)}${randomInt(1e9, 1e10 - 1)}`;
  if (channel === 'weibo') return String(randomInt(1e9, 1e10 - 1));
  return `2088${randomInt(1e11, 1e12 - 1)}`;
}
