import type { Kysely } from 'kysely';

/**
 * Closing the loop (docs/numbers.md, docs/deadlines.md): the rating on requests and a supervisor's refusal of
 * an extension, the satisfaction questions waiting for the citizen's answer, the escalation ladder's rungs
 * (one row per rung per transfer, which keeps the ladder's worker from acting twice), and an index on arrival
 * time for the summary's periods.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // satisfied | basically-satisfied | dissatisfied; channel | phone.
  for (const column of ['rating_score', 'rating_via', 'rating_note', 'rated_at', 'extension_refusal'])
    await db.schema.alterTable('requests').addColumn(column, 'text').execute();
  await db.schema.createIndex('requests_received').on('requests').column('received_at').execute();

  await db.schema
    .createTable('satisfaction_surveys')
    /** The close decision that asked: a request closed again after reopening is asked again. */
    .addColumn('close_decision_id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('citizen_id', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    /** When the citizen's answer was matched; null while the question waits. */
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createIndex('satisfaction_surveys_citizen')
    .on('satisfaction_surveys')
    .columns(['citizen_id', 'account', 'channel', 'asked_at'])
    .execute();

  await db.schema
    .createTable('ladder_steps')
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    /** remind | escalate */
    .addColumn('rung', 'text', (c) => c.notNull())
    /** The transfer this rung belongs to: a request transferred again climbs the ladder afresh. */
    .addColumn('transferred_at', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ladder_steps_once', ['request_id', 'rung', 'transferred_at'])
    .execute();
  await db.schema.createIndex('ladder_steps_unit').on('ladder_steps').columns(['unit_id', 'rung']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ladder_steps').execute();
  await db.schema.dropTable('satisfaction_surveys').execute();
  await db.schema.dropIndex('requests_received').execute();
  for (const column of ['rating_score', 'rating_via', 'rating_note', 'rated_at', 'extension_refusal'])
    await db.schema.alterTable('requests').dropColumn(column).execute();
}
