import type { UnitAccount } from '../../shared/units/protocol';
import { hashSessionToken, newSessionToken } from '../auth/session-token';
import { dueForRenewal, sessionAlive, type SessionLifetime } from '../auth/sessions';
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

/** The account of a live session: null when unknown, ended, expired or the account disabled; renewed while used. */
export async function findUnitSession(db: Db, token: string, lifetime: SessionLifetime): Promise<UnitAccount | null> {
  const tokenHash = hashSessionToken(token);
  const row = await db
    .selectFrom('unit_sessions')
    .select(['unit_account_id', 'created_at', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  if (!sessionAlive(row, lifetime, now)) {
    await endUnitSession(db, token);
    return null;
  }
  if (dueForRenewal(row, now))
    await db
      .updateTable('unit_sessions')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('token_hash', '=', tokenHash)
      .execute();
  return (await findUnitAccount(db, { id: row.unit_account_id }))?.account ?? null;
}

export async function endUnitSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('unit_sessions').where('token_hash', '=', hashSessionToken(token)).execute();
}
