import { expect } from 'vitest';
import type { ServerProcess } from './server-process';

interface LogEntry {
  level: number;
  msg: string;
  reason?: string;
  status?: number;
}

/** The server's pino lines (JSON) with the given message, e.g. 'weibo push refused'. */
export function logLines(server: ServerProcess, msg: string): LogEntry[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogEntry)
    .filter((entry) => entry.msg === msg);
}

/** Waits for the lines to travel through the pipe, then expects exactly one new one, with the reason. */
export async function expectOneNewLine(
  server: ServerProcess,
  msg: string,
  before: number,
  reason?: string | RegExp,
): Promise<void> {
  for (let i = 0; i < 50 && logLines(server, msg).length === before; i++) await new Promise((r) => setTimeout(r, 20));
  const added = logLines(server, msg).slice(before);
  expect(added).toHaveLength(1);
  expect(added[0]!.level).toBe(40);
  if (reason !== undefined) expect(added[0]!.reason).toMatch(reason);
}
