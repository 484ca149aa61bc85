import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface ReadyProcess {
  child: ChildProcess;
  /** What followed the ready prefix on its line (the URL). */
  url: string;
}

export interface ReadyOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The line that says the process is serving, e.g. `YIWANG_SERVER_READY `. */
  readyPrefix: string;
  /** Where stdout and stderr go, so the terminal keeps only what the person needs. */
  logFile: string;
  timeoutMs?: number;
}

/** Spawns a process whose stdout and stderr are appended to a log file. */
export function spawnLogged(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

/** Spawns a long-running process, logs it to a file and resolves once it prints its ready line. */
export function startReadyProcess(options: ReadyOptions): Promise<ReadyProcess> {
  const child = spawnLogged(options.command, options.args, options.env, options.logFile);
  return new Promise((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(
        new Error(
          `${options.name} printed no ready line within ${(options.timeoutMs ?? 60_000) / 1000} s; see ${options.logFile}`,
        ),
      );
    }, options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      const ready = lines.find((line) => line.startsWith(options.readyPrefix));
      if (!ready) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      resolve({ child, url: ready.slice(options.readyPrefix.length).trim() });
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code ?? 'signal'}) before it was ready; see ${options.logFile}`));
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Asks a child to stop, and kills it when it has not within the grace period. */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
