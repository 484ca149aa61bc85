import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READY_PREFIX } from '../../server/config';
import { writeTestChannels } from './test-channels';

export interface ServerProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process printed, for assertions on log lines. */
  output(): string;
  stop(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the real central server (`server/main.ts`) as a separate process on a free port with its
 * own data directory, and resolves once it prints its ready line. Set up as a deployment is, not
 * as a demo: the test channels from a channels file and the admin's password given (admin/admin,
 * which the tests sign in with); `env` may change either, or start a demo with YIWANG_DEMO=1.
 */
export async function startServer(env: Record<string, string> = {}, dataDir?: string): Promise<ServerProcess> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'yiwang-server-'));
  const setUp = { YIWANG_CHANNELS_FILE: writeTestChannels(dir), YIWANG_ADMIN_PASSWORD: 'admin' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    // The escalation ladder stays still unless a test asks for it: overdue fixtures must not climb it meanwhile.
    env: { ...process.env, YIWANG_PORT: '0', YIWANG_DATA_DIR: dir, YIWANG_LADDER_POLL_MS: '0', ...setUp, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolveUrl, rejectUrl) => {
    const timer = setTimeout(() => rejectUrl(new Error(`server did not start:\n${out}`)), 55_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith(READY_PREFIX));
      if (line) {
        clearTimeout(timer);
        // Splitting all output on every chunk grows quadratic with a chatty server: from here on, only append.
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
        resolveUrl(line.slice(READY_PREFIX.length).trim());
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      rejectUrl(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  return {
    url,
    dataDir: dir,
    child,
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
