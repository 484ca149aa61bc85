import type { UnitAccount } from '../../shared/units/protocol';
import { hashSessionToken, newSessionToken } from '../auth/session-token';
import type { Db } from '../db/open-database';
import { findUnitAccount } from './unit-accounts';

/** Starts a unit account's session and returns its token; only the token's hash is stored. */
export async function createUnitSession(db: Db, accountId: string): Promise<string> {
  const { token, tokenHash } = newSessionToken();
  await db
    .insertInto('unit_sessions')
    .values({ token_hash: tokenHash, unit_account_id: accountId, created_at: new Date().toISOString() })
    .execute();
  return token;
}

export async function findUnitSession(db: Db, token: string): Promise<UnitAccount | null> {
  const row = await db
    .selectFrom('unit_sessions')
    .select('unit_account_id')
    .where('token_hash', '=', hashSessionToken(token))
    .executeTakeFirst();
  if (!row) return null;
  return (await findUnitAccount(db, { id: row.unit_account_id }))?.account ?? null;
}

export async function endUnitSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('unit_sessions').where('token_hash', '=', hashSessionToken(token)).execute();
}
