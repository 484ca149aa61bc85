import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { sqliteFileOf } from './open-database';

/**
 * Backups of the server's database (docs/deploy.md). SQLite is copied with its online backup API,
 * page by page while the server keeps writing, into one consistent file. PostgreSQL is dumped by
 * pg_dump in its custom format (one snapshot, whatever runs meanwhile) and read back by pg_restore:
 * the same client tools an operator would use by hand, so a backup is never in a format only Yiwang reads.
 * A restore goes only into an empty database, never over a live archive.
 */

/** Something the operator must fix before a backup or restore can run: said on stderr, exit code 2. */
export class BackupError extends Error {}

export async function backupDatabase(databaseUrl: string, file: string): Promise<void> {
  const sqliteFile = sqliteFileOf(databaseUrl);
  if (sqliteFile === null) return run('pg_dump', ['--format=custom', '--no-owner', '--file', file, databaseUrl]);
  if (!existsSync(sqliteFile)) throw new BackupError(`no database at ${sqliteFile}`);
  const source = new BetterSqlite3(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(file);
  } finally {
    source.close();
  }
}

export async function restoreDatabase(databaseUrl: string, file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`no backup file ${file}`);
  const sqliteFile = sqliteFileOf(databaseUrl);
  if (sqliteFile === null) {
    if (!(await postgresEmpty(databaseUrl)))
      throw new BackupError('the database already has tables: restore into a new, empty database');
    return run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', '--dbname', databaseUrl, file]);
  }
  if (existsSync(sqliteFile) && statSync(sqliteFile).size > 0)
    throw new BackupError(`${sqliteFile} exists: restore into a new, empty data folder`);
  // Through the backup API rather than a file copy: the result is checked as a database on the way.
  const backup = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(sqliteFile);
  } finally {
    backup.close();
  }
}

async function postgresEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()',
    );
    return Number(rows[0]?.n ?? 0) === 0;
  } finally {
    await client.end();
  }
}

/** Runs one of PostgreSQL's client tools; its own words on failure (a version mismatch, a refused login). */
function run(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (err) =>
      reject(new BackupError(`${tool} did not run (${err.message}): install PostgreSQL's client tools`)),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
