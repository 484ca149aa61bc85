import { createHash } from 'node:crypto';
import type { Channel } from '../../shared/model';
import type { Faults, PlatformCall } from './platform-calls';

/** What the simulated platforms share: the record of calls, injected faults, token expiry. */
export function platformState() {
  const calls: PlatformCall[] = [];
  const sendFaults: Record<Channel, string[]> = { wechat: [], weibo: [], alipay: [] };
  const mediaFaults: Record<Channel, number> = { wechat: 0, weibo: 0, alipay: 0 };
  const expiryListeners: (() => void)[] = [];

  const faults: Faults = {
    failNextSends(channel, count, code) {
      for (let i = 0; i < count; i++) sendFaults[channel].push(code);
    },
    failNextMedia(channel, count) {
      mediaFaults[channel] += count;
    },
  };

  return {
    ...faults,
    calls: calls as readonly PlatformCall[],
    record(call: Omit<PlatformCall, 'at'>): void {
      calls.push({ ...call, at: new Date().toISOString() });
    },
    takeSendFault(channel: Channel): string | null {
      return sendFaults[channel].shift() ?? null;
    },
    takeMediaFault(channel: Channel): boolean {
      if (mediaFaults[channel] === 0) return false;
      mediaFaults[channel] -= 1;
      return true;
    },
    onExpireTokens(listener: () => void): void {
      expiryListeners.push(listener);
    },
    /** Invalidates every access token handed out, as WeChat does when one expires early. */
    expireTokens(): void {
      for (const listener of expiryListeners) listener();
    },
    /** A small JPEG-labelled file, different and stable per media id, so content addressing can be checked. */
    mediaBytes(id: string): Buffer {
      return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), createHash('sha256').update(id).digest(), Buffer.from([0xff, 0xd9])]);
    },
  };
}

export type PlatformState = ReturnType<typeof platformState>;
