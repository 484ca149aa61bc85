import { readFileSync } from 'node:fs';
import { ChannelsConfig, DEMO_ALIPAY_ACCOUNT, DEMO_WECHAT_ACCOUNT, DEMO_WEIBO_ACCOUNT } from '../server/config';

/**
 * The channel accounts to play: the server's channels file when YIWANG_CHANNELS_FILE names one
 * (the simulator needs the same secrets to sign), else the demo accounts. With a WeChat webhook
 * key, that account comes first, so deliveries go to it.
 */
export function simulatedChannels(
  wechatKey = DEMO_WECHAT_ACCOUNT.key,
  env: NodeJS.ProcessEnv = process.env,
): ChannelsConfig {
  const channels = env.YIWANG_CHANNELS_FILE
    ? ChannelsConfig.parse(JSON.parse(readFileSync(env.YIWANG_CHANNELS_FILE, 'utf8')))
    : { wechat: [DEMO_WECHAT_ACCOUNT], weibo: [DEMO_WEIBO_ACCOUNT], alipay: [DEMO_ALIPAY_ACCOUNT] };
  const account = channels.wechat.find((a) => a.key === wechatKey);
  if (!account && channels.wechat.length > 0) {
    throw new Error(`no WeChat account "${wechatKey}" (known: ${channels.wechat.map((a) => a.key).join(', ')})`);
  }
  return { ...channels, wechat: account ? [account, ...channels.wechat.filter((a) => a !== account)] : [] };
}
