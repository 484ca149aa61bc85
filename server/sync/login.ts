import type { LoginRequest, LoginResponse } from '../../shared/sync/protocol';
import { findOperatorByName, toOperator } from '../auth/operators';
import { verifySignIn } from '../auth/password';
import { createSession } from '../auth/sessions';
import type { Db } from '../db/open-database';
import { deviceSeq } from './device-seq';
import type { Shifts } from './shifts';

/** Signs an operator in on a device and starts their shift; null when the name or password is wrong. */
export async function login(db: Db, shifts: Shifts, body: LoginRequest): Promise<LoginResponse | null> {
  const row = await findOperatorByName(db, body.name);
  const passwordOk = await verifySignIn(body.password, row?.password_hash ?? null);
  if (!row || !passwordOk) return null;
  const token = await createSession(db, row.id, body.deviceId);
  const lastHandover = await shifts.lastHandover();
  await shifts.start(row.id, body.deviceId);
  return { token, operator: toOperator(row), lastHandover, deviceSeq: await deviceSeq(db, body.deviceId) };
}
