import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNIT_API } from '../../shared/units/protocol';
import { startServer, type ServerProcess } from '../support/server-process';

describe("the server's log while units poll", () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServer({ YIWANG_DEMO: '1' });
  });
  afterAll(() => server?.stop());

  it('keeps the open-list polls out and still logs the rest', async () => {
    const login = await fetch(`${server.url}${UNIT_API}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'gaj', password: 'gaj' }),
    });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    for (let i = 0; i < 5; i++) {
      const listed = await fetch(`${server.url}${UNIT_API}/requests?state=open`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(listed.status).toBe(200);
    }
    const missing = await fetch(`${server.url}${UNIT_API}/requests/nope`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(missing.status).toBe(404);
    // The log is written as the answers go out; the 404's line comes last.
    await expect.poll(() => server.output().includes(`${UNIT_API}/requests/nope`)).toBe(true);
    const lines = server.output().split('\n');
    expect(lines.filter((l) => l.includes(`${UNIT_API}/login`)).length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.includes(`${UNIT_API}/requests?state=open`))).toEqual([]);
  });
});
