import type { Kysely } from 'kysely';

/**
 * Past requests an administrator imported (import-history) so the suggestion models start from the
 * centre's history: their text with the category and unit they were given. One row per text (its hash),
 * so importing a file again, or a second file naming the same message, adds labels instead of copies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imported_history')
    .addColumn('text_hash', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('received_at', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('imported_history').execute();
}
