import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BROWSER_SHELL_PATHS,
  type ApiArgs,
  type ApiMethod,
  type ApiReply,
  type ApiResult,
} from '../../shared/api/workstation-api';
import { HOST_READY_PREFIX } from '../../electron/browser-shell/browser-shell';
import { SHELL_HOST_BUNDLE } from '../../scripts/lib/shell-host';

export interface HostProcess {
  /** http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  /**
   * The page address to open: the access token in the fragment (traded for the launch code the host
   * printed), or with `keepLaunchCode` the printed one-time address itself.
   */
  pageUrl: string;
  token: string;
  dataDir: string;
  child: ChildProcess;
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiReply<ApiResult<M>>>;
  output(): string;
  stop(): Promise<void>;
  /** Ends the process without letting it clean up (SIGKILL by default), as a crash or power cut would. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface HostProcessOptions {
  serverUrl: string;
  dataDir?: string;
  pollMs?: number;
  holdMs?: number;
  env?: Record<string, string>;
  /** Run the bundle `npm run build` made (as the product does) instead of the TypeScript source. */
  built?: boolean;
  /** Leave the printed launch code unspent, for a test of the page trading it; `call` then has no token. */
  keepLaunchCode?: boolean;
}

/**
 * Starts the workstation host with its browser shell (`electron/browser-shell/shell-main.ts`) as a separate
 * process on a free port with its own cache folder, and resolves once it prints its ready line.
 */
export async function startHostProcess(options: HostProcessOptions): Promise<HostProcess> {
  const dir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'yiwang-workstation-'));
  if (options.built && !existsSync(SHELL_HOST_BUNDLE))
    throw new Error(`${SHELL_HOST_BUNDLE} is missing: run npm run build`);
  const entry = options.built ? [SHELL_HOST_BUNDLE] : ['--import', 'tsx', 'electron/browser-shell/shell-main.ts'];
  const child = spawn(process.execPath, entry, {
    env: {
      ...process.env,
      YIWANG_SERVER_URL: options.serverUrl,
      YIWANG_WORKSTATION_DIR: dir,
      YIWANG_SHELL_PORT: '0',
      ...(options.pollMs !== undefined ? { YIWANG_POLL_MS: String(options.pollMs) } : {}),
      ...(options.holdMs !== undefined ? { YIWANG_HOLD_MS: String(options.holdMs) } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const launchUrl = await new Promise<string>((resolveUrl, rejectUrl) => {
    const timer = setTimeout(() => rejectUrl(new Error(`host did not start:\n${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith(HOST_READY_PREFIX));
      if (line) {
        clearTimeout(timer);
        resolveUrl(line.slice(HOST_READY_PREFIX.length).trim());
      }
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      rejectUrl(new Error(`host exited with ${code}:\n${out}`));
    });
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  const url = new URL(launchUrl).origin;
  const token = options.keepLaunchCode ? '' : await tradeLaunchCode(launchUrl);
  const pageUrl = options.keepLaunchCode ? launchUrl : `${url}/#token=${token}`;
  return {
    url,
    pageUrl,
    token,
    dataDir: dir,
    child,
    async call(method, args) {
      const response = await fetch(`${url}${BROWSER_SHELL_PATHS.call}${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(args),
      });
      return (await response.json()) as never;
    },
    output: () => out,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Trades the one-time code in the host's printed address for its access token, as the page does. */
async function tradeLaunchCode(launchUrl: string): Promise<string> {
  const address = new URL(launchUrl);
  const code = new URLSearchParams(address.hash.slice(1)).get('launch');
  const response = await fetch(`${address.origin}${BROWSER_SHELL_PATHS.launch}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const body = (await response.json()) as { ok: boolean; value?: { token: string } };
  if (!body.ok || !body.value) throw new Error(`the host refused its own launch code: ${JSON.stringify(body)}`);
  return body.value.token;
}
