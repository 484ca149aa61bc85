import { createHash } from 'node:crypto';
import type { Channel } from '../../shared/model';
import type { Faults, PlatformCall } from './platform-calls';

/** A 16×12 picture (blue with a yellow square), as Chromium encodes it, without its optional segments. */
const TINY_JPEG = Buffer.from(
  '/9j/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAMABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAEE/8QAHxAAAQMEAwEAAAAAAAAAAAAAAwECEQAEEhMFMUHR/8QAFAEBAAAAAAAAAAAAAAAAAAAABP/EAB0RAAEDBQEAAAAAAAAAAAAAABIAE1ECAxEhIoH/2gAMAwEAAhEDEQA/ALxdkO827HPTCIxVPZ+U5SyHZ6tbnrnM5KnkfaxDMQU6yPZPeLlSaEMQsbCPfHWTlWKW1deMuY8RDobHG5X/2Q==',
  'base64',
);

/** What the simulated platforms share: the record of calls, injected faults, token expiry. */
export function platformState() {
  const calls: PlatformCall[] = [];
  const sendFaults: Record<Channel, string[]> = { wechat: [], weibo: [], alipay: [] };
  const mediaFaults: Record<Channel, number> = { wechat: 0, weibo: 0, alipay: 0 };
  const expiryListeners: (() => void)[] = [];
  const sendDelays: Record<Channel, number> = { wechat: 0, weibo: 0, alipay: 0 };

  const faults: Faults = {
    failNextSends(channel, count, code) {
      for (let i = 0; i < count; i++) sendFaults[channel].push(code);
    },
    failNextMedia(channel, count) {
      mediaFaults[channel] += count;
    },
    delaySends(channel, ms) {
      sendDelays[channel] = ms;
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
    /** Waits as long as the channel's sends are delayed: the platform has taken the message, its answer is late. */
    async answerDelay(channel: Channel): Promise<void> {
      if (sendDelays[channel] > 0) await new Promise((resolve) => setTimeout(resolve, sendDelays[channel]));
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
    /**
     * A real 16×12 JPEG that a browser decodes, different and stable per media id (a comment segment
     * after the start marker carries the id's hash), so content addressing can be checked.
     */
    mediaBytes(id: string): Buffer {
      const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x22]), createHash('sha256').update(id).digest()]);
      return Buffer.concat([TINY_JPEG.subarray(0, 2), comment, TINY_JPEG.subarray(2)]);
    },
  };
}

export type PlatformState = ReturnType<typeof platformState>;
