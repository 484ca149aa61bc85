import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HOST_READY_PREFIX } from '../electron/browser-shell/browser-shell';
import { READY_PREFIX as SERVER_READY_PREFIX } from '../server/config';
import { electronBinary } from './lib/electron-binary';
import { electronSqliteBinding } from './lib/electron-native';
import { SHELL_HOST_BUNDLE } from './lib/shell-host';
import { PLATFORMS_READY_PREFIX } from '../simulator/platforms/platform-server';
import { spawnLogged, startReadyProcess, stopProcess } from './lib/ready-process';

/**
 * `npm start [-- --demo]`: the central server, then the workstation (Electron where its binary
 * exists, else the browser shell opened in Chromium), and with --demo the simulator feeding the
 * server WeChat traffic and the units answering what is transferred to them. Logs go to .data/logs;
 * Ctrl+C stops everything.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DATA = join(ROOT, '.data');
const LOGS = join(DATA, 'logs');
const SHARED_DATA = resolve(ROOT, '../shared/data');
const SHARED_CORPUS = join(SHARED_DATA, 'messages-unlabeled.csv');
// Enough to fill the queue at once, then a steady trickle a little slower than one operator's pace.
const DEMO_TRAFFIC = ['--burst', '20', '--rate', '6/min', '--forever'];

const { values: flags } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
process.chdir(ROOT);
mkdirSync(LOGS, { recursive: true });

const children: ChildProcess[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    // Reverse order: the workstation and simulator go before the server they talk to.
    for (const child of [...children].reverse()) await stopProcess(child);
  }
  process.exit(code);
}

function onSignal(): void {
  if (!stopping) console.log('\nstopping…');
  void stopAll(0);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

/** A process that should run until Ctrl+C; if it dies on its own, say where its log is and stop. */
function watch(name: string, child: ChildProcess, logFile: string | null): void {
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    if (logFile) {
      const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
      console.error(`\n${name} stopped (${signal ?? code}); the end of ${logFile}:\n${tail}\n`);
    } else {
      console.log(`\n${name} closed.`);
    }
    void stopAll(code === 0 || signal ? 0 : 1);
  });
}

function tsxArgs(script: string, ...args: string[]): string[] {
  return ['--import', 'tsx', script, ...args];
}

function onPath(names: string[]): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * The demo's WeChat, Weibo and Alipay APIs, on a free local port: the server sends its replies and
 * fetches media there, so a reply shows 已发送 instead of failing to reach the real platforms.
 */
async function startDemoPlatforms(): Promise<string> {
  const log = join(LOGS, 'platforms.log');
  const platforms = await startReadyProcess({
    name: 'the simulated platforms',
    command: process.execPath,
    args: tsxArgs('simulator/platforms/main.ts', '--port', '0'),
    env: process.env,
    readyPrefix: PLATFORMS_READY_PREFIX,
    logFile: log,
  });
  watch('The simulated platforms', platforms.child, log);
  return platforms.url;
}

async function main(): Promise<void> {
  const platformUrl = flags.demo ? await startDemoPlatforms() : null;
  const serverLog = join(LOGS, 'server.log');
  const server = await startReadyProcess({
    name: 'the central server',
    command: process.execPath,
    args: tsxArgs('server/main.ts'),
    env: {
      ...process.env,
      YIWANG_DATA_DIR: process.env.YIWANG_DATA_DIR ?? join(DATA, 'server'),
      ...(platformUrl
        ? { YIWANG_DEMO: '1', YIWANG_PLATFORM_URL: platformUrl, YIWANG_WARM_START_DIR: SHARED_DATA }
        : {}),
    },
    readyPrefix: SERVER_READY_PREFIX,
    logFile: serverLog,
    // The demo's first start imports the board's history and trains on it before it is ready.
    timeoutMs: platformUrl ? 180_000 : undefined,
  });
  watch('The central server', server.child, serverLog);

  const lines = [`  central server   ${server.url}`];
  if (platformUrl)
    lines.push(`  platforms        ${platformUrl} (simulated WeChat, Weibo and Alipay APIs: replies and media)`);
  const electron = electronBinary();
  if (electron) {
    // Electron reads package.json's "main" (out/electron/main.cjs) when given the project folder.
    const env = { ...process.env, YIWANG_SERVER_URL: server.url, YIWANG_SQLITE_BINDING: electronSqliteBinding() };
    const child = spawn(electron, ['.'], { env, stdio: 'inherit' });
    watch('The workstation window', child, null);
    lines.push('  workstation      Electron window');
  } else {
    const hostLog = join(LOGS, 'workstation.log');
    const host = await startReadyProcess({
      name: 'the workstation host',
      command: process.execPath,
      // `npm start` has just built it: the bundled host starts as the packaged app's does, without compiling TypeScript.
      args: [SHELL_HOST_BUNDLE],
      env: { ...process.env, YIWANG_SERVER_URL: server.url, YIWANG_WORKSTATION_DIR: join(DATA, 'workstation') },
      readyPrefix: HOST_READY_PREFIX,
      logFile: hostLog,
    });
    watch('The workstation host', host.child, hostLog);
    const chromium = onPath(['chromium', 'chromium-browser']);
    if ((process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && chromium) {
      openAppWindow(chromium, host.url);
      lines.push(`  workstation      ${new URL(host.url).origin} (opened in a Chromium app window)`);
    } else {
      // The address holds a one-time launch code: it opens the workstation once, in one browser tab.
      lines.push(`  workstation      ${host.url}`);
      lines.push('                   (no display or no Chromium here: open this address once in a browser)');
    }
  }

  if (flags.demo) {
    const corpus = existsSync(SHARED_CORPUS) ? ['--from-csv', SHARED_CORPUS] : [];
    const simulatorLog = join(LOGS, 'simulator.log');
    // A restarted demo goes on through the corpus: what the server already has is not delivered again.
    const resume = ['--resume', join(DATA, 'simulator-position')];
    const args = tsxArgs(
      'simulator/cli.ts',
      '--server',
      server.url,
      '--account',
      'demo',
      ...DEMO_TRAFFIC,
      ...corpus,
      ...resume,
    );
    const child = spawnLogged(process.execPath, args, process.env, simulatorLog);
    watch('The simulator', child, simulatorLog);
    lines.push(
      `  simulator        Weibo, WeChat and Alipay messages (mostly Weibo) from ${corpus.length ? SHARED_CORPUS : 'the built-in corpus'}`,
    );
    // The demo unit accounts (YIWANG_DEMO=1) answer, explain progress, ask for time or return requests.
    const unitsLog = join(LOGS, 'units.log');
    const units = spawnLogged(
      process.execPath,
      tsxArgs('simulator/units-player.ts', '--server', server.url),
      process.env,
      unitsLog,
    );
    watch('The units player', units, unitsLog);
    lines.push('  units            demo unit accounts answering transfers within minutes (simulator/units-player.ts)');
  }

  console.log(
    [
      '',
      '一网受理工作台 is running',
      ...lines,
      `  sign in as       ${adminSignIn(serverLog)}`,
      ...(flags.demo
        ? [
            '',
            'DEMO MODE: public demo channel accounts and guessable staff passwords — keep this server to this machine.',
          ]
        : []),
      `  logs             ${LOGS}`,
      '',
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
}

/** How to sign in as admin: the password set, the demo's, or the one the server made at its first start (it prints it once). */
function adminSignIn(serverLog: string): string {
  if (process.env.YIWANG_ADMIN_PASSWORD)
    return "admin / $YIWANG_ADMIN_PASSWORD   (the password is set when the server's data is first created)";
  const made = /created operator admin with the password (\S+)/.exec(readFileSync(serverLog, 'utf8'));
  if (made) return `admin / ${made[1]}   (made at this first start and shown only now: note it)`;
  if (flags.demo) return "admin / admin   (the demo's; set when the server's data is first created)";
  return "admin / the password shown when the server's data was first created";
}

/** A separate Chromium profile makes it a window of its own, not a tab in the person's browser. */
function openAppWindow(chromium: string, url: string): void {
  const args = [
    `--app=${url}`,
    `--user-data-dir=${join(DATA, 'chromium-profile')}`,
    '--no-first-run',
    '--no-default-browser-check',
  ];
  // Chromium refuses to run as root with its sandbox on (containers, CI machines).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(chromium, args, { stdio: 'ignore' });
  // Stopped with the rest, but closing the window stops nothing: the address still works.
  children.push(child);
  child.on('error', () => console.error(`could not open ${chromium}; open ${url} in a browser`));
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  void stopAll(1);
});
