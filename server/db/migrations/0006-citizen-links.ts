import type { Kysely } from 'kysely';

/**
 * Channel identities an operator linked as one citizen (a Weibo uid and a WeChat OpenID): one row
 * per linked identity naming its person, and on each request the person's identities, so a pull
 * carries them to the workstations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('citizen_links')
    /** `${channel}:${channel id}`, as requests name their citizen. */
    .addColumn('citizen_id', 'text', (c) => c.primaryKey())
    /** Shared by every identity of one person; groups that get linked take one person id. */
    .addColumn('person_id', 'text', (c) => c.notNull())
    /** The link decision that last placed this identity. */
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('citizen_links_person').on('citizen_links').column('person_id').execute();
  /** JSON array of the person's identities, sorted; null while the citizen stands alone. */
  await db.schema.alterTable('requests').addColumn('citizen_identities', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('requests').dropColumn('citizen_identities').execute();
  await db.schema.dropTable('citizen_links').execute();
}
