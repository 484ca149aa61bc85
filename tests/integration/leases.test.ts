import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseLease, takeLease } from '../../server/db/leases';
import { migrateToLatest } from '../../server/db/migrate';
import { openDatabase, type Db } from '../../server/db/open-database';
import { testBackends, type TestDatabase } from '../support/test-database';

// The leases background work is shared out by (retraining): one holder at a time, passed on when it runs out.
describe.each(testBackends())('leases on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  const NOW = Date.parse('2026-12-03T08:00:00.000Z');

  beforeAll(async () => {
    database = await backend.create();
    db = openDatabase(database.url);
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('gives a lease to one of two instances taking it at once', async () => {
    const taken = await Promise.all(['a', 'b', 'c'].map((holder) => takeLease(db, 'race', holder, 60_000, NOW)));
    expect(taken.filter(Boolean)).toHaveLength(1);
  });

  it('keeps it with its holder, who renews it, until it runs out; then another takes it', async () => {
    expect(await takeLease(db, 'train', 'a', 60_000, NOW)).toBe(true);
    expect(await takeLease(db, 'train', 'b', 60_000, NOW + 1_000)).toBe(false);
    expect(await takeLease(db, 'train', 'a', 60_000, NOW + 30_000)).toBe(true); // renewed to NOW + 90 s
    expect(await takeLease(db, 'train', 'b', 60_000, NOW + 70_000)).toBe(false);
    // a died: nobody renews, the lease runs out and passes on.
    expect(await takeLease(db, 'train', 'b', 60_000, NOW + 90_000)).toBe(true);
    expect(await takeLease(db, 'train', 'a', 60_000, NOW + 91_000)).toBe(false);
  });

  it('is free at once when its holder lets it go, and only its holder can', async () => {
    expect(await takeLease(db, 'done', 'a', 60_000, NOW)).toBe(true);
    await releaseLease(db, 'done', 'b');
    expect(await takeLease(db, 'done', 'b', 60_000, NOW)).toBe(false);
    await releaseLease(db, 'done', 'a');
    expect(await takeLease(db, 'done', 'b', 60_000, NOW)).toBe(true);
  });
});
