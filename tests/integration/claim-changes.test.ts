import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkstationCache } from '../../electron/host/cache/workstation-cache';
import type { Claim } from '../../shared/sync/protocol';

const A = '01JD00000000000000000000A1';
const B = '01JD00000000000000000000B1';
const OP1 = '01JD0000000000000000000001';
const OP2 = '01JD0000000000000000000002';

function lease(requestId: string, operatorId: string, minutes = 2): Claim {
  return {
    requestId,
    operatorId,
    operatorName: operatorId === OP1 ? '受理员一' : '受理员二',
    deviceId: 'ws',
    until: new Date(Date.now() + minutes * 60_000).toISOString(),
  };
}

// Each pull replaces the claims in force; the queue rows whose holder changed must be told.
describe('claims brought by a pull', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function cache() {
    const dir = mkdtempSync(join(tmpdir(), 'yiwang-claims-'));
    dirs.push(dir);
    return openWorkstationCache(dir, 'http://127.0.0.1:9');
  }

  it('reports the requests taken, handed to someone else and released, but not a renewed lease', () => {
    const c = cache();
    try {
      expect(c.claims.replace([lease(A, OP1)]).sort()).toEqual([A]);
      // Renewed by the same operator: nothing to show.
      expect(c.claims.replace([lease(A, OP1, 3)])).toEqual([]);
      // A passes to another operator, B is taken.
      expect(c.claims.replace([lease(A, OP2), lease(B, OP1)]).sort()).toEqual([A, B].sort());
      // Both released (or expired on the server).
      expect(c.claims.replace([]).sort()).toEqual([A, B].sort());
      expect(c.claims.on(A)).toBeNull();
    } finally {
      c.db.close();
    }
  });
});
