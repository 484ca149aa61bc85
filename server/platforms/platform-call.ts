import type { SendResult } from './send-result';

/** A platform API that has not answered in this long is given up on (the outcome is then unknown). */
const CALL_TIMEOUT_MS = 15_000;

/** Errors raised before any byte of the request left: the platform cannot have acted on it. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export type PlatformAnswer =
  { answered: true; status: number; body: Buffer; contentType: string } | { answered: false; result: SendResult };

/** One HTTP call to a platform API, its network failures sorted into safe-to-retry and unknown. */
export async function callPlatform(url: string, init: RequestInit = {}): Promise<PlatformAnswer> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) });
    const body = Buffer.from(await response.arrayBuffer());
    return { answered: true, status: response.status, body, contentType: response.headers.get('content-type') ?? '' };
  } catch (error) {
    const code = networkCode(error);
    return {
      answered: false,
      result: NOT_SENT_CODES.has(code)
        ? { outcome: 'retry', errorCode: code }
        : { outcome: 'unknown', errorCode: code },
    };
  }
}

function networkCode(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : 'network-error';
}

/** An HTTP status that says the platform did not take the call (overloaded, rate-limited, down). */
export function retryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Parses a platform's JSON answer; null when it is not JSON (an HTML error page from a proxy, say). */
export function jsonOf(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
