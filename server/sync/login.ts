import type { LoginRequest, LoginResponse } from '../../shared/sync/protocol';
import { findOperatorByName, toOperator } from '../auth/operators';
import { hashPassword, verifyPassword } from '../auth/password';
import { createSession } from '../auth/sessions';
import type { Db } from '../db/open-database';

/** Compared against when the name is unknown, so a wrong name takes as long as a wrong password. */
const unknownOperatorHash = hashPassword('no such operator');

/** Signs an operator in on a device; null when the name or password is wrong. */
export async function login(db: Db, body: LoginRequest): Promise<LoginResponse | null> {
  const row = await findOperatorByName(db, body.name);
  const passwordOk = await verifyPassword(body.password, row?.password_hash ?? (await unknownOperatorHash));
  if (!row || !passwordOk) return null;
  const token = await createSession(db, row.id, body.deviceId);
  return { token, operator: toOperator(row) };
}
