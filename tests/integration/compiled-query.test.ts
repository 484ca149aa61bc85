import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledQuery } from '../../server/db/compiled-query';
import { counterOf } from '../../server/db/counters';
import { migrateToLatest } from '../../server/db/migrate';
import { openDatabase, type Db } from '../../server/db/open-database';
import type { CountersTable } from '../../server/db/schema';
import { testBackends, type TestDatabase } from '../support/test-database';

describe.each(testBackends())('compiled queries on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await backend.create();
    db = openDatabase(database.url);
    await migrateToLatest(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const valueOf = async (name: string) => {
    const query = compiledQuery((key: { name: string }) =>
      db.selectFrom('counters').select('value').where('name', '=', key.name),
    );
    return (await db.executeQuery(query({ name }))).rows.map((row) => Number(row.value));
  };

  it('runs one compiled statement with each run’s own values', async () => {
    const insert = compiledQuery((row: Insertable<CountersTable>) => db.insertInto('counters').values(row));
    const first = insert({ name: 'compiled:a', value: 1 });
    const second = insert({ name: 'compiled:b', value: 2 });
    expect(second.sql).toBe(first.sql);
    await db.executeQuery(first);
    await db.executeQuery(second);
    expect(await valueOf('compiled:a')).toEqual([1]);
    expect(await valueOf('compiled:b')).toEqual([2]);
  });

  it('leaves out an undefined value, as Kysely does, so the column takes its default', async () => {
    const insert = compiledQuery((row: Insertable<CountersTable>) => db.insertInto('counters').values(row));
    await db.executeQuery(insert({ name: 'compiled:default', value: undefined }));
    expect(await valueOf('compiled:default')).toEqual([0]);
  });

  it('binds a value the query uses twice in both places: the compiled counter counts on', async () => {
    const next = counterOf(db);
    const taken = await db
      .transaction()
      .execute(async (trx) => [
        await next(trx, 'compiled:seq'),
        await next(trx, 'compiled:seq'),
        await next(trx, 'compiled:other'),
      ]);
    expect(taken).toEqual([1, 2, 1]);
  });
});
