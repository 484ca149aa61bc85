import { randomBytes } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import type { Operator, Role } from '../../shared/model';
import type { Db } from '../db/open-database';
import type { OperatorsTable } from '../db/schema';
import { hashPassword } from './password';

const ulid = monotonicFactory();

export interface NewOperator {
  name: string;
  displayName: string;
  role: Role;
  password: string;
}

export async function addOperator(db: Db, input: NewOperator): Promise<Operator> {
  const row: OperatorsTable = {
    id: ulid(),
    name: input.name,
    display_name: input.displayName,
    role: input.role,
    password_hash: await hashPassword(input.password),
    created_at: new Date().toISOString(),
    disabled_at: null,
  };
  await db.insertInto('operators').values(row).execute();
  return toOperator(row);
}

export async function findOperatorByName(db: Db, name: string): Promise<OperatorsTable | undefined> {
  return db.selectFrom('operators').selectAll().where('name', '=', name).executeTakeFirst();
}

/**
 * The first start creates `admin`: with the configured password, or with a random one that is
 * returned to be shown once (there is no default password). Later starts leave it alone (null).
 */
export async function ensureAdmin(db: Db, password: string | null): Promise<{ generated: string | null } | null> {
  if (await findOperatorByName(db, 'admin')) return null;
  const generated = password === null ? randomBytes(15).toString('base64url') : null;
  await addOperator(db, { name: 'admin', displayName: '管理员', role: 'admin', password: password ?? generated! });
  return { generated };
}

/**
 * Demo staff with guessable passwords, for `YIWANG_DEMO=1` only (local demos, end-to-end tests).
 * A production server never has them.
 */
const DEMO_OPERATORS: NewOperator[] = [
  { name: 'op1', displayName: '受理员一', role: 'operator', password: 'op1' },
  { name: 'op2', displayName: '受理员二', role: 'operator', password: 'op2' },
  { name: 'op3', displayName: '受理员三', role: 'operator', password: 'op3' },
  { name: 'sup1', displayName: '督查员', role: 'supervisor', password: 'sup1' },
];

export async function ensureDemoOperators(db: Db): Promise<void> {
  // Side by side: each scrypt hash takes a core for a while, and a demo starts with several.
  await Promise.all(
    DEMO_OPERATORS.map(async (op) => {
      if (!(await findOperatorByName(db, op.name))) await addOperator(db, op);
    }),
  );
}

export function toOperator(row: OperatorsTable): Operator {
  return { id: row.id, name: row.name, displayName: row.display_name, role: row.role as Role };
}
