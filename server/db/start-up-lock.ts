import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './open-database';

/** Any fixed number: the advisory lock's name among the database's other users. */
const START_UP_LOCK = 7_300_017;

/**
 * Runs the start-up's writes (migrations, seeding the directory, the first admin) one instance at a
 * time: instances started together on one PostgreSQL would otherwise both find a table or the admin
 * missing and both create it. A session advisory lock, held on a connection of its own and let go when
 * that connection ends, so an instance killed half-way never leaves it held. SQLite serves one instance;
 * its writers queue on the file's lock anyway.
 */
export async function oneInstanceAtATime<T>(db: Db, run: () => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return run();
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${START_UP_LOCK})`.execute(connection);
    try {
      return await run();
    } finally {
      await sql`SELECT pg_advisory_unlock(${START_UP_LOCK})`.execute(connection);
    }
  });
}
