import { sql, type Kysely } from 'kysely';

/**
 * The units' side: the three clocks and the timeline on requests, unit accounts and their sessions,
 * administrators' holiday schedules, and decisions that units (not only operators) make.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one column at a time.
  const nullableText = [
    'acknowledge_due_at',
    'answer_due_at',
    'unit_due_at',
    'first_response_at',
    'answered_at',
    'transferred_at',
    'unit_answered_at',
    'closed_at',
    'last_return_reason',
    'unit_answer',
    'unit_progress',
    'extension_request',
    'last_reminder',
  ];
  for (const column of nullableText) await db.schema.alterTable('requests').addColumn(column, 'text').execute();
  for (const column of ['extension_working_days', 'return_count', 'flagged', 'reminder_count']) {
    await db.schema
      .alterTable('requests')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }
  // The supervisors' lists look for open requests past a due time.
  await db.schema.createIndex('requests_unit_due').on('requests').columns(['status', 'unit_due_at']).execute();

  await db.schema
    .createTable('unit_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('unit_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('unit_account_id', 'text', (c) => c.notNull().references('unit_accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('holiday_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('holidays', 'text', (c) => c.notNull())
    .addColumn('workdays', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addColumn('loaded_by', 'text', (c) => c.notNull())
    .execute();

  // Decisions now come from unit accounts too, so operator_id can no longer reference operators: the table
  // is rebuilt without that foreign key (SQLite cannot drop one) and says which kind of actor decided.
  await db.schema
    .createTable('decisions_v2')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull().defaultTo('operator'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rejection', 'text')
    .addUniqueConstraint('decisions_device_sequence', ['device_id', 'seq'])
    .execute();
  await sql`INSERT INTO decisions_v2 (id, device_id, seq, request_id, operator_id, kind, payload, base_version, made_at, applied_at, outcome, rejection)
    SELECT id, device_id, seq, request_id, operator_id, kind, payload, base_version, made_at, applied_at, outcome, rejection FROM decisions`.execute(
    db,
  );
  await db.schema.dropTable('decisions').execute();
  await db.schema.alterTable('decisions_v2').renameTo('decisions').execute();
  await db.schema.createIndex('decisions_request').on('decisions').column('request_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('0002-unit-work cannot be undone: restore a backup instead');
}
