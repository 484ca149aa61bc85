import {
  BROWSER_SHELL_PATHS,
  type ApiArgs,
  type ApiMethod,
  type ApiReply,
  type ApiResult,
  type HostBridge,
  type HostEvent,
} from '../../../shared/api/workstation-api';

/**
 * The browser shell's transport: the same calls as Electron IPC, over the host's local HTTP
 * server, authorised by the token the host put in the page's address (#token=…).
 */
export function createHttpBridge(token: string): HostBridge {
  return {
    async call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiReply<ApiResult<M>>> {
      try {
        const response = await fetch(BROWSER_SHELL_PATHS.call + method, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(args),
        });
        const body: unknown = await response.json().catch(() => null);
        if (isReply(body)) return body as ApiReply<ApiResult<M>>;
        return { ok: false, error: { code: 'transport', message: `HTTP ${response.status}` } };
      } catch (error) {
        return { ok: false, error: { code: 'transport', message: String(error) } };
      }
    },
    subscribe(listener: (event: HostEvent) => void): () => void {
      const source = new EventSource(`${BROWSER_SHELL_PATHS.events}?token=${encodeURIComponent(token)}`);
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          listener(JSON.parse(message.data) as HostEvent);
        } catch {
          // A malformed event is dropped; the next one or a refresh brings the state back.
        }
      };
      return () => source.close();
    },
  };
}

function isReply(body: unknown): boolean {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/** The token the host appended to the page address, or null when opened without one. */
export function tokenFromLocation(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.length > 0 ? token : null;
}
