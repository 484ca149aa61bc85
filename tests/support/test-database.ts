import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The databases integration tests run against: always an embedded SQLite file, and PostgreSQL
 * too when YIWANG_TEST_DATABASE_URL names a server (e.g. postgres://postgres@127.0.0.1:5432/test).
 * Each test file gets a database of its own, created fresh and dropped afterwards, so runs
 * never collide. In CI PostgreSQL is required: a missing URL fails the run instead of skipping half of it.
 */
export interface TestBackend {
  name: 'sqlite' | 'postgres';
  create(): Promise<TestDatabase>;
}

export interface TestDatabase {
  /** For openDatabase() and the server's DATABASE_URL. */
  url: string;
  drop(): Promise<void>;
}

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'sqlite', create: createSqlite }];
  const pgUrl = process.env.YIWANG_TEST_DATABASE_URL;
  if (!pgUrl && process.env.CI === 'true') {
    throw new Error('CI=true but YIWANG_TEST_DATABASE_URL is unset: the server suite must run against PostgreSQL too');
  }
  if (pgUrl) backends.push({ name: 'postgres', create: () => createPostgres(pgUrl) });
  return backends;
}

async function createSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-db-'));
  return { url: `sqlite:${join(dir, 'yiwang.sqlite')}`, drop: async () => {} };
}

async function createPostgres(adminUrl: string): Promise<TestDatabase> {
  const name = `yiwang_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
