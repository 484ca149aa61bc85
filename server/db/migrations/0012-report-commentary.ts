import type { Kysely } from 'kysely';

/** The operator's commentary on a period's report, written before export: one per period, its author and time. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_commentaries')
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_commentaries_period', ['period_kind', 'period_from'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_commentaries').execute();
}
