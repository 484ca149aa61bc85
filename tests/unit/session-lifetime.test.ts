import { describe, expect, it } from 'vitest';
import { dueForRenewal, sessionAlive } from '../../server/auth/sessions';

/** Sessions expire when idle and at a fixed age, and are renewed while used (server/auth/sessions.ts). */
describe('session lifetime', () => {
  const lifetime = { idleMs: 30 * 60_000, maxMs: 24 * 3_600_000 };
  const signIn = Date.UTC(2026, 11, 3, 8, 0);
  const at = (minutes: number) => signIn + minutes * 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  it('lives while used, and dies when idle too long', () => {
    const fresh = { created_at: iso(signIn), last_used_at: null };
    expect(sessionAlive(fresh, lifetime, at(30))).toBe(true);
    expect(sessionAlive(fresh, lifetime, at(31))).toBe(false);
    const used = { created_at: iso(signIn), last_used_at: iso(at(25)) };
    expect(sessionAlive(used, lifetime, at(50))).toBe(true);
    expect(sessionAlive(used, lifetime, at(56))).toBe(false);
  });

  it('dies at its maximum age however busy', () => {
    const busy = { created_at: iso(signIn), last_used_at: iso(at(24 * 60)) };
    expect(sessionAlive(busy, lifetime, at(24 * 60))).toBe(true);
    expect(sessionAlive(busy, lifetime, at(24 * 60 + 1))).toBe(false);
  });

  it('is written again at most once a minute', () => {
    const row = { created_at: iso(signIn), last_used_at: iso(at(10)) };
    expect(dueForRenewal(row, at(10.5))).toBe(false);
    expect(dueForRenewal(row, at(11))).toBe(true);
  });
});
