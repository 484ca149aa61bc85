import type { LoginResponse } from '../../shared/sync/protocol';
import { findOperatorByName, toOperator } from '../auth/operators';
import { hashPassword, needsRehash, verifySignIn } from '../auth/password';
import { createSession } from '../auth/sessions';
import type { Db } from '../db/open-database';
import { deviceSeq } from './device-seq';
import type { OperatorsTable } from '../db/schema';
import type { Shifts } from './shifts';

/** The operator whose name and password these are, or null (a disabled operator too), after the same work either way. */
export async function checkOperatorSignIn(db: Db, name: string, password: string): Promise<OperatorsTable | null> {
  const row = await findOperatorByName(db, name);
  const passwordOk = await verifySignIn(password, row?.password_hash ?? null);
  if (!row || !passwordOk || row.disabled_at !== null) return null;
  if (needsRehash(row.password_hash)) {
    const rehashed = await hashPassword(password);
    await db.updateTable('operators').set({ password_hash: rehashed }).where('id', '=', row.id).execute();
  }
  return row;
}

/** Signs a checked operator in on a device and starts their shift. */
export async function login(db: Db, shifts: Shifts, row: OperatorsTable, deviceId: string): Promise<LoginResponse> {
  const token = await createSession(db, row.id, deviceId);
  const lastHandover = await shifts.lastHandover();
  await shifts.start(row.id, deviceId);
  return { token, operator: toOperator(row), lastHandover, deviceSeq: await deviceSeq(db, deviceId) };
}
