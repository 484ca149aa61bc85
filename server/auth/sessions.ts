import type { Operator } from '../../shared/model';
import type { Db } from '../db/open-database';
import { toOperator } from './operators';
import { hashSessionToken, newSessionToken } from './session-token';

export interface Session {
  operator: Operator;
  deviceId: string;
}

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

export async function findSession(db: Db, token: string): Promise<Session | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('operators', 'operators.id', 'sessions.operator_id')
    .selectAll('operators')
    .select('sessions.device_id')
    .where('sessions.token_hash', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (!row) return null;
  return { operator: toOperator(row), deviceId: row.device_id };
}
