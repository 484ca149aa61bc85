import { resolve } from 'node:path';
import { HOST_READY_PREFIX, startBrowserShell } from './browser-shell';
import { HANDOVER_TIME } from '../host/shift/breaches-before-next-shift';
import { startHost } from '../host/start-host';

/**
 * The browser shell's entry: the host plus its local HTTP server, for a plain Chromium.
 * Prints the ready line with the address to open (its one-time launch code, never the access token) and stops on SIGTERM/SIGINT.
 */

const env = process.env;
const optionalNumber = (value: string | undefined) => (value === undefined || value === '' ? undefined : Number(value));

/** YIWANG_SHIFT_HANDOVERS="08:30,17:30": when shifts hand over, Beijing time; unset for the default. */
function handoverTimes(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const times = value.split(',').map((time) => time.trim());
  const wrong = times.find((time) => !HANDOVER_TIME.test(time));
  if (wrong !== undefined) throw new Error(`YIWANG_SHIFT_HANDOVERS: '${wrong}' is not a time HH:mm`);
  return times;
}

async function start() {
  const host = await startHost({
    dataDir: resolve(env.YIWANG_WORKSTATION_DIR ?? '.data/workstation'),
    serverUrl: env.YIWANG_SERVER_URL ?? 'http://127.0.0.1:7300',
    allowHttpServer: env.YIWANG_ALLOW_HTTP_SERVER === '1',
    pollMs: optionalNumber(env.YIWANG_POLL_MS),
    holdMs: optionalNumber(env.YIWANG_HOLD_MS),
    suggestionThreshold: optionalNumber(env.YIWANG_SUGGESTION_THRESHOLD),
    shiftHandovers: handoverTimes(env.YIWANG_SHIFT_HANDOVERS),
  });
  const shell = await startBrowserShell({ host, port: Number(env.YIWANG_SHELL_PORT ?? 7301) });
  return { host, shell };
}

const { host, shell } = await start().catch((error: unknown) => {
  // A foreign or corrupt cache, a taken port: say what and where in one line, no stack trace.
  console.error(`yiwang host: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
let closing = false;
async function shutdown(): Promise<void> {
  if (closing) return;
  closing = true;
  await shell.close();
  await host.close();
  process.exit(0);
}
// Before the ready line: a launcher may stop the host the moment it reads it, and the cache must close in order.
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
console.log(`${HOST_READY_PREFIX}${shell.url}`);
