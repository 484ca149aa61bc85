import {
  BROWSER_SHELL_PATHS,
  type ApiArgs,
  type ApiMethod,
  type ApiReply,
  type ApiResult,
  type HostBridge,
  type HostEvent,
} from '../../../shared/api/workstation-api';
import { ShellLaunchError } from './shell-token';

/**
 * The browser shell's transport: the same calls as Electron IPC, over the host's local HTTP
 * server, authorised by the token the page settled from its address (shell-token.ts).
 */
export function createHttpBridge(tokenReady: Promise<string>): HostBridge {
  return {
    async call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiReply<ApiResult<M>>> {
      let token: string;
      try {
        token = await tokenReady;
      } catch (error) {
        const code = error instanceof ShellLaunchError ? error.code : 'transport';
        return { ok: false, error: { code, message: String(error) } };
      }
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
      let source: EventSource | null = null;
      let closed = false;
      void tokenReady.then(
        (token) => {
          if (closed) return;
          source = new EventSource(`${BROWSER_SHELL_PATHS.events}?token=${encodeURIComponent(token)}`);
          source.onmessage = (message: MessageEvent<string>) => {
            try {
              listener(JSON.parse(message.data) as HostEvent);
            } catch {
              // A malformed event is dropped; the next one or a refresh brings the state back.
            }
          };
        },
        // No token, no events: the calls say why.
        () => undefined,
      );
      return () => {
        closed = true;
        source?.close();
      };
    },
  };
}

function isReply(body: unknown): boolean {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}
