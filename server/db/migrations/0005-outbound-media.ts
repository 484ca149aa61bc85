import type { Kysely } from 'kysely';

/**
 * Outbound replies and fetched media: the durable send queue (one row per reply decision, so a
 * reply is never queued or sent twice), the WeChat access tokens held centrally per AppID, the
 * media fetch jobs, and on requests the reply window's facts, the latest reply's fate and why
 * intake took a request for junk.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['contact', 'reply_delivery', 'junk_reason'])
    await db.schema.alterTable('requests').addColumn(column, 'text').execute();

  await db.schema
    .createTable('outbound_replies')
    .addColumn('decision_id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    /** The citizen's id on the channel (OpenID, uid, Alipay user id): whom the reply goes to. */
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** queued | sending | sent | failed | not-allowed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outbound_replies_due')
    .on('outbound_replies')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('access_tokens')
    /** channel:appId — one holder per AppID, since fetching a new token invalidates the old one. */
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('media_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('media_id', 'text', (c) => c.notNull())
    /** pending | fetched | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    /** sha256 of the content, its file name under dataDir/media. */
    .addColumn('hash', 'text')
    .addColumn('content_type', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('media_jobs_due').on('media_jobs').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('media_jobs_hash').on('media_jobs').column('hash').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('media_jobs').execute();
  await db.schema.dropTable('access_tokens').execute();
  await db.schema.dropTable('outbound_replies').execute();
  for (const column of ['junk_reason', 'reply_delivery', 'contact'])
    await db.schema.alterTable('requests').dropColumn(column).execute();
}
