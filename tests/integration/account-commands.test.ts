import { scryptSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PATHS } from '../../shared/sync/protocol';
import { jsonClient } from '../support/json-client';
import { runServerCli } from '../support/server-cli';
import { startServer, type ServerProcess } from '../support/server-process';

// Accounts are made and changed at the server's console (docs/security.md): passwords come on standard
// input and must pass the policy; a new password ends the account's sessions; old hashes are redone.

const PULL = { cursor: null, directoryVersion: 0, limit: 1 };
const STRONG = 'kettle-harbour-lantern-42';

describe('account commands', () => {
  let server: ServerProcess;
  let client: ReturnType<typeof jsonClient>;
  beforeAll(async () => {
    server = await startServer();
    client = jsonClient(server.url);
  });
  afterAll(() => server?.stop());

  const signIn = (name: string, password: string) =>
    client.post(SYNC_PATHS.login, { name, password, deviceId: `ws-${name}` });
  const sqlite = () => new BetterSqlite3(join(server.dataDir, 'yiwang.sqlite'));

  it('refuse a password given as an argument, where ps and the shell history would show it', async () => {
    const run = await runServerCli(server.dataDir, ['add-operator', 'li.na', STRONG, 'operator']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('standard input');
    expect((await signIn('li.na', STRONG)).status).toBe(401);
  });

  it('refuse a weak password, saying why', async () => {
    const run = await runServerCli(server.dataDir, ['add-operator', 'li.na'], 'li.na12345678\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('contains the account name');
    const short = await runServerCli(server.dataDir, ['add-unit-account', 'swj', 'city-water'], 'short\n');
    expect(short.stderr).toContain('shorter than 12 characters');
  });

  it('add an operator with a good password, and a new password ends their sessions', async () => {
    const added = await runServerCli(server.dataDir, ['add-operator', 'li.na', 'supervisor'], `${STRONG}\n`);
    expect(added.code).toBe(0);
    const token = ((await signIn('li.na', STRONG)).body as { token: string }).token;
    expect((await client.post(SYNC_PATHS.pull, PULL, token)).status).toBe(200);

    const changed = await runServerCli(
      server.dataDir,
      ['set-password', 'operator', 'li.na'],
      'new-moon-over-xiangjiang\n',
    );
    expect(changed.stdout).toContain('password changed, its sessions ended');
    expect((await client.post(SYNC_PATHS.pull, PULL, token)).status).toBe(401);
    expect((await signIn('li.na', STRONG)).status).toBe(401);
    expect((await signIn('li.na', 'new-moon-over-xiangjiang')).status).toBe(200);

    const db = sqlite();
    const actions = db
      .prepare("SELECT action, target FROM audit_log WHERE target = 'operator:li.na' ORDER BY id")
      .all() as { action: string }[];
    db.close();
    expect(actions.map((a) => a.action)).toEqual(['account-added', 'password-changed']);
  });

  it('redo a hash made at a lower cost when its owner signs in', async () => {
    // As an earlier release stored it: scrypt N=2^14, r=8, p=1.
    const salt = randomBytes(16);
    const old = [
      'scrypt',
      16_384,
      8,
      1,
      salt.toString('base64'),
      scryptSync(STRONG, salt, 32, { N: 16_384, r: 8, p: 1 }).toString('base64'),
    ].join('$');
    const db = sqlite();
    db.prepare("UPDATE operators SET password_hash = ? WHERE name = 'admin'").run(old);
    expect((await signIn('admin', 'admin')).status).toBe(401);
    expect((await signIn('admin', STRONG)).status).toBe(200);
    const { password_hash: now } = db.prepare("SELECT password_hash FROM operators WHERE name = 'admin'").get() as {
      password_hash: string;
    };
    db.close();
    expect(now).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect((await signIn('admin', STRONG)).status).toBe(200);
  });
});
