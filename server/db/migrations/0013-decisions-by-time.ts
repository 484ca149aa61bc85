import type { Kysely } from 'kysely';

/** The work ledger picks a period's decisions by when they were made (server/reports/ledger-lines.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('decisions_made_at').on('decisions').column('made_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('decisions_made_at').execute();
}
