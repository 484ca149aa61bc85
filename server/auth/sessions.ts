import type { Operator } from '../../shared/model';
import type { Db } from '../db/open-database';
import { toOperator } from './operators';
import { hashSessionToken, newSessionToken } from './session-token';

export interface Session {
  operator: Operator;
  deviceId: string;
}

/** How long a session lives: renewed by use up to `idleMs`, and never longer than `maxMs` from sign-in. */
export interface SessionLifetime {
  idleMs: number;
  maxMs: number;
}

/** A session is renewed at most this often, so a busy workstation does not write on every call. */
const RENEW_EVERY_MS = 60_000;

/** Whether a session created and last used at these times is still alive at `now`. */
export function sessionAlive(
  row: { created_at: string; last_used_at: string | null },
  lifetime: SessionLifetime,
  now: number,
): boolean {
  const lastUsed = Date.parse(row.last_used_at ?? row.created_at);
  return now - lastUsed <= lifetime.idleMs && now - Date.parse(row.created_at) <= lifetime.maxMs;
}

/** Whether a live session's last use is old enough to be written again. */
export const dueForRenewal = (row: { created_at: string; last_used_at: string | null }, now: number) =>
  now - Date.parse(row.last_used_at ?? row.created_at) >= RENEW_EVERY_MS;

/** Starts a session for an operator on a device and returns its bearer token; only the token's hash is stored. */
export async function createSession(db: Db, operatorId: string, deviceId: string): Promise<string> {
  const { token, tokenHash } = newSessionToken();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('devices')
      .values({ id: deviceId, first_seen_at: now, last_seen_at: now, last_operator_id: operatorId })
      .onConflict((oc) => oc.column('id').doUpdateSet({ last_seen_at: now, last_operator_id: operatorId }))
      .execute();
    await trx
      .insertInto('sessions')
      .values({ token_hash: tokenHash, operator_id: operatorId, device_id: deviceId, created_at: now })
      .execute();
  });
  return token;
}

/** The session of a token: null when unknown, ended, expired or its operator disabled; renewed while used. */
export async function findSession(db: Db, token: string, lifetime: SessionLifetime): Promise<Session | null> {
  const tokenHash = hashSessionToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('operators', 'operators.id', 'sessions.operator_id')
    .selectAll('operators')
    .select(['sessions.device_id', 'sessions.created_at as session_created_at', 'sessions.last_used_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.disabled_at !== null) return null;
  const now = Date.now();
  const times = { created_at: row.session_created_at, last_used_at: row.last_used_at };
  if (!sessionAlive(times, lifetime, now)) {
    await endSession(db, token);
    return null;
  }
  if (dueForRenewal(times, now)) {
    await db
      .updateTable('sessions')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return { operator: toOperator(row), deviceId: row.device_id };
}

/** Ends one session: its token is refused from now on. */
export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashSessionToken(token)).execute();
}
