import type { ApiReply } from '../../shared/api/workstation-api';

/** The value of a host API reply; an error reply fails the test with its code and message. */
export function value<T>(reply: ApiReply<T>): T {
  if (!reply.ok) throw new Error(`API error ${reply.error.code}: ${reply.error.message}`);
  return reply.value;
}

/** Polls until the probe answers something truthy, which it returns; fails naming what never came. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
  everyMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result) return result;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
