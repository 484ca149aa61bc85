import type { Channel } from '../shared/model';

/** WeChat and Weibo give up on a push after 5 seconds and retry it (CHANNELS.md §1.3, §2.2); so does the simulator's clock. */
const PUSH_TIMEOUT_MS = 5_000;

export interface Delivery {
  query: Record<string, string> | URLSearchParams;
  /** Text, or bytes already encoded (Alipay's GBK forms). */
  body: string | Uint8Array<ArrayBuffer>;
  /** The platform whose webhook receives it; WeChat when absent. */
  channel?: Channel;
  /** WeChat's text/xml when absent. */
  contentType?: string;
}

export type PostResult =
  { ok: true; status: number; ms: number } | { ok: false; status: number | null; ms: number; error: string };

/** POSTs one signed delivery to the server's webhook, as the platform's servers do. */
export async function postDelivery(server: string, accountKey: string, delivery: Delivery): Promise<PostResult> {
  const url = `${server}/channels/${delivery.channel ?? 'wechat'}/${encodeURIComponent(accountKey)}?${new URLSearchParams(delivery.query)}`;
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': delivery.contentType ?? 'text/xml; charset=utf-8',
        'User-Agent': 'Mozilla/4.0 (yiwang-simulator)',
      },
      body: delivery.body,
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.ok) return { ok: true, status: response.status, ms: ms() };
    return { ok: false, status: response.status, ms: ms(), error: text.slice(0, 200) || response.statusText };
  } catch (error) {
    const message =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${PUSH_TIMEOUT_MS} ms`
        : String(error);
    return { ok: false, status: null, ms: ms(), error: message };
  }
}
