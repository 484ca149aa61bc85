import type { Kysely } from 'kysely';

/**
 * The centre's reply templates (docs/templates.md), every saved version kept: the highest is in force and
 * is what workstations pull; the older ones say what was sent when, and who changed it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reply_template_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    /** JSON: the whole list in the centre's order (shared/replies/reply-templates.ts TemplateList). */
    .addColumn('templates', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    /** The admin's operator id; null for the defaults a new server starts with. */
    .addColumn('saved_by', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reply_template_versions').execute();
}
