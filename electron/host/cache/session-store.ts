import type { Operator } from '../../../shared/model';
import type { Cache } from './open-cache';
import type { TokenSeal } from './token-seal';

interface StoredSession {
  operator: Operator | null;
  token: string | null;
  serverUrl: string;
}

/** Who is signed in on this workstation, with the bearer token the server gave, kept across restarts. */
export function sessionStore(db: Cache, defaultServerUrl: string, seal: TokenSeal) {
  const get = db.prepare<[], { operator: string | null; token: string | null; server_url: string }>(
    'SELECT operator, token, server_url FROM session WHERE singleton = 1',
  );
  const put = db.prepare(
    `INSERT INTO session (singleton, operator, token, server_url) VALUES (1, @operator, @token, @serverUrl)
     ON CONFLICT (singleton) DO UPDATE SET operator = excluded.operator, token = excluded.token, server_url = excluded.server_url`,
  );

  return {
    get(): StoredSession {
      const row = get.get();
      if (!row) return { operator: null, token: null, serverUrl: defaultServerUrl };
      return {
        operator: row.operator ? (JSON.parse(row.operator) as Operator) : null,
        token: row.token === null ? null : seal.open(row.token),
        serverUrl: row.server_url,
      };
    },
    save(session: StoredSession): void {
      put.run({
        operator: session.operator ? JSON.stringify(session.operator) : null,
        token: session.token === null ? null : seal.seal(session.token),
        serverUrl: session.serverUrl,
      });
    },
  };
}
