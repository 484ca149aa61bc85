import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MEDIA_PATH } from '../../shared/api/transport';
import type { ApiReply } from '../../shared/api/workstation-api';
import { mediaHashOf } from '../../shared/sync/media-address';
import { mediaCache } from '../../electron/host/media/media-cache';
import { startPlatforms, type PlatformServer } from '../../simulator/platforms/platform-server';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { citizenWrites } from '../support/citizen-writes';
import { DEMO_CHANNELS, newCitizen } from '../support/outbound-fixture';
import { startServer, type ServerProcess } from '../support/server-process';

// A citizen's picture on its way to the operator's screen: the simulated WeChat media API → the real
// server's media worker → the workstation host (a separate process), which serves it to the page.

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const ok = <T>(reply: ApiReply<T>): T => {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value;
};

/** Something hostile a citizen could send as a "picture", placed in the cache as if it had been fetched. */
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');

describe('attachments in the workstation', () => {
  let platforms: PlatformServer;
  let server: ServerProcess;
  let host: HostProcess;
  let hash: string;
  let expected: Buffer;
  const mediaId = `sim-media-${Date.now()}`;
  const cached = () => join(host.dataDir, 'media', hash);
  const get = (address: string, headers: Record<string, string> = {}) =>
    fetch(`${host.url}${MEDIA_PATH}${address}`, { headers });
  const withToken = (address: string) => get(`${address}?token=${encodeURIComponent(host.token)}`);

  beforeAll(async () => {
    platforms = await startPlatforms(DEMO_CHANNELS);
    server = await startServer({
      YIWANG_PLATFORM_URL: platforms.url,
      YIWANG_MEDIA_POLL_MS: '50',
      YIWANG_MEDIA_RETRY_BASE_MS: '50',
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-workstation-'));
    mkdirSync(join(dataDir, 'media'));
    writeFileSync(join(dataDir, 'media', sha256(SVG)), SVG);
    host = await startHostProcess({ serverUrl: server.url, dataDir, pollMs: 200, holdMs: 0 });
    ok(await host.call('session.signIn', { name: 'admin', password: 'admin' }));
    expected = platforms.mediaBytes(`wechat:${mediaId}`);
  });

  afterAll(async () => {
    await host?.stop();
    await server?.stop();
    await platforms?.close();
  });

  it('fetches a WeChat picture (after a failed try) and the host has it before anyone asks', async () => {
    platforms.failNextMedia('wechat', 1);
    const citizen = newCitizen('wechat');
    await citizenWrites(server.url, { channel: 'wechat', citizen, kind: 'image', text: '', mediaId });
    hash = await vi.waitFor(
      async () => {
        const request = ok(await host.call('queue.list', { view: 'queue' })).find(
          (r) => r.citizen.id === `wechat:${citizen}`,
        );
        const found = request?.attachments[0]?.kind === 'image' ? mediaHashOf(request.attachments[0].url) : null;
        if (!found) throw new Error('not fetched yet');
        return found;
      },
      { timeout: 20_000, interval: 100 },
    );
    expect(hash).toBe(sha256(expected));
    expect(platforms.calls.filter((c) => c.api === 'media' && c.text === mediaId).map((c) => c.answer)).toEqual([
      '500',
      '0',
    ]);
    // Prefetched for the queue: the file is in the cache without the page having asked.
    await vi.waitFor(() => expect(existsSync(cached())).toBe(true), { timeout: 10_000, interval: 100 });
    expect(readFileSync(cached())).toEqual(expected);
  });

  it('serves it to the page with its token: the right bytes as image/jpeg, never sniffed', async () => {
    const response = await withToken(hash);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(expected);
  });

  it('refuses a request without the token, with a wrong one, or from another origin', async () => {
    expect((await get(hash)).status).toBe(401);
    expect((await get(`${hash}?token=nope`)).status).toBe(401);
    expect((await get(hash, { Authorization: 'Bearer nope' })).status).toBe(401);
    expect(
      (await get(`${hash}?token=${encodeURIComponent(host.token)}`, { Origin: 'http://evil.example' })).status,
    ).toBe(403);
  });

  it('answers 404 for an address that is no sha256 or that the server does not have', async () => {
    expect((await withToken('..%2Fworkstation.sqlite')).status).toBe(404);
    expect((await withToken(hash.toUpperCase())).status).toBe(404);
    expect((await withToken(sha256(Buffer.from('never sent')))).status).toBe(404);
  });

  it('never hands out SVG or HTML as such: what is not an allowed picture or sound is a download', async () => {
    const response = await withToken(sha256(SVG));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="yiwang-[0-9a-f]{12}\.bin"$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets the page show pictures and play sound from its own /media/ only', async () => {
    const csp = (await fetch(`${host.url}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`img-src data: ${host.url}${MEDIA_PATH};`);
    expect(csp).toContain(`media-src ${host.url}${MEDIA_PATH};`);
    expect(csp).not.toMatch(/img-src[^;]*'self'/);
  });

  it('refuses a cache file whose bytes were changed, and fetches the real one again', async () => {
    writeFileSync(cached(), Buffer.concat([expected.subarray(0, 4), Buffer.from('tampered')]));
    const response = await withToken(hash);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(expected);
    expect(readFileSync(cached())).toEqual(expected);
  });

  it('offline, shows what it holds and says "not available offline" for the rest, tampered files included', async () => {
    await server.stop();
    expect(Buffer.from(await (await withToken(hash)).arrayBuffer())).toEqual(expected);

    const tampered = Buffer.concat([expected.subarray(0, 4), Buffer.from('tampered')]);
    writeFileSync(cached(), tampered);
    const refused = await withToken(hash);
    expect(refused.status).toBe(503);
    expect(await refused.text()).toBe('not available offline');
    expect(existsSync(cached())).toBe(false);

    expect((await withToken(sha256(Buffer.from('never cached')))).status).toBe(503);
  });
});

describe('the workstation media cache', () => {
  const file = (fill: number) => Buffer.alloc(400, fill);

  it('keeps at most its limit, dropping the file used longest ago', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yiwang-media-cache-'));
    const cache = mediaCache(dir, 1000);
    const [a, b, c] = [file(1), file(2), file(3)];
    await cache.put(sha256(a), a);
    await new Promise((r) => setTimeout(r, 5));
    await cache.put(sha256(b), b);
    await new Promise((r) => setTimeout(r, 5));
    // Using a makes b the oldest.
    expect(await cache.get(sha256(a))).toEqual(a);
    await cache.put(sha256(c), c);
    expect([cache.has(sha256(a)), cache.has(sha256(b)), cache.has(sha256(c))]).toEqual([true, false, true]);
    expect(existsSync(join(dir, sha256(b)))).toBe(false);
    expect(cache.size()).toBe(800);
    // A restart reads what is held, and its last use, from the folder.
    const again = mediaCache(dir, 1000);
    expect(again.size()).toBe(800);
  });

  it('takes no bytes under an address they do not hash to', async () => {
    const cache = mediaCache(mkdtempSync(join(tmpdir(), 'yiwang-media-cache-')), 1000);
    await expect(cache.put(sha256(file(1)), file(2))).rejects.toThrow(/do not match/);
  });
});
