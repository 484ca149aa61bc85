import { monotonicFactory } from 'ulid';
import type { UnitAccount } from '../../shared/units/protocol';
import { hashPassword, needsRehash, verifySignIn } from '../auth/password';
import type { Db } from '../db/open-database';

const ulid = monotonicFactory();

export class UnknownUnitError extends Error {}

export async function addUnitAccount(db: Db, name: string, password: string, unitId: string): Promise<UnitAccount> {
  const unit = await db.selectFrom('units').select(['id', 'name']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw new UnknownUnitError(`no unit ${unitId}`);
  const id = ulid();
  await db
    .insertInto('unit_accounts')
    .values({
      id,
      name,
      unit_id: unit.id,
      password_hash: await hashPassword(password),
      created_at: new Date().toISOString(),
    })
    .execute();
  return { id, name, unitId: unit.id, unitName: unit.name };
}

export async function findUnitAccount(
  db: Db,
  by: { id: string } | { name: string },
): Promise<{ account: UnitAccount; passwordHash: string } | null> {
  let query = db
    .selectFrom('unit_accounts')
    .innerJoin('units', 'units.id', 'unit_accounts.unit_id')
    .select([
      'unit_accounts.id',
      'unit_accounts.name',
      'unit_accounts.unit_id',
      'unit_accounts.password_hash',
      'units.name as unit_name',
    ]);
  // A disabled account is as good as gone: it cannot sign in, and its sessions find no account.
  query = query.where('unit_accounts.disabled_at', 'is', null);
  query = 'id' in by ? query.where('unit_accounts.id', '=', by.id) : query.where('unit_accounts.name', '=', by.name);
  const row = await query.executeTakeFirst();
  return row
    ? {
        account: { id: row.id, name: row.name, unitId: row.unit_id, unitName: row.unit_name },
        passwordHash: row.password_hash,
      }
    : null;
}

/** The account when name and password match, else null (after the same work either way). */
export async function checkUnitSignIn(db: Db, name: string, password: string): Promise<UnitAccount | null> {
  const found = await findUnitAccount(db, { name });
  const passwordOk = await verifySignIn(password, found?.passwordHash ?? null);
  if (!found || !passwordOk) return null;
  if (needsRehash(found.passwordHash)) {
    const rehashed = await hashPassword(password);
    await db.updateTable('unit_accounts').set({ password_hash: rehashed }).where('id', '=', found.account.id).execute();
  }
  return found.account;
}

/**
 * Unit accounts with guessable passwords (name = password), for `YIWANG_DEMO=1` only: a city
 * department, a district (which sees its bureaus and streets) and one of its bureaus.
 */
const DEMO_UNIT_ACCOUNTS: [name: string, unitId: string][] = [
  ['gaj', 'city-public-security'],
  ['zjj', 'city-housing'],
  ['cgj', 'city-urban-management'],
  ['rsj', 'city-human-resources'],
  ['frq', 'district-furong'],
  ['frgaj', 'district-furong.police'],
];

export async function ensureDemoUnitAccounts(db: Db): Promise<void> {
  await Promise.all(
    DEMO_UNIT_ACCOUNTS.map(async ([name, unitId]) => {
      if (!(await findUnitAccount(db, { name }))) await addUnitAccount(db, name, name, unitId);
    }),
  );
}
