import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The answer library (server/library, docs/library.md): units' answers, operators' replies and imported
 * policy passages, each a row with its text's character pairs in `terms` (shared/library/library-terms.ts).
 * The full-text index over `terms` is each dialect's own, built the same way: SQLite an external-content
 * FTS5 table (unicode61 takes each spaced pair as a token) kept by triggers, PostgreSQL a generated
 * `simple` tsvector with a GIN index. `doc_id` is the index's integer row id; `change_seq` the order
 * workstations pull changes in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('library_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('doc_id', 'integer', (c) => c.notNull().unique())
    /** answer | reply | passage */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('question', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('request_number', 'text')
    .addColumn('category_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('document_id', 'text')
    .addColumn('title', 'text')
    .addColumn('issuer', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('promoted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('library_entries_change').on('library_entries').column('change_seq').execute();
  await db.schema
    .createIndex('library_entries_request')
    .on('library_entries')
    .columns(['request_id', 'kind'])
    .execute();

  await db.schema
    .createTable('policy_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    /** text | markdown | docx | pdf */
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('passages', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`ALTER TABLE library_entries ADD COLUMN terms_vector tsvector
      GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED`.execute(db);
    await sql`CREATE INDEX library_entries_terms ON library_entries USING gin (terms_vector)`.execute(db);
  } else {
    await sql`CREATE VIRTUAL TABLE library_fts USING fts5(terms, content = 'library_entries', content_rowid = 'doc_id', tokenize = 'unicode61')`.execute(
      db,
    );
    await sql`CREATE TRIGGER library_fts_insert AFTER INSERT ON library_entries BEGIN
      INSERT INTO library_fts (rowid, terms) VALUES (new.doc_id, new.terms); END`.execute(db);
    await sql`CREATE TRIGGER library_fts_update AFTER UPDATE OF terms ON library_entries BEGIN
      INSERT INTO library_fts (library_fts, rowid, terms) VALUES ('delete', old.doc_id, old.terms);
      INSERT INTO library_fts (rowid, terms) VALUES (new.doc_id, new.terms); END`.execute(db);
    await sql`CREATE TRIGGER library_fts_delete AFTER DELETE ON library_entries BEGIN
      INSERT INTO library_fts (library_fts, rowid, terms) VALUES ('delete', old.doc_id, old.terms); END`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) await sql`DROP TABLE library_fts`.execute(db);
  await db.schema.dropTable('policy_documents').execute();
  await db.schema.dropTable('library_entries').execute();
}
