import type { Db } from '../db/open-database';

export type AccountKind = 'operator' | 'unit';

/**
 * Disables or enables an operator or a unit account by name. Disabling ends every session of the
 * account at once (its tokens are refused from the next call) and stops it signing in.
 * Resolves false when there is no such account.
 */
export async function setAccountDisabled(db: Db, kind: AccountKind, name: string, disabled: boolean): Promise<boolean> {
  const table = kind === 'operator' ? 'operators' : 'unit_accounts';
  return db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom(table).select('id').where('name', '=', name).executeTakeFirst();
    if (!account) return false;
    await trx
      .updateTable(table)
      .set({ disabled_at: disabled ? new Date().toISOString() : null })
      .where('id', '=', account.id)
      .execute();
    if (disabled && kind === 'operator')
      await trx.deleteFrom('sessions').where('operator_id', '=', account.id).execute();
    if (disabled && kind === 'unit')
      await trx.deleteFrom('unit_sessions').where('unit_account_id', '=', account.id).execute();
    return true;
  });
}
