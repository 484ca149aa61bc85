import type { Kysely } from 'kysely';

/**
 * Many server instances on one database (docs/deploy.md): leases that let one instance at a time do a
 * piece of background work and pass on when it dies, and failed sign-ins counted where every instance sees them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('leases')
    /** What the lease is for: 'retrain', … */
    .addColumn('name', 'text', (c) => c.primaryKey())
    /** The instance holding it (host, process, start). */
    .addColumn('holder', 'text', (c) => c.notNull())
    /** ISO instant it ends unless renewed; after it any instance may take it. */
    .addColumn('until', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_failures')
    /** operator|unit:account:<name> or operator|unit:address:<ip> */
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key_at').on('login_failures').columns(['key', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_failures').execute();
  await db.schema.dropTable('leases').execute();
}
