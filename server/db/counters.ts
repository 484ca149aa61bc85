import { sql, type Kysely, type Transaction } from 'kysely';
import { compiledQuery } from './compiled-query';
import type { Database } from './schema';

/** The global change order every request write takes a number from; pull cursors follow it. */
export const CHANGE_SEQ = 'change_seq';
/** Bumped whenever units or categories change, so workstations re-pull the directory. */
export const DIRECTORY_VERSION = 'directory_version';

/**
 * Increments a named counter and returns its new value. Inside a transaction the counter row
 * stays locked until commit (PostgreSQL) or the whole database does (SQLite), so numbers are
 * handed out in commit order: a pull never sees change 11 before change 10 is visible.
 */
export async function nextValue(trx: Transaction<Database>, name: string): Promise<number> {
  return (await nextValues(trx, name, 1))[0]!;
}

/** Takes `count` consecutive numbers at once (a pushed batch), in one round trip; the same locking as nextValue. */
export async function nextValues(trx: Transaction<Database>, name: string, count: number): Promise<number[]> {
  const row = await increment(trx, name, count).executeTakeFirstOrThrow();
  const last = Number(row.value);
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

/** nextValue for a hot path: the same query, compiled once for `db`'s dialect (see compiledQuery). */
export function counterOf(db: Kysely<Database>): (trx: Transaction<Database>, name: string) => Promise<number> {
  const query = compiledQuery((args: { name: string; count: number }) => increment(db, args.name, args.count));
  return async (trx, name) => Number((await trx.executeQuery(query({ name, count: 1 }))).rows[0]!.value);
}

function increment(db: Kysely<Database>, name: string, count: number) {
  return db
    .insertInto('counters')
    .values({ name, value: count })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`counters.value + ${count}` }))
    .returning('value');
}

export async function currentValue(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst();
  return row ? Number(row.value) : 0;
}
