import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CacheNotice } from '../../shared/api/workstation-api';
import { CACHE_FILE_NAME } from '../../electron/host/cache/workstation-cache';
import type { Db } from '../../server/db/open-database';
import {
  copyCache,
  deleteWalAndShm,
  overwriteIndexRoot,
  overwriteRandomPages,
  restoreCopy,
  truncateToHalf,
} from './cache-damage';
import { startHostProcess, type HostProcess } from './host-process';
import { value, waitFor } from './host-replies';
import { startNetworkLink } from './network-link';
import { seedBacklog } from './seed-backlog';
import type { ServerProcess } from './server-process';

/**
 * The chaos suite's scenarios (docs/reliability.md): a real workstation host makes decisions, is
 * stopped or SIGKILLed, its cache is damaged on disk, and a new host starts on what is left. Each
 * run says how many decisions the operator saw acknowledged, how many the server holds applied,
 * how many are lost, how many applied twice, and what the operator was told.
 */
export interface Scenario {
  name: string;
  /** Decisions acknowledged to the operator before the damage. */
  decisions: number;
  /** online: they reach the server as they are made; offline: they wait in the outbox. */
  online: boolean;
  /** How the deciding host ends. */
  end: 'stop' | 'kill';
  damage: (file: string, backup: string) => void;
  /** Keep the outbox log beside the cache (false: the log is lost too, so only the file speaks). */
  keepLog: boolean;
  /** A copy of the cache taken before the decisions, for the damage to put back. */
  backupFirst?: boolean;
}

export interface ChaosResult {
  scenario: string;
  acknowledged: number;
  stored: number;
  lost: number;
  doubled: number;
  /** Decisions made after the damage that the server refused (a reused sequence number). */
  refusedAfter: number;
  notice: CacheNotice | null;
}

/** Decisions made on the recovered cache, which must land like any other. */
const AFTER = 5;

export const SCENARIOS: readonly Omit<Scenario, 'decisions'>[] = [
  { name: 'SIGKILL, nothing else', online: false, end: 'kill', keepLog: true, damage: () => undefined },
  { name: 'file truncated to half', online: false, end: 'stop', keepLog: true, damage: truncateToHalf },
  {
    name: 'file truncated to half, outbox log lost too',
    online: false,
    end: 'stop',
    keepLog: false,
    damage: truncateToHalf,
  },
  {
    name: '8 random pages overwritten',
    online: false,
    end: 'stop',
    keepLog: true,
    damage: (file) => overwriteRandomPages(file, 8, 11),
  },
  {
    name: '8 random pages overwritten, outbox log lost too',
    online: false,
    end: 'stop',
    keepLog: false,
    damage: (file) => overwriteRandomPages(file, 8, 11),
  },
  {
    name: 'root page of the outbox seq index overwritten, outbox log lost too',
    online: false,
    end: 'stop',
    keepLog: false,
    damage: (file) => overwriteIndexRoot(file, 'sqlite_autoindex_outbox_2'),
  },
  {
    name: 'SIGKILL, file truncated, WAL beside it',
    online: false,
    end: 'kill',
    keepLog: true,
    damage: truncateToHalf,
  },
  {
    name: 'SIGKILL, file truncated, WAL beside it, outbox log lost too',
    online: false,
    end: 'kill',
    keepLog: false,
    damage: truncateToHalf,
  },
  { name: 'SIGKILL, then WAL and SHM deleted', online: false, end: 'kill', keepLog: true, damage: deleteWalAndShm },
  {
    name: 'cache replaced by an older copy (decisions since then sent)',
    online: true,
    end: 'stop',
    keepLog: true,
    backupFirst: true,
    damage: (file, backup) => restoreCopy(backup, file),
  },
  {
    name: 'cache and outbox log replaced by older copies (decisions since then sent)',
    online: true,
    end: 'stop',
    keepLog: true,
    backupFirst: true,
    damage: (file, backup) => {
      restoreCopy(backup, file);
      copyFileSync(`${backup}.outbox-log`, `${file}.outbox-log`);
    },
  },
];

export async function runScenario(server: ServerProcess, db: Db, scenario: Scenario): Promise<ChaosResult> {
  const requestIds = await seedBacklog(db, scenario.decisions + AFTER);
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-chaos-'));
  const file = join(dir, CACHE_FILE_NAME);
  const backup = join(mkdtempSync(join(tmpdir(), 'yiwang-chaos-backup-')), CACHE_FILE_NAME);
  // The workstation reaches the server through a cable the scenario can pull.
  const link = await startNetworkLink(server.url);
  const start = () => startHostProcess({ serverUrl: link.url, dataDir: dir, pollMs: 200, holdMs: 0 });

  let host = await start();
  try {
    await signInAndPull(host, requestIds);
    if (scenario.backupFirst) {
      // Copied as a backup tool would, while the host runs idle.
      copyCache(file, backup);
      copyFileSync(`${file}.outbox-log`, `${backup}.outbox-log`);
    }
    // As a day's work leaves it: what came before in the file, what follows in the write-ahead log.
    checkpoint(file);
    if (!scenario.online) link.cut();
    const acknowledged = await decide(host, requestIds.slice(0, scenario.decisions), scenario.name);
    if (scenario.online) await drained(host);
    if (scenario.end === 'kill') await host.kill();
    else await host.stop();
    if (scenario.backupFirst) link.cut();

    scenario.damage(file, backup);
    if (!scenario.keepLog) rmSync(`${file}.outbox-log`, { force: true });
    const afterIds = requestIds.slice(scenario.decisions);
    let after: string[];
    if (scenario.backupFirst) {
      // The restored copy holds the requests and the session: decisions made on it before it meets
      // the server take sequence numbers the server has seen, and must be renumbered to land.
      host = await start();
      after = await decide(host, afterIds, `${scenario.name} (after)`);
      link.restore();
    } else {
      link.restore();
      host = await start();
      // A rebuilt cache may have lost the session with the rest: the operator signs in again.
      if (!value(await host.call('session.get', {})).operator)
        value(await host.call('session.signIn', { name: 'op1', password: 'op1' }));
      await pulled(host, afterIds);
      after = await decide(host, afterIds, `${scenario.name} (after)`);
    }
    await drained(host);
    const { notice } = value(await host.call('sync.status', {}));
    return { scenario: scenario.name, ...(await count(db, acknowledged, after)), notice };
  } finally {
    await host.stop();
    await link.close();
    for (const path of [dir, backup]) if (existsSync(path)) rmSync(path, { recursive: true, force: true });
  }
}

function checkpoint(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

async function signInAndPull(host: HostProcess, requestIds: readonly string[]): Promise<void> {
  value(await host.call('session.signIn', { name: 'op1', password: 'op1' }));
  await pulled(host, requestIds);
}

async function pulled(host: HostProcess, requestIds: readonly string[]): Promise<void> {
  await waitFor('the backlog pulled', async () => {
    await host.call('sync.now', {});
    for (const id of requestIds) if (!value(await host.call('request.get', { id }))) return false;
    return true;
  });
}

/** One note per request, each with its own text; returns the ids of those acknowledged. */
async function decide(host: HostProcess, requestIds: readonly string[], label: string): Promise<string[]> {
  const acknowledged: string[] = [];
  for (const [i, requestId] of requestIds.entries()) {
    const reply = await host.call('request.decide', { requestId, action: { kind: 'note', text: `${label} #${i}` } });
    acknowledged.push(value(reply).decisionId);
  }
  return acknowledged;
}

async function drained(host: HostProcess): Promise<void> {
  await waitFor('the outbox emptied', async () => value(await host.call('sync.now', {})).outbox === 0, 30_000);
}

async function count(db: Db, acknowledged: readonly string[], after: readonly string[]) {
  const rows = await db
    .selectFrom('decisions')
    .select(['id', 'outcome', 'payload', 'request_id'])
    .where('id', 'in', [...acknowledged, ...after])
    .execute();
  const applied = new Set(rows.filter((r) => r.outcome === 'applied').map((r) => r.id));
  const stored = acknowledged.filter((id) => applied.has(id)).length;
  // A decision applied twice would be a second row with the same note on the same request.
  const notes = await db
    .selectFrom('decisions')
    .select(['request_id', 'payload'])
    .where('outcome', '=', 'applied')
    .where(
      'request_id',
      'in',
      rows.map((r) => r.request_id),
    )
    .execute();
  const seen = new Set<string>();
  let doubled = 0;
  for (const note of notes) {
    const key = `${note.request_id} ${note.payload}`;
    if (seen.has(key)) doubled += 1;
    seen.add(key);
  }
  return {
    acknowledged: acknowledged.length,
    stored,
    lost: acknowledged.length - stored,
    doubled,
    refusedAfter: after.filter((id) => !applied.has(id)).length,
  };
}
