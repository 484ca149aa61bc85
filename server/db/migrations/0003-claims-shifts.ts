import type { Kysely } from 'kysely';

/**
 * Offline sync at scale: the version each applied decision produced (so a late decision can be
 * judged against exactly the decisions it did not see), claims (short leases on requests) and
 * shifts with their handover notes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('decisions').addColumn('applied_version', 'integer').execute();
  // A late decision looks for what others applied on its request after the version it saw.
  await db.schema
    .createIndex('decisions_request_version')
    .on('decisions')
    .columns(['request_id', 'applied_version'])
    .execute();

  await db.schema
    .createTable('claims')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('operator_name', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claims_until').on('claims').column('until').execute();

  await db.schema
    .createTable('shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operator_id', 'text', (c) => c.notNull().references('operators.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('handover_note', 'text')
    .execute();
  await db.schema.createIndex('shifts_ended').on('shifts').column('ended_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shifts').execute();
  await db.schema.dropTable('claims').execute();
  await db.schema.dropIndex('decisions_request_version').execute();
  await db.schema.alterTable('decisions').dropColumn('applied_version').execute();
}
