import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from './open-database';

/** This process among the server's instances, as lease holders are named in the database and the log. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * Leases on background work, for many server instances on one database: one instance at a time holds
 * a named lease until it ends, and when that instance dies the lease runs out and another takes it.
 * One conditional upsert, the same on SQLite and PostgreSQL (SQLite has no SKIP LOCKED or advisory
 * locks): the row's own lock decides between two instances taking it at once.
 */
export async function takeLease(db: Db, name: string, holder: string, ms: number, now = Date.now()): Promise<boolean> {
  const at = new Date(now).toISOString();
  const until = new Date(now + ms).toISOString();
  const taken = await db
    .insertInto('leases')
    .values({ name, holder, until })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, until })
        .where((eb) => eb.or([eb('leases.until', '<=', at), eb('leases.holder', '=', holder)])),
    )
    .returning('holder')
    .executeTakeFirst();
  return taken !== undefined;
}

/** Ends the lease early when its holder is done, so the next instance need not wait for it to run out. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
}
