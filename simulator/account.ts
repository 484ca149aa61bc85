import { readFileSync } from 'node:fs';
import { ChannelsConfig, DEMO_WECHAT_ACCOUNT, type WechatAccount } from '../server/config';

/**
 * The WeChat account to play, by webhook key: from the server's channels file when
 * YIWANG_CHANNELS_FILE names one (the simulator needs the same Token and AES key), else the demo account.
 */
export function findAccount(key: string, env: NodeJS.ProcessEnv = process.env): WechatAccount {
  const accounts = env.YIWANG_CHANNELS_FILE
    ? ChannelsConfig.parse(JSON.parse(readFileSync(env.YIWANG_CHANNELS_FILE, 'utf8'))).wechat
    : [DEMO_WECHAT_ACCOUNT];
  const account = accounts.find((a) => a.key === key);
  if (!account) throw new Error(`no WeChat account "${key}" (known: ${accounts.map((a) => a.key).join(', ') || 'none'})`);
  return account;
}
