import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CHANNELS } from '../../server/channels/demo-accounts';
import { deliveryOf } from '../../simulator/citizen-message';
import { postDelivery } from '../../simulator/post-delivery';
import { newCitizen } from '../support/demo-channels';
import { startServer, type ServerProcess } from '../support/server-process';

/**
 * A full disk and a read-only database, staged for real on a small tmpfs of their own (which needs
 * the right to mount; without it these tests are skipped, and say so).
 */
function mount(dir: string, options: string): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0;
}
const probeDir = mkdtempSync(join(tmpdir(), 'yiwang-mount-probe-'));
const canMount = mount(probeDir, 'size=1m') && spawnSync('umount', [probeDir]).status === 0;

describe.skipIf(!canMount)('the server on a sick database', () => {
  let server: ServerProcess | null = null;
  let dir = '';

  afterEach(async () => {
    await server?.stop();
    server = null;
    spawnSync('umount', [dir]);
  });

  function smallDisk(): string {
    dir = mkdtempSync(join(tmpdir(), 'yiwang-small-disk-'));
    expect(mount(dir, 'size=48m')).toBe(true);
    return dir;
  }

  const deliver = (url: string, text: string) => {
    const delivery = deliveryOf(DEMO_CHANNELS, {
      channel: 'wechat',
      citizen: newCitizen('wechat'),
      kind: 'text',
      text,
      sentAt: new Date(),
    });
    return postDelivery(url, delivery.accountKey, delivery);
  };

  /** Fills the disk with one file; returns it, to be removed. */
  function fill(folder: string): string {
    const filler = join(folder, 'filler');
    const fd = openSync(filler, 'w');
    const chunk = Buffer.alloc(1024 * 1024);
    try {
      for (;;) writeSync(fd, chunk, 0, Math.max(1, Math.min(chunk.length, Number(statfsSync(folder).bavail) * 4096)));
    } catch {
      // ENOSPC: full.
    } finally {
      closeSync(fd);
    }
    return filler;
  }

  it('on a full disk answers deliveries 503 with Retry-After, logs "disk full", /healthz says so, and recovers', async () => {
    server = await startServer({ YIWANG_DEMO: '1' }, smallDisk());
    expect((await deliver(server.url, '路灯坏了')).status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    const filler = fill(dir);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('30');
    expect(await health.json()).toMatchObject({ ok: false, reason: 'disk-full' });
    const refused = await deliver(server.url, '井盖丢了'.repeat(200));
    expect(refused.status).toBe(503);
    expect(server.output()).toContain('database disk-full');
    expect(server.output()).not.toContain('cannot rollback');

    rmSync(filler);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await deliver(server.url, '井盖丢了')).status).toBe(200);
  });

  it('refuses to start on a read-only database, naming it, instead of printing READY', async () => {
    // Only the database on the read-only disk: the server's other files stay writable.
    const database = { YIWANG_DEMO: '1', DATABASE_URL: `sqlite:${join(smallDisk(), 'yiwang.sqlite')}` };
    const first = await startServer(database);
    await first.stop();
    expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
    const start = startServer(database);
    await expect(start).rejects.toThrow(/exited with 3[\s\S]*cannot start: the database is read-only/);
  });
});
