import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Secure by default (docs/security.md): signed-query nonces seen within the timestamp window,
 * sessions that expire when idle, accounts that can be disabled, and the audit log, which the
 * database itself keeps append-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_nonces')
    /** channel:accountKey */
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'text', (c) => c.notNull())
    /** sha256 of the body the signed query first came with: the same body again is the platform's retry. */
    .addColumn('body_sha256', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_nonces_once', ['scope', 'nonce', 'timestamp'])
    .execute();
  await db.schema.createIndex('webhook_nonces_seen').on('webhook_nonces').column('seen_at').execute();

  for (const table of ['sessions', 'unit_sessions'])
    await db.schema.alterTable(table).addColumn('last_used_at', 'text').execute();
  for (const table of ['operators', 'unit_accounts'])
    await db.schema.alterTable(table).addColumn('disabled_at', 'text').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    /** operator | unit | system | anonymous (a failed sign-in) */
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    /** JSON object: what changed, in numbers and names, never a password. */
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  } else {
    for (const event of ['UPDATE', 'DELETE'])
      await sql
        .raw(
          `CREATE TRIGGER audit_log_no_${event.toLowerCase()} BEFORE ${event} ON audit_log
           BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
        )
        .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`DROP FUNCTION audit_log_append_only()`.execute(db);
  for (const table of ['operators', 'unit_accounts'])
    await db.schema.alterTable(table).dropColumn('disabled_at').execute();
  for (const table of ['sessions', 'unit_sessions'])
    await db.schema.alterTable(table).dropColumn('last_used_at').execute();
  await db.schema.dropTable('webhook_nonces').execute();
}
