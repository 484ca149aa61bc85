import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { MessagesTable } from '../../server/db/schema';
import type { Channel } from '../../shared/model';
import { startServer, type ServerProcess } from './server-process';

export type MessageRow = Selectable<MessagesTable>;

export interface WebhookPost {
  query?: Record<string, string> | URLSearchParams;
  body: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
}

export interface WebhookAnswer {
  status: number;
  type: string | null;
  bytes: Buffer;
  body: string;
}

/**
 * The real server process for one webhook test file, started before its tests and stopped after,
 * driven as the platforms drive it; what was stored is read from its SQLite file, read-only.
 */
export function webhookServer(env: Record<string, string> = {}) {
  let server: ServerProcess;
  let db: BetterSqlite3.Database;
  beforeAll(async () => {
    server = await startServer(env);
    db = new BetterSqlite3(join(server.dataDir, 'yiwang.sqlite'), { readonly: true, fileMustExist: true });
  });
  afterAll(async () => {
    db?.close();
    await server?.stop();
  });
  const count = (table: 'messages' | 'requests') =>
    (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

  return {
    get server(): ServerProcess {
      return server;
    },
    get db(): BetterSqlite3.Database {
      return db;
    },
    /** POSTs to the account's webhook as the platform's servers do. */
    async post(channel: Channel, accountKey: string, delivery: WebhookPost): Promise<WebhookAnswer> {
      const query = new URLSearchParams(delivery.query ?? {});
      const response = await fetch(`${server.url}/channels/${channel}/${accountKey}?${query}`, {
        method: 'POST',
        headers: { 'content-type': delivery.contentType ?? 'text/xml' },
        body: delivery.body,
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      return { status: response.status, type: response.headers.get('content-type'), bytes, body: bytes.toString() };
    },
    /** The messages stored for a citizen (`channel:id`), oldest first. */
    messagesOf(citizenId: string): MessageRow[] {
      return db.prepare('select * from messages where citizen_id = ? order by sent_at').all(citizenId) as MessageRow[];
    },
    totalMessages: () => count('messages'),
    totalRequests: () => count('requests'),
  };
}
