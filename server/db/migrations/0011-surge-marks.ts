import type { Kysely } from 'kysely';

/**
 * Surges a supervisor marked handled (docs/reports.md): the radar watches them in the following periods
 * and the report says whether each came back (复发) or not (不再复发).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('surge_marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** category | cluster */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The surge's key in the period it was found in (category:<id>, cluster:<hash>). */
    .addColumn('surge_key', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text')
    /** The category's name, or the cluster's representative message, masked. */
    .addColumn('label', 'text', (c) => c.notNull())
    /** A cluster's representative message as written (unmasked), to recognise the cluster when it returns. */
    .addColumn('sample_text', 'text')
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('handled_by', 'text', (c) => c.notNull())
    .addColumn('handled_by_name', 'text', (c) => c.notNull())
    .addColumn('handled_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('surge_marks_handled').on('surge_marks').column('handled_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('surge_marks').execute();
}
