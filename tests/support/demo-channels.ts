import { randomInt } from 'node:crypto';
import type { Channel } from '../../shared/model';

/** A fresh citizen id shaped as the channel's: OpenID, Weibo uid, Alipay 2088… id. */
export function newCitizen(channel: Channel): string {
  if (channel === 'wechat') return `oYwSim${randomInt(1e9, 1e10 - 1)}${randomInt(1e9, 1e10 - 1)}`;
  if (channel === 'weibo') return String(randomInt(1e9, 1e10 - 1));
  return `2088${randomInt(1e11, 1e12 - 1)}`;
}
