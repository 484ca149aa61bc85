import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserShell, type BrowserShell } from '../../electron/browser-shell/browser-shell';
import { startHost, type Host } from '../../electron/host/start-host';

let host: Host;
let shell: BrowserShell;
let base: string;

beforeAll(async () => {
  // No server: the shell must work offline all the same.
  host = await startHost({
    dataDir: mkdtempSync(join(tmpdir(), 'yiwang-shell-')),
    serverUrl: 'http://127.0.0.1:9',
    pollMs: 60_000,
  });
  shell = await startBrowserShell({ host, port: 0 });
  base = new URL(shell.url).origin;
});

afterAll(async () => {
  await shell?.close();
  await host?.close();
});

const call = (method: string, headers: Record<string, string>, body = '{}') =>
  fetch(`${base}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });

describe('browser shell', () => {
  it('puts a one-time launch code in the page address, never the access token', async () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#launch=[A-Za-z0-9_-]{32,}$/);
    expect(shell.url).not.toContain(shell.token);
    const code = new URLSearchParams(new URL(shell.url).hash.slice(1)).get('launch');
    const trade = (body: string, origin?: string) =>
      fetch(`${base}/api/launch`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
        body,
      });
    expect((await trade(JSON.stringify({ code: 'guess' }))).status).toBe(401);
    expect((await trade(JSON.stringify({ code }), 'http://evil.example')).status).toBe(403);
    const first = await trade(JSON.stringify({ code }));
    expect(await first.json()).toEqual({ ok: true, value: { token: shell.token } });
    // Spent: whoever read the address from a command line or a log afterwards gets nothing.
    const second = await trade(JSON.stringify({ code }));
    expect(second.status).toBe(401);
    expect(await second.json()).toMatchObject({ ok: false, error: { code: 'launch-spent' } });
  });

  it('answers API calls that carry the token', async () => {
    const response = await call('session.get', { Authorization: `Bearer ${shell.token}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      value: { operator: null, deviceId: expect.stringMatching(/^ws-/) },
    });
  });

  it('validates arguments and answers errors as values', async () => {
    const bad = await call('queue.list', { Authorization: `Bearer ${shell.token}` }, '{"view":"everything"}');
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    const unknown = await call('db.exec', { Authorization: `Bearer ${shell.token}` });
    expect(unknown.status).toBe(404);
  });

  it('refuses calls without the token, with a wrong one, or from another origin or host name', async () => {
    expect((await call('session.get', {})).status).toBe(401);
    expect((await call('session.get', { Authorization: 'Bearer nope' })).status).toBe(401);
    expect(
      (await call('session.get', { Authorization: `Bearer ${shell.token}`, Origin: 'http://evil.example' })).status,
    ).toBe(403);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    // A page on a rebound DNS name reaches the same port under another Host name.
    const rebound = await new Promise<number>((resolve, reject) => {
      const { port } = new URL(base);
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/call/session.get',
          method: 'POST',
          headers: {
            Host: `attacker.example:${port}`,
            Authorization: `Bearer ${shell.token}`,
            'Content-Type': 'application/json',
          },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(rebound).toBe(403);
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${base}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
  });

  it('streams host events over SSE, starting with the sync status', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events?token=${encodeURIComponent(shell.token)}`, {
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    const first = JSON.parse(text.slice(text.indexOf('data: ') + 6, text.indexOf('\n\n')));
    expect(first).toMatchObject({ type: 'sync-status', status: { signedIn: false, outbox: 0 } });
    controller.abort();
  });
});
