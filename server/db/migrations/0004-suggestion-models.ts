import type { Kysely } from 'kysely';

/**
 * Suggestions: the text models trained from operators' decisions, one row per trained version of
 * each kind (category, unit, junk), and the keyword rules administrators edit for the cold start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('models')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('trained_at', 'text', (c) => c.notNull())
    .addColumn('examples', 'integer', (c) => c.notNull())
    // The serialised shared/text model, JSON: a few MB, so text rather than a dialect's blob type.
    .addColumn('blob', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('models_kind_version', ['kind', 'version'])
    .execute();

  await db.schema
    .createTable('keyword_rules')
    .addColumn('position', 'integer', (c) => c.primaryKey())
    /** JSON array of strings. */
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text')
    .addColumn('unit_id', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('keyword_rules').execute();
  await db.schema.dropTable('models').execute();
}
