import { sql, type Kysely, type Transaction } from 'kysely';
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
  const row = await trx
    .insertInto('counters')
    .values({ name, value: count })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`counters.value + ${count}` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  const last = Number(row.value);
  return Array.from({ length: count }, (_, i) => last - count + 1 + i);
}

export async function currentValue(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst();
  return row ? Number(row.value) : 0;
}
