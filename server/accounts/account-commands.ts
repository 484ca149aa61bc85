import { Role } from '../../shared/model';
import { audit } from '../audit/audit-log';
import { addOperator } from '../auth/operators';
import { hashPassword } from '../auth/password';
import { describePasswordProblems, passwordProblems } from '../auth/password-policy';
import type { Db } from '../db/open-database';
import { addUnitAccount, UnknownUnitError } from '../units/unit-accounts';
import { setAccountDisabled, type AccountKind } from './account-status';
import { readPassword } from './read-password';

export const ACCOUNT_USAGE =
  'add-operator <name> [operator|supervisor|admin] | add-unit-account <name> <unitId> | set-password operator|unit <name> (the password on standard input) | disable-account|enable-account operator|unit <name>';

const PASSWORD_ON_STDIN =
  "passwords are not taken as arguments (every user of this machine sees them in ps, and they stay in the shell's history): " +
  'give it on standard input, e.g. printf \'%s\\n\' "$PASSWORD" | tsx server/main.ts ';

/** Thrown with what the person at the command line should read; the process ends with exit code 2. */
export class AccountCommandError extends Error {}

const COMMANDS = ['add-operator', 'add-unit-account', 'set-password', 'disable-account', 'enable-account'] as const;
export type AccountCommand = (typeof COMMANDS)[number];

export function isAccountCommand(command: string): command is AccountCommand {
  return (COMMANDS as readonly string[]).includes(command);
}

/** Runs one account command of server/main.ts and says what it did, on the console and in the audit log. */
export async function runAccountCommand(db: Db, command: AccountCommand, args: string[]): Promise<void> {
  const actor = { actorKind: 'system' as const, actorName: 'command line' };
  switch (command) {
    case 'add-operator': {
      const [name, role = 'operator', ...extra] = args;
      const parsedRole = Role.safeParse(role);
      if (name && !parsedRole.success && extra.length <= 1) throw new AccountCommandError(PASSWORD_ON_STDIN + command);
      if (!name || !parsedRole.success || extra.length > 0) throw new AccountCommandError(`usage: ${ACCOUNT_USAGE}`);
      const password = await newPassword(name);
      const operator = await addOperator(db, { name, displayName: name, role: parsedRole.data, password });
      await audit(db, { ...actor, action: 'account-added', target: `operator:${name}`, details: { role } });
      console.log(`added operator ${operator.name} (${operator.role}) ${operator.id}`);
      return;
    }
    case 'add-unit-account': {
      const [name, unitId, ...extra] = args;
      if (extra.length > 0) throw new AccountCommandError(PASSWORD_ON_STDIN + command);
      if (!name || !unitId) throw new AccountCommandError(`usage: ${ACCOUNT_USAGE}`);
      const password = await newPassword(name);
      try {
        const account = await addUnitAccount(db, name, password, unitId);
        await audit(db, { ...actor, action: 'account-added', target: `unit:${name}`, details: { unitId } });
        console.log(`added unit account ${account.name} for ${account.unitName} (${account.unitId}) ${account.id}`);
      } catch (err) {
        if (!(err instanceof UnknownUnitError)) throw err;
        throw new AccountCommandError(`${err.message}: see the units directory for ids`);
      }
      return;
    }
    case 'set-password': {
      const [kind, name] = accountArgs(args);
      const password = await newPassword(name);
      if (!(await setPassword(db, kind, name, password))) throw new AccountCommandError(`no ${kind} account ${name}`);
      await audit(db, { ...actor, action: 'password-changed', target: `${kind}:${name}` });
      console.log(`${kind} account ${name}: password changed, its sessions ended`);
      return;
    }
    case 'disable-account':
    case 'enable-account': {
      const [kind, name] = accountArgs(args);
      const disabled = command === 'disable-account';
      if (!(await setAccountDisabled(db, kind, name, disabled)))
        throw new AccountCommandError(`no ${kind} account ${name}`);
      await audit(db, {
        ...actor,
        action: disabled ? 'account-disabled' : 'account-enabled',
        target: `${kind}:${name}`,
      });
      console.log(`${kind} account ${name} ${disabled ? 'disabled, its sessions ended' : 'enabled'}`);
      return;
    }
  }
}

function accountArgs(args: string[]): [AccountKind, string] {
  const [kind, name] = args;
  if ((kind !== 'operator' && kind !== 'unit') || !name || args.length > 2)
    throw new AccountCommandError(`usage: ${ACCOUNT_USAGE}`);
  return [kind, name];
}

async function newPassword(accountName: string): Promise<string> {
  const password = await readPassword(`password for ${accountName}: `);
  const problems = passwordProblems(password, accountName);
  if (problems.length > 0) throw new AccountCommandError(`password refused: ${describePasswordProblems(problems)}`);
  return password;
}

/** A new password ends the account's sessions: whoever had it signed in must sign in with the new one. */
async function setPassword(db: Db, kind: AccountKind, name: string, password: string): Promise<boolean> {
  const hash = await hashPassword(password);
  const table = kind === 'operator' ? 'operators' : 'unit_accounts';
  return db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom(table).select('id').where('name', '=', name).executeTakeFirst();
    if (!account) return false;
    await trx.updateTable(table).set({ password_hash: hash }).where('id', '=', account.id).execute();
    if (kind === 'operator') await trx.deleteFrom('sessions').where('operator_id', '=', account.id).execute();
    else await trx.deleteFrom('unit_sessions').where('unit_account_id', '=', account.id).execute();
    return true;
  });
}
