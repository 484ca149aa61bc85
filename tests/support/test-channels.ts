import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChannelsConfig, WechatAccount } from '../../server/channels/accounts';
import { DEMO_CHANNELS, DEMO_WECHAT_ACCOUNT } from '../../server/channels/demo-accounts';

/** A WeChat account in plain mode (no EncodingAESKey): plaintext pushes are its normal traffic. */
export const PLAIN_WECHAT_ACCOUNT: WechatAccount = { ...DEMO_WECHAT_ACCOUNT, key: 'plain', encodingAesKey: null };

/**
 * What a test server serves: the demo accounts (which tests sign for) and a plain-mode WeChat
 * account, given as a channels file as a real deployment would give its own.
 */
export const TEST_CHANNELS: ChannelsConfig = {
  ...DEMO_CHANNELS,
  wechat: [...DEMO_CHANNELS.wechat, PLAIN_WECHAT_ACCOUNT],
};

/** Writes the channels file into the data directory and returns its path. */
export function writeTestChannels(dataDir: string): string {
  const file = join(dataDir, 'channels.json');
  writeFileSync(file, JSON.stringify(TEST_CHANNELS));
  return file;
}
