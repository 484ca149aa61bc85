import type { Kysely } from 'kysely';

/**
 * Answers sent back to units (reject-answer, 答复不满意 / 未实质答复): the latest reason, which the unit sees,
 * and how often it happened on the request. Per unit, the reject-answer decisions name the unit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('requests').addColumn('answer_rejection', 'text').execute();
  await db.schema
    .alterTable('requests')
    .addColumn('answer_rejection_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['answer_rejection', 'answer_rejection_count'])
    await db.schema.alterTable('requests').dropColumn(column).execute();
}
