import { readChannelsFile, type ChannelsConfig } from '../server/channels/accounts';
import { DEMO_CHANNELS, DEMO_WECHAT_ACCOUNT } from '../server/channels/demo-accounts';

/**
 * The channel accounts to play: the server's channels file when YIWANG_CHANNELS_FILE names one
 * (the simulator needs the same secrets to sign), else the demo accounts. With a WeChat webhook
 * key, that account comes first, so deliveries go to it.
 */
export function simulatedChannels(
  wechatKey = DEMO_WECHAT_ACCOUNT.key,
  env: NodeJS.ProcessEnv = process.env,
): ChannelsConfig {
  const channels = env.YIWANG_CHANNELS_FILE ? readChannelsFile(env.YIWANG_CHANNELS_FILE) : DEMO_CHANNELS;
  const account = channels.wechat.find((a) => a.key === wechatKey);
  if (!account && channels.wechat.length > 0) {
    throw new Error(`no WeChat account "${wechatKey}" (known: ${channels.wechat.map((a) => a.key).join(', ')})`);
  }
  return { ...channels, wechat: account ? [account, ...channels.wechat.filter((a) => a !== account)] : [] };
}
